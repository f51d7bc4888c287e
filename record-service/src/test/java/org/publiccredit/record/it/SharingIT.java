package org.publiccredit.record.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.publiccredit.testkit.Api;
import org.publiccredit.testkit.IntegrationTest;
import org.publiccredit.testkit.Tokens;
import tools.jackson.databind.JsonNode;

/**
 * Sharing by the catalog through the gateway (issue 25): 无条件共享 categories at once, 有条件共享 ones only under a grant in
 * force (its end date inclusive), 不予共享 never; grants applied for by a department, decided by an admin, audited.
 */
@IntegrationTest
class SharingIT {

    private static final LocalDate TODAY = LocalDate.now(ZoneId.of("Asia/Shanghai"));

    private final Api market = Api.gateway().as(Tokens.user("officer-market"));
    private final Api tax = Api.gateway().as(Tokens.user("officer-tax"));
    private final Api finance = Api.gateway().as(Tokens.user("officer-finance"));
    private final Api admin = Api.gateway().as(Tokens.user("admin1"));

    private JsonNode read(Api who, String subject, List<String> categories) {
        Map<String, Object> body = new java.util.LinkedHashMap<>();
        body.put("subject", subject);
        body.put("purpose", "政府采购供应商资格审查");
        body.put("basis", "《政府采购法》第二十二条");
        if (categories != null) {
            body.put("categories", categories);
        }
        return who.post("/api/v1/sharing/reads", body).expect(200).json();
    }

    private static List<String> categories(JsonNode read) {
        return read.path("records").valueStream().map(r -> r.path("category").asString()).sorted().toList();
    }

    /** Ends every grant finance holds for the tax grade (earlier runs), so the test starts without one. */
    private void endFinanceGrants() {
        admin.get("/api/v1/sharing/grants").expect(200).json().path("items").valueStream()
                .filter(g -> g.path("department").asString().equals("finance") && g.path("category").asString().equals("TAX_CREDIT_GRADE")
                        && g.path("state").asString().equals("APPROVED") && g.path("active").asBoolean())
                .forEach(g -> admin.post("/api/v1/sharing/grants/" + g.path("id").asString() + ":approve",
                        Map.of("until", TODAY.minusDays(1).toString())).expect(200));
    }

    @Test
    void aConditionalCategoryIsServedOnlyUnderAGrantInForceAndANotSharedOneNever() {
        endFinanceGrants();
        long before = Api.gateway().as(Tokens.client("partner-finance")).get("/api/v1/exchange/changes?after=0&limit=1")
                .expect(200).json().path("headSeq").asLong();
        String subject = Records.freshUscc();
        market.post("/api/v1/records", Records.penaltyDecided(subject, 5)).expect(201);
        tax.post("/api/v1/records", Records.record("TAX_CREDIT_GRADE", subject, Records.doc("柳税评"), TODAY.minusDays(10),
                Map.of("grade", "B", "evaluationYear", TODAY.getYear() - 1))).expect(201);
        market.post("/api/v1/records", Records.record("CONTRACT_HONORED", subject, Records.doc("柳市监守"), TODAY.minusDays(3),
                Map.of("validUntil", TODAY.plusYears(1).toString(), "authority", "柳州市市场监督管理局"))).expect(201);

        // without a grant: the unconditional penalty only; asking for the tax grade is refused, the honour list is never shared
        assertThat(categories(read(finance, subject, null))).containsExactly("ADM_PENALTY");
        finance.post("/api/v1/sharing/reads", Map.of("subject", subject, "purpose", "审查", "categories", List.of("TAX_CREDIT_GRADE")))
                .expectProblem(403, "NO_SHARING_GRANT");
        finance.post("/api/v1/sharing/reads", Map.of("subject", subject, "purpose", "审查", "categories", List.of("CONTRACT_HONORED")))
                .expectProblem(403, "NOT_SHARED");

        // apply (a conditional category only, with a basis), the admin approves until today: served, to finance only
        finance.post("/api/v1/sharing/grants", Map.of("category", "ADM_PENALTY", "basis", "x", "purpose", "y"))
                .expectProblem(400, "SHARING_GRANT_INVALID");
        JsonNode invalid = finance.post("/api/v1/sharing/grants", Map.of("category", "TAX_CREDIT_GRADE", "purpose", "审查"))
                .expectProblem(400, "SHARING_GRANT_INVALID");
        assertThat(invalid.path("errors").valueStream().map(e -> e.path("field").asString())).containsExactly("basis");
        JsonNode grant = finance.post("/api/v1/sharing/grants", Map.of("category", "TAX_CREDIT_GRADE",
                "basis", "《政府采购法实施条例》第十七条", "purpose", "供应商纳税信用审查")).expect(201).json();
        String id = grant.path("id").asString();
        assertThat(grant.path("state").asString()).isEqualTo("PENDING");
        assertThat(grant.path("department").asString()).isEqualTo("finance");
        finance.post("/api/v1/sharing/grants/" + id + ":approve", Map.of("until", TODAY.toString())).expectProblem(403, "ACCESS_DENIED");
        assertThat(categories(read(finance, subject, null))).containsExactly("ADM_PENALTY");
        JsonNode approved = admin.post("/api/v1/sharing/grants/" + id + ":approve", Map.of("until", TODAY.toString())).expect(200).json();
        assertThat(approved.path("state").asString()).isEqualTo("APPROVED");
        assertThat(approved.path("active").asBoolean()).isTrue();
        assertThat(approved.path("history").valueStream().map(h -> h.path("action").asString() + ":" + h.path("actor").asString()))
                .containsExactly("APPLIED:officer-finance", "APPROVED:admin1");
        JsonNode served = read(finance, subject, null);
        assertThat(categories(served)).containsExactly("ADM_PENALTY", "TAX_CREDIT_GRADE");
        assertThat(served.path("records").valueStream().filter(r -> r.path("category").asString().equals("TAX_CREDIT_GRADE"))
                .findFirst().orElseThrow().path("fields").path("grade").asString()).isEqualTo("B");
        assertThat(categories(read(finance, subject, List.of("TAX_CREDIT_GRADE")))).containsExactly("TAX_CREDIT_GRADE");
        // finance's partner client acts for finance: its feed carries the shared view; another department's grant is not usable
        Api partnerFinance = Api.gateway().as(Tokens.client("partner-finance"));
        assertThat(categories(read(partnerFinance, subject, null))).containsExactly("ADM_PENALTY", "TAX_CREDIT_GRADE");
        assertThat(views(partnerFinance, before, subject)).containsEntry("TAX_CREDIT_GRADE", "SHARED").containsEntry("ADM_PENALTY", "PUBLIC")
                .containsEntry("CONTRACT_HONORED", "PUBLIC");
        Api bank = Api.gateway().as(Tokens.client("partner-bank"));
        assertThat(categories(read(bank, subject, null))).containsExactly("ADM_PENALTY");
        bank.post("/api/v1/sharing/reads", Map.of("subject", subject, "purpose", "授信审查", "categories", List.of("TAX_CREDIT_GRADE")))
                .expectProblem(403, "NO_SHARING_GRANT");
        assertThat(views(bank, before, subject)).doesNotContainKey("TAX_CREDIT_GRADE").containsEntry("ADM_PENALTY", "PUBLIC");
        assertThat(bank.get("/api/v1/sharing/grants").expect(200).json().path("items").valueStream()
                .map(g -> g.path("id").asString())).doesNotContain(id);
        bank.get("/api/v1/sharing/grants/" + id).expectProblem(404, "NOT_FOUND");
        assertThat(finance.get("/api/v1/sharing/grants/" + id).expect(200).json().path("until").asString()).isEqualTo(TODAY.toString());

        // the grant ended yesterday: refused again
        admin.post("/api/v1/sharing/grants/" + id + ":approve", Map.of("until", TODAY.minusDays(1).toString())).expect(200);
        assertThat(categories(read(finance, subject, null))).containsExactly("ADM_PENALTY");
        finance.post("/api/v1/sharing/reads", Map.of("subject", subject, "purpose", "审查", "categories", List.of("TAX_CREDIT_GRADE")))
                .expectProblem(403, "NO_SHARING_GRANT");
    }

    @Test
    void refusalsAndTheDecisionsOfAnAdmin() {
        Api.gateway().post("/api/v1/sharing/reads", Map.of("subject", Records.ENT1, "purpose", "x")).expectProblem(401, "UNAUTHENTICATED");
        Api.gateway().get("/api/v1/exchange/changes").expectProblem(401, "UNAUTHENTICATED");
        Api ent = Api.gateway().as(Tokens.user("ent1"));
        ent.post("/api/v1/sharing/reads", Map.of("subject", Records.ENT1, "purpose", "x")).expectProblem(403, "ACCESS_DENIED");
        ent.post("/api/v1/sharing/grants", Map.of("category", "TAX_CREDIT_GRADE", "basis", "x", "purpose", "y")).expectProblem(403, "ACCESS_DENIED");
        ent.get("/api/v1/exchange/changes").expectProblem(403, "ACCESS_DENIED");
        market.get("/api/v1/exchange/changes").expectProblem(403, "ACCESS_DENIED");
        admin.post("/api/v1/sharing/reads", Map.of("subject", Records.ENT1, "purpose", "x")).expectProblem(403, "DEPARTMENT_REQUIRED");
        JsonNode bad = finance.post("/api/v1/sharing/reads", Map.of("subject", "123", "purpose", " ")).expectProblem(400, "SHARED_READ_INVALID");
        assertThat(bad.path("errors").valueStream().map(e -> e.path("field").asString())).contains("purpose");
        finance.post("/api/v1/sharing/reads", Map.of("subject", "9145", "purpose", "审查")).expectProblem(400, "IDENTIFIER_INVALID");
        Api.gateway().as(Tokens.client("partner-bank")).get("/api/v1/exchange/changes?limit=5001").expect(400);

        JsonNode grant = finance.post("/api/v1/sharing/grants", Map.of("category", "TAX_CREDIT_GRADE", "basis", "《条例》",
                "purpose", "审查")).expect(201).json();
        String id = grant.path("id").asString();
        admin.post("/api/v1/sharing/grants/" + id + ":refuse", Map.of("reason", " ")).expectProblem(400, "SHARING_GRANT_INVALID");
        JsonNode refused = admin.post("/api/v1/sharing/grants/" + id + ":refuse", Map.of("reason", "依据不足")).expect(200).json();
        assertThat(refused.path("state").asString()).isEqualTo("REFUSED");
        assertThat(refused.path("reason").asString()).isEqualTo("依据不足");
        admin.post("/api/v1/sharing/grants/" + id + ":approve", Map.of("until", TODAY.toString())).expectProblem(409, "GRANT_ALREADY_DECIDED");
        admin.post("/api/v1/sharing/grants/" + id + ":refuse", Map.of("reason", "再次")).expectProblem(409, "GRANT_ALREADY_DECIDED");
        admin.post("/api/v1/sharing/grants/" + java.util.UUID.randomUUID() + ":approve", Map.of("until", TODAY.toString()))
                .expectProblem(404, "NOT_FOUND");
        assertThat(admin.get("/api/v1/sharing/grants").expect(200).json().path("items").valueStream()
                .map(g -> g.path("id").asString())).contains(id);
    }

    /** The latest view per category of a subject's records in the client's feed after a seq. */
    private static Map<String, String> views(Api client, long after, String subject) {
        Map<String, String> views = new java.util.TreeMap<>();
        for (long seq = after; ; ) {
            JsonNode page = client.get("/api/v1/exchange/changes?limit=5000&after=" + seq).expect(200).json();
            page.path("changes").valueStream().filter(c -> c.path("kind").asString().equals("UPSERT")
                    && c.path("record").path("subjectCode").asString().equals(subject))
                    .forEach(c -> views.put(c.path("record").path("category").asString(), c.path("view").asString()));
            seq = page.path("lastSeq").asLong();
            if (!page.path("hasMore").asBoolean()) {
                return views;
            }
        }
    }
}
