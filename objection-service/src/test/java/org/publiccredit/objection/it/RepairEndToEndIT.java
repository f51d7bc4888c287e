package org.publiccredit.objection.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;
import static org.junit.jupiter.api.DynamicTest.dynamicTest;
import static org.publiccredit.objection.it.Fixtures.ENT1;
import static org.publiccredit.objection.it.Fixtures.TODAY;
import static org.publiccredit.objection.it.Fixtures.as;
import static org.publiccredit.objection.it.Fixtures.assertState;
import static org.publiccredit.objection.it.Fixtures.freshUscc;
import static org.publiccredit.objection.it.Fixtures.key;

import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Predicate;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.publiccredit.objection.attachment.TestFiles;
import org.publiccredit.testkit.Api;
import org.publiccredit.testkit.IntegrationTest;
import org.publiccredit.testkit.Tokens;
import tools.jackson.databind.JsonNode;

/**
 * Issue 22, "each repairable category can be repaired end to end with the right department's officer", through the
 * gateway with real tokens. The categories come from the catalog ({@code GET /api/v1/catalog}), so a new repairable
 * category without a case here fails. For each: its own department's officer pushes a record about ent1, backdated by
 * the category's eligibility rule; the enterprise files the repair with the signed texts and proof; the region's reviewer
 * accepts and assigns it; another department's officer is refused (404); the same department verifies (proposes); the
 * reviewer approves; then the record is REPAIRED, gone from the public view and from credit checks, the case APPROVED,
 * and the applicant has the accepted and decided mails (and the department the verification-due mail).
 */
@IntegrationTest
class RepairEndToEndIT {

    static final Duration EFFECT = Duration.ofSeconds(30);
    static final Duration MAIL = Duration.ofSeconds(30);

    /** The supplying departments, in the order "another department" is picked (the next one). */
    static final List<String> DEPARTMENTS = List.of("market", "tax", "court", "emergency", "finance", "hr", "customs", "statistics");

    /**
     * How a category's record is pushed: by whom, the deciding authority (named after the department, so the signed text
     * names it), the category's fields.
     */
    record Spec(String department, String authority, Map<String, Object> fields) {
        String officer() {
            return "officer-" + department;
        }

        String otherDepartment() {
            return DEPARTMENTS.get((DEPARTMENTS.indexOf(department) + 1) % DEPARTMENTS.size());
        }

        String mailbox() {
            return officer() + "@demo.publiccredit.local";
        }
    }

    static final String LATER = TODAY.plusYears(2).toString();

    /** One case per repairable category; a category of the catalog that is missing here fails its dynamic test. */
    static final Map<String, Spec> SPECS = Map.of(
            // 行政处罚 is supplied by any department: here the tax bureau's
            "ADM_PENALTY", new Spec("tax", "国家税务总局柳州市税务局", penaltyFields("国家税务总局柳州市税务局")),
            "TAX_MAJOR_VIOLATION", new Spec("tax", "国家税务总局柳州市税务局",
                    Map.of("violationFacts", "虚开增值税专用发票", "taxAmount", "120.5")),
            "SAFETY_SERIOUS", new Spec("emergency", "柳州市应急管理局", Map.of("violationFacts", "发生较大生产安全事故")),
            "PROCUREMENT_BAN", new Spec("finance", "柳州市财政局", Map.of("violationFacts", "提供虚假材料谋取中标",
                    "penaltyContent", "禁止参加政府采购活动两年", "banUntil", LATER)),
            "WAGE_ARREARS", new Spec("hr", "柳州市人力资源和社会保障局", Map.of("arrearsAmount", "35.2", "affectedWorkers", 17,
                    "listedUntil", LATER)),
            "CUSTOMS_DISHONEST", new Spec("customs", "南宁海关", Map.of("reason", "走私违规", "listedUntil", LATER)),
            "STATS_SERIOUS", new Spec("statistics", "柳州市统计局", Map.of("reason", "统计造假", "listedUntil", LATER)),
            "BUSINESS_ABNORMAL", new Spec("market", "柳州市市场监督管理局", Map.of("reason", "通过登记的住所无法联系")));

    private static Map<String, Object> penaltyFields(String authority) {
        Map<String, Object> f = new LinkedHashMap<>();
        f.put("violationType", "未按期申报");
        f.put("violationFacts", "未按规定期限办理纳税申报");
        f.put("penaltyBasis", "《中华人民共和国税收征收管理法》第六十二条");
        f.put("penaltyCategory", "罚款");
        f.put("penaltyContent", "罚款人民币五千元");
        f.put("fineAmount", "0.5");
        f.put("penaltyValidUntil", TODAY.plusMonths(6).toString());
        f.put("authorityUscc", freshUscc());
        f.put("dataSource", authority);
        f.put("dataSourceUscc", freshUscc());
        return f;
    }

    static List<JsonNode> repairableEntries() {
        List<JsonNode> out = new ArrayList<>();
        for (JsonNode e : Api.gateway().get("/api/v1/catalog").expect(200).json().path("entries")) {
            if (e.path("repair").path("repairable").asBoolean()) {
                out.add(e);
            }
        }
        assertThat(out).as("the catalog has repairable categories").isNotEmpty();
        return out;
    }

    @TestFactory
    Stream<DynamicTest> eachRepairableCategoryIsRepairedEndToEndWithItsOwnDepartmentsOfficer() {
        return repairableEntries().stream().map(entry -> dynamicTest(entry.path("code").asString(), () -> {
            Spec spec = spec(entry);
            repairEndToEnd(entry, spec, Fixtures.as(spec.officer()), Fixtures.as("officer-" + spec.otherDepartment()));
        }));
    }

    @Test
    void theSpecsCoverEveryRepairableCategoryAndNoOther() {
        Set<String> repairable = new HashSet<>();
        repairableEntries().forEach(e -> repairable.add(e.path("code").asString()));
        assertThat(SPECS.keySet()).as("one case per repairable catalog category").containsExactlyInAnyOrderElementsOf(repairable);
    }

    /** The partner client of a supplying department verifies through the API as its officers do in the portal. */
    @Test
    void aDepartmentsPartnerClientVerifiesTheRepairThroughTheApi() {
        JsonNode entry = repairableEntries().stream().filter(e -> e.path("code").asString().equals("STATS_SERIOUS")).findFirst()
                .orElseThrow(() -> new AssertionError("STATS_SERIOUS is no longer repairable in the catalog"));
        Api partner = Api.gateway().as(Tokens.client("partner-statistics"));
        // a bank's client is no supplying department: it meets no case either
        Api bank = Api.gateway().as(Tokens.client("partner-bank"));
        String caseId = repairEndToEnd(entry, spec(entry), partner, Api.gateway().as(Tokens.client("partner-customs")), bank);
        JsonNode c = partner.get("/api/v1/cases/" + caseId).expect(200).json();
        List<String> actions = c.path("timeline").findValuesAsString("action");
        assertThat(actions).contains("PROPOSE", "DECIDE");
    }

    private static Spec spec(JsonNode entry) {
        String code = entry.path("code").asString();
        Spec spec = SPECS.get(code);
        if (spec == null) {
            fail("repairable category " + code + " has no case in RepairEndToEndIT.SPECS: add one (its department, fields)");
        }
        List<String> suppliers = new ArrayList<>();
        entry.path("suppliers").forEach(s -> suppliers.add(s.asString()));
        assertThat(suppliers).as("%s is supplied by %s", code, spec.department()).containsAnyOf(spec.department(), "*");
        return spec;
    }

    /**
     * The whole repair of one record of {@code entry}'s category.
     *
     * @param verifier the department's officer or partner client who proposes the outcome
     * @param others callers of other departments: they neither see the case nor propose
     * @return the case id
     */
    private static String repairEndToEnd(JsonNode entry, Spec spec, Api verifier, Api... others) {
        String category = entry.path("code").asString();
        String kind = entry.path("kind").asString();
        boolean listed = kind.equals("BLACK_LIST") || kind.equals("ABNORMAL_LIST");
        LocalDate decided = decidedSoEligible(entry);

        // the department pushes the record (its own officer: the token's department claim is the record's department)
        Map<String, Object> fields = new LinkedHashMap<>(spec.fields());
        fields.put("authority", spec.authority());
        Map<String, Object> push = Map.of("category", category, "subject", Map.of("identifier", ENT1, "name", "柳州示范科技有限公司"),
                "documentNumber", "柳修〔" + decided.getYear() + "〕E2E" + UUID.randomUUID().toString().substring(0, 12),
                "decisionDate", decided.toString(), "fields", fields);
        String recordId = as(spec.officer()).post("/api/v1/records", push).expect(201).json().path("id").asString();
        JsonNode mine = myRecord(recordId);
        assertThat(mine.path("department").asString()).isEqualTo(spec.department());
        assertThat(mine.path("publicNow").asBoolean()).as("%s public before the repair: %s", category, mine).isTrue();
        assertThat(publicIds(category)).as("%s in the public view before the repair", category).contains(recordId);
        if (listed) {
            assertThat(check(entry).toString()).as("%s in the credit check before the repair", category).contains(recordId);
        }

        // the enterprise: eligible by the category's rule, the texts to sign, the filing with proof
        JsonNode eligibility = as("ent1").get("/api/v1/repairs/eligibility?record=" + recordId).expect(200).json();
        assertThat(eligibility.path("eligible").asBoolean()).as("%s eligible: %s", category, eligibility).isTrue();
        assertThat(LocalDate.parse(eligibility.path("eligibleFrom").asString())).isBeforeOrEqualTo(TODAY);
        String registered = Api.gateway().get("/api/v1/subjects/" + ENT1).expect(200).json().path("name").asString();
        JsonNode templates = as("ent1").get("/api/v1/repairs/templates?record=" + recordId).expect(200).json().path("templates");
        assertThat(templates).hasSize(2);
        List<Map<String, Object>> accepted = new ArrayList<>();
        for (JsonNode t : templates) {
            assertThat(t.path("text").asString()).as("%s %s", category, t.path("id").asString())
                    .contains(registered, ENT1, spec.authority())
                    .doesNotContain("{{", "ent1", category, "null");
            accepted.add(Map.of("id", t.path("id").asString(), "version", t.path("version").asString()));
        }
        assertThat(templates.get(0).path("text").asString()).contains("信息类别：" + entry.path("nameZh").asString());

        Map<String, Object> body = Map.of("recordId", recordId, "reason", "已履行相关义务，申请信用修复", "obligationsFulfilled", true,
                "obligationsStatement", "相关义务已于" + TODAY.minusDays(20) + "履行完毕", "acceptedTemplates", accepted);
        Multipart m = new Multipart().json("case", body).file("proof", "履行证明.pdf", "application/pdf", TestFiles.pdf());
        JsonNode filed = as("ent1").header("Idempotency-Key", key()).post("/api/v1/repairs", m.contentType(), m.body())
                .expect(201).json();
        String id = filed.path("id").asString();
        assertState(filed, "SUBMITTED");
        assertThat(filed.path("kind").asString()).isEqualTo("REPAIR");
        assertThat(filed.path("signedTexts").findValuesAsString("textSha256"))
                .containsExactlyInAnyOrderElementsOf(templates.findValuesAsString("sha256"));
        String path = "/api/v1/cases/" + id;

        // the region's reviewer (reviewer1, 4502) accepts and hands it to the department; Wuzhou's does not see it
        as("reviewer2").post(path + ":accept", Map.of()).expectProblem(404, "NOT_FOUND");
        assertState(Fixtures.act("reviewer1", id, "accept", Map.of()), "ACCEPTED");
        assertState(Fixtures.act("reviewer1", id, "assign", Map.of()), "ACCEPTED");

        // the department finds it in its console's queue of new verifications; another department neither sees nor verifies it
        assertThat(queue(verifier, "new")).as("%s in the department's new queue", category).contains(id);
        Map<String, Object> approve = Map.of("outcome", "APPROVED", "reason", "履行证明核对无误");
        for (Api other : others) {
            assertThat(queue(other, "open")).doesNotContain(id);
            other.get(path).expectProblem(404, "NOT_FOUND");
            other.post(path + ":propose", approve).expectProblem(404, "NOT_FOUND");
        }
        // the applicant cannot propose for the department
        as("ent1").post(path + ":propose", approve).expectProblem(403, "ACCESS_DENIED");

        // the same department verifies
        assertThat(verifier.get(path).expect(200).json().path("id").asString()).isEqualTo(id);
        JsonNode reviewed = verifier.post(path + ":propose", approve).expect(200).json();
        assertState(reviewed, "REVIEWED");
        assertThat(reviewed.path("proposal").path("outcome").asString()).isEqualTo("APPROVED");

        // the reviewer decides
        JsonNode approved = Fixtures.act("reviewer1", id, "decide", Map.of("outcome", "APPROVED", "reason", "符合信用修复条件"));
        assertState(approved, "APPROVED");
        assertThat(approved.path("decision").path("outcome").asString()).isEqualTo("APPROVED");
        JsonNode applicantView = as("ent1").get(path).expect(200).json();
        assertState(applicantView, "APPROVED");
        assertThat(applicantView.path("decision").path("outcome").asString()).isEqualTo("APPROVED");
        assertThat(applicantView.path("decision").path("reason").asString()).isEqualTo("符合信用修复条件");
        assertThat(applicantView.path("nextDeadline").isNull()).as("%s", applicantView.path("nextDeadline")).isTrue();

        // the record is REPAIRED (kept, with the reason) and out of the public view and the credit checks
        JsonNode repaired = await(() -> myRecord(recordId), r -> "REPAIRED".equals(r.path("state").asString()), EFFECT,
                category + " record " + recordId + " REPAIRED");
        assertThat(repaired.path("publicNow").asBoolean()).isFalse();
        assertThat(repaired.path("publicReason").asString()).isEqualTo("REPAIRED");
        assertThat(publicIds(category)).as("%s gone from the public view", category).doesNotContain(recordId);
        JsonNode check = check(entry);
        assertThat(check.toString()).as("%s gone from the credit check", category).doesNotContain(recordId);
        assertThat(check.path("results").get(0).path("status").asString()).isEqualTo("CHECKED");

        // told: the applicant when accepted and when decided, the department when its verification was due
        assertThat(Mailbox.await(WithdrawalAndMootIT.ENT1_MAIL, mail(id, "accept"), MAIL)).as("%s accepted mail", category).hasSize(1);
        assertThat(Mailbox.await(WithdrawalAndMootIT.ENT1_MAIL, mail(id, "decide"), MAIL)).as("%s decided mail", category).hasSize(1);
        assertThat(Mailbox.await(spec.mailbox(), mail(id, "assign"), MAIL)).as("%s verification-due mail", category).hasSize(1);
        return id;
    }

    private static Predicate<Mailbox.Message> mail(String caseId, String event) {
        return msg -> msg.header("X-Case-Id", caseId) && msg.header("X-Notification-Id", "case:" + caseId + ":" + event);
    }

    /**
     * A decision date from which the category's rule (catalog data) makes a repair possible today: a month beyond the
     * list's minimum, or beyond the minimum publicity period of the (default) class, or yesterday for "on correction".
     */
    static LocalDate decidedSoEligible(JsonNode entry) {
        JsonNode repair = entry.path("repair");
        JsonNode publicity = entry.path("publicity");
        String from = repair.path("from").asString();
        return switch (from) {
            case "AFTER_MONTHS" -> TODAY.minusMonths(repair.path("months").asInt() + 1L);
            case "MIN_PERIOD" -> {
                JsonNode severity = publicity.path("severity");
                int min = severity.isObject()
                        ? severity.path("windows").path(severity.path("otherwise").asString()).path("minMonths").asInt()
                        : publicity.path("minMonths").asInt();
                yield TODAY.minusMonths(min + 1L);
            }
            case "ON_CORRECTION" -> TODAY.minusDays(1);
            default -> throw new AssertionError(entry.path("code").asString() + ": eligibility rule '" + from + "' unknown to this test");
        };
    }

    /**
     * The case ids of a department's queue (all pages), as its console lists them; a caller who is no department (a
     * bank's client) has no queue (403) and so an empty list here.
     */
    private static Set<String> queue(Api caller, String name) {
        Set<String> ids = new HashSet<>();
        for (int page = 0; page < 100; page++) {
            var reply = caller.get("/api/v1/cases?queue=" + name + "&size=100&page=" + page);
            if (reply.status() == 403) {
                reply.expectProblem(403, "ACCESS_DENIED");
                return ids;
            }
            JsonNode p = reply.expect(200).json();
            assertThat(p.path("scope").asString()).isEqualTo("department");
            p.path("items").forEach(i -> ids.add(i.path("id").asString()));
            if (p.path("items").isEmpty() || (page + 1L) * 100 >= p.path("total").asLong()) {
                return ids;
            }
        }
        return ids;
    }

    /** The record in the applicant's own file (through the gateway), with its state and publicity reason. */
    private static JsonNode myRecord(String recordId) {
        return as("ent1").get("/api/v1/subjects/mine/records/" + recordId).expect(200).json();
    }

    /** Every record id of the category in ent1's public view, all pages. */
    private static Set<String> publicIds(String category) {
        Set<String> ids = new HashSet<>();
        for (int page = 0; page < 100; page++) {
            JsonNode p = Api.gateway().get("/api/v1/public/subjects/" + ENT1 + "/records?category=" + category + "&size=100&page=" + page)
                    .expect(200).json();
            p.path("items").forEach(i -> ids.add(i.path("recordId").asString()));
            if (p.path("items").isEmpty() || (page + 1L) * 100 >= p.path("total").asLong()) {
                return ids;
            }
        }
        return ids;
    }

    /** A bank's credit check of ent1 in a scenario the category has measures for (any, when it has none). */
    private static JsonNode check(JsonNode entry) {
        var scenarios = entry.path("measures").propertyNames().iterator();
        String scenario = scenarios.hasNext() ? scenarios.next() : "HONORS";
        if (scenario.equals("*")) {
            scenario = "HONORS";
        }
        return Api.gateway().as(Tokens.client("partner-bank")).post("/api/v1/checks",
                Map.of("scenario", scenario, "subjects", List.of(ENT1), "purpose", "授信审查")).expect(201).json();
    }

    private static <T> T await(java.util.function.Supplier<T> read, Predicate<T> condition, Duration within, String what) {
        long end = System.nanoTime() + within.toNanos();
        T last = read.get();
        while (!condition.test(last)) {
            if (System.nanoTime() > end) {
                throw new AssertionError(what + " not reached within " + within + "; last: " + last);
            }
            Fixtures.sleep(300);
            last = read.get();
        }
        return last;
    }
}
