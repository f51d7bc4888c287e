package org.publiccredit.record.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.publiccredit.testkit.Api;
import org.publiccredit.testkit.IntegrationTest;
import org.publiccredit.testkit.Reply;
import org.publiccredit.testkit.Tokens;
import tools.jackson.databind.JsonNode;

/**
 * Who looked at whom, through the gateway: a subject's own access log (查询记录) shows the checks that included it and the
 * reads of its file, by department or partner and never by person; the admins' audit lists filter and export CSV.
 */
@IntegrationTest
class AccessLogIT {

    private static final String TODAY = LocalDate.now(ZoneId.of("Asia/Shanghai")).toString();
    private final Api bank = Api.gateway().as(Tokens.client("partner-bank"));
    private final Api admin = Api.gateway().as(Tokens.user("admin1"));

    private String check(Api who, String purpose, String... subjects) {
        return who.post("/api/v1/checks", Map.of("scenario", "GOV_PROCUREMENT", "subjects", List.of(subjects), "purpose", purpose))
                .expect(201).json().path("checkId").asString();
    }

    private static List<JsonNode> items(JsonNode page) {
        return page.path("items").valueStream().toList();
    }

    private static List<JsonNode> withPurpose(JsonNode page, String purpose) {
        return items(page).stream().filter(e -> purpose.equals(e.path("purpose").asString(null))).toList();
    }

    @Test
    void anEnterpriseSeesThePartnersCheckOfItAndAnotherEnterpriseDoesNot() {
        String purpose = "贷款审批 " + UUID.randomUUID();
        check(bank, purpose, Records.ENT1);
        JsonNode log = Api.gateway().as(Tokens.user("ent1")).get("/api/v1/subjects/mine/access-log?size=50").expect(200).json();
        List<JsonNode> mine = withPurpose(log, purpose);
        assertThat(mine).hasSize(1);
        JsonNode entry = mine.getFirst();
        assertThat(entry.path("kind").asString()).isEqualTo("CHECK");
        assertThat(entry.path("scenario").asString()).isEqualTo("GOV_PROCUREMENT");
        assertThat(entry.path("scenarioName").asString()).isEqualTo("政府采购");
        assertThat(entry.path("by").path("type").asString()).isEqualTo("PARTNER");
        assertThat(entry.path("by").path("client").asString()).isEqualTo("partner-bank");
        assertThat(entry.path("by").path("department").asString()).isEqualTo("bank");
        assertThat(entry.toString()).as("never the account's own name").doesNotContain("service-account");
        assertThat(log.path("total").asLong()).isGreaterThanOrEqualTo(1);
        // newest first
        List<String> at = items(log).stream().map(e -> e.path("at").asString()).toList();
        assertThat(at).isSortedAccordingTo(java.util.Comparator.reverseOrder());

        JsonNode other = Api.gateway().as(Tokens.user("ent2")).get("/api/v1/subjects/mine/access-log?size=100").expect(200).json();
        assertThat(withPurpose(other, purpose)).isEmpty();
    }

    @Test
    void aCitizenSeesTheChecksOfHimAndTheDepartmentThatReadHisFileButNotWho() {
        String purpose = "个人贷款审查 " + UUID.randomUUID();
        check(bank, purpose, Records.CITIZEN1);
        Api citizen = Api.gateway().as(Tokens.user("citizen1"));
        String subjectId = citizen.get("/api/v1/subjects/mine").expect(200).json().path("id").asString();
        // the market department reads its records of the person: a read beyond the public view, audited
        Api.gateway().as(Tokens.user("officer-market")).get("/api/v1/subjects/" + subjectId + "/records").expect(200);

        JsonNode log = citizen.get("/api/v1/subjects/mine/access-log?size=20").expect(200).json();
        assertThat(withPurpose(log, purpose)).hasSize(1);
        JsonNode read = items(log).stream().filter(e -> e.path("kind").asString().equals("READ")).findFirst().orElseThrow();
        assertThat(read.path("by").path("type").asString()).isEqualTo("DEPARTMENT");
        assertThat(read.path("by").path("department").asString()).isEqualTo("market");
        assertThat(read.path("what").asString()).isNotBlank();
        assertThat(log.toString()).doesNotContain("officer-market");
        // another person's check is not in his log
        JsonNode ent1 = Api.gateway().as(Tokens.user("ent1")).get("/api/v1/subjects/mine/access-log?size=100").expect(200).json();
        assertThat(withPurpose(ent1, purpose)).isEmpty();
        // admins see the read with the person who read, filtered by the subject and the department
        JsonNode reads = admin.get("/api/v1/audit/reads?subject=" + Records.CITIZEN1 + "&department=market&from=" + TODAY).expect(200).json();
        assertThat(items(reads)).isNotEmpty().allSatisfy(r -> {
            assertThat(r.path("subjectId").asString()).isEqualTo(subjectId);
            assertThat(r.path("department").asString()).isEqualTo("market");
        });
        assertThat(items(reads).getFirst().path("caller").asString()).isEqualTo("officer-market");
    }

    @Test
    void adminsFilterChecksBySubjectClientDepartmentAndTimeAndExportThemAsCsv() {
        String subject = Records.freshUscc();
        String purpose = "=HYPERLINK(\"http://x\") 招标, \"审查\"";
        String first = check(bank, purpose, subject);
        String second = check(bank, "复核", subject, Records.ENT1);
        String byOfficer = check(Api.gateway().as(Tokens.user("officer-tax")), "税务检查", subject);

        JsonNode all = admin.get("/api/v1/audit/checks?subject=" + subject).expect(200).json();
        assertThat(items(all)).extracting(c -> c.path("checkId").asString()).containsExactly(byOfficer, second, first);
        assertThat(all.path("total").asLong()).isEqualTo(3);
        JsonNode bankOnly = admin.get("/api/v1/audit/checks?subject=" + subject + "&client=partner-bank&from=" + TODAY + "&to=" + TODAY)
                .expect(200).json();
        assertThat(items(bankOnly)).extracting(c -> c.path("checkId").asString()).containsExactly(second, first);
        assertThat(items(bankOnly).getFirst().path("caller").asString()).isEqualTo("service-account-partner-bank");
        JsonNode tax = admin.get("/api/v1/audit/checks?subject=" + subject + "&department=tax").expect(200).json();
        assertThat(items(tax)).extracting(c -> c.path("checkId").asString()).containsExactly(byOfficer);
        assertThat(items(tax).getFirst().path("caller").asString()).isEqualTo("officer-tax");
        JsonNode paged = admin.get("/api/v1/audit/checks?subject=" + subject + "&page=1&size=2").expect(200).json();
        assertThat(items(paged)).extracting(c -> c.path("checkId").asString()).containsExactly(first);
        JsonNode yesterday = admin.get("/api/v1/audit/checks?subject=" + subject + "&to="
                + LocalDate.parse(TODAY).minusDays(1)).expect(200).json();
        assertThat(yesterday.path("total").asLong()).isZero();

        Reply csv = admin.get("/api/v1/audit/checks?subject=" + subject + "&format=csv").expect(200);
        assertThat(csv.header("Content-Type").getFirst()).startsWith("text/csv");
        assertThat(csv.header("Content-Disposition").getFirst()).contains("attachment").contains(".csv");
        byte[] bytes = csv.bytes();
        assertThat(Arrays.copyOf(bytes, 3)).as("a byte order mark, for Excel").containsExactly(0xEF, 0xBB, 0xBF);
        String text = new String(bytes, 3, bytes.length - 3, StandardCharsets.UTF_8);
        List<String> lines = text.lines().toList();
        assertThat(lines).hasSize(4);
        assertThat(lines.getFirst()).isEqualTo("\"checked_at\",\"check_id\",\"scenario\",\"purpose\",\"caller\",\"client_id\",\"department\",\"subjects\"");
        assertThat(lines.get(1)).contains(byOfficer).contains("\"officer-tax\"");
        assertThat(lines.get(2)).contains(second).contains("\"" + subject + " " + Records.ENT1 + "\"");
        // quotes doubled, the comma kept inside the cell, and a formula shown as text (apostrophe), never run
        assertThat(lines.get(3)).contains(first).contains("\"'=HYPERLINK(\"\"http://x\"\") 招标, \"\"审查\"\"\"");
        assertThat(text).contains("\r\n");
        Reply accept = admin.header("Accept", "text/csv").get("/api/v1/audit/checks?subject=" + subject);
        assertThat(accept.expect(200).text()).contains(first);
    }

    @Test
    void badQueriesAreValidationProblemsAndOnlyAdminsReadTheAudit() {
        JsonNode problem = admin.get("/api/v1/audit/checks?from=2026-02-30&to=yesterday&page=-1&size=1000&format=xml")
                .expectProblem(400, "VALIDATION_FAILED");
        assertThat(problem.path("errors").valueStream().map(e -> e.path("field").asString()).toList())
                .containsExactlyInAnyOrder("from", "to", "page", "size", "format");
        admin.get("/api/v1/audit/reads?from=2026-12-06&to=2026-12-01").expectProblem(400, "VALIDATION_FAILED");
        admin.get("/api/v1/audit/reads?subject=91450200MA5K00012X").expectProblem(400, "VALIDATION_FAILED");
        Api.gateway().as(Tokens.user("ent1")).get("/api/v1/subjects/mine/access-log?size=0").expectProblem(400, "VALIDATION_FAILED");

        Api.gateway().get("/api/v1/audit/checks").expectProblem(401, "UNAUTHENTICATED");
        Api.gateway().get("/api/v1/subjects/mine/access-log").expectProblem(401, "UNAUTHENTICATED");
        Api.gateway().as(Tokens.user("ent1")).get("/api/v1/audit/checks").expectProblem(403, "ACCESS_DENIED");
        Api.gateway().as(Tokens.user("officer-market")).get("/api/v1/audit/reads").expectProblem(403, "ACCESS_DENIED");
        bank.get("/api/v1/audit/checks?format=csv").expectProblem(403, "ACCESS_DENIED");
        // an account that acts for no subject has no access log
        Api.gateway().as(Tokens.user("officer-market")).get("/api/v1/subjects/mine/access-log")
                .expectProblem(404, "SUBJECT_NOT_REGISTERED");
    }
}
