package org.publiccredit.objection.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.publiccredit.objection.it.Fixtures.ENT1;
import static org.publiccredit.objection.it.Fixtures.act;
import static org.publiccredit.objection.it.Fixtures.as;
import static org.publiccredit.objection.it.Fixtures.assertState;
import static org.publiccredit.objection.it.Fixtures.awaitRecord;
import static org.publiccredit.objection.it.Fixtures.fileObjection;
import static org.publiccredit.objection.it.Fixtures.fileRepair;
import static org.publiccredit.objection.it.Fixtures.key;
import static org.publiccredit.objection.it.Fixtures.penalty;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;
import org.publiccredit.testkit.Api;
import org.publiccredit.testkit.IntegrationTest;
import tools.jackson.databind.JsonNode;

/**
 * Issue 22 through the gateway: the applicant withdraws an undecided case; a case whose record is revoked or corrected by
 * the department ends by itself (WITHDRAWN_MOOT) and the applicant gets one mail (GreenMail's mailbox); the texts a
 * repair applicant signs carry the registered name, the department's and the category's Chinese names.
 */
@IntegrationTest
class WithdrawalAndMootIT {

    static final Duration EFFECT = Duration.ofSeconds(30);
    static final Duration MOOT = Duration.ofSeconds(15);
    static final String ENT1_MAIL = "ent1@demo.publiccredit.local";

    static JsonNode caseOf(String id) {
        return as("ent1").get("/api/v1/cases/" + id).expect(200).json();
    }

    static JsonNode awaitCase(String id, Predicate<JsonNode> condition, Duration within) {
        long end = System.nanoTime() + within.toNanos();
        JsonNode last = caseOf(id);
        while (!condition.test(last)) {
            if (System.nanoTime() > end) {
                throw new AssertionError("case " + id + " did not reach the expected state within " + within + "; last: " + last);
            }
            Fixtures.sleep(300);
            last = caseOf(id);
        }
        return last;
    }

    static List<String> actions(JsonNode c) {
        return c.path("timeline").findValuesAsString("action");
    }

    @Test
    void theApplicantWithdrawsAnUndecidedObjectionAndItsDisputeIsCleared() {
        String recordId = penalty(ENT1, 40);
        String id = as("ent1").header("Idempotency-Key", key()).header("Accept-Language", "en-US,en;q=0.9")
                .post("/api/v1/objections", Map.of("recordId", recordId, "reason", "处罚决定中的罚款金额有误")).expect(201).json()
                .path("id").asString();
        act("reviewer1", id, "accept", Map.of());
        awaitRecord(recordId, r -> "DISPUTED".equals(r.path("state").asString()), EFFECT);

        String path = "/api/v1/cases/" + id + ":withdraw";
        Map<String, Object> body = Map.of("reason", "  已与处罚机关沟通，不再异议  ");
        as("ent2").post(path, body).expectProblem(404, "NOT_FOUND");
        as("reviewer2").post(path, body).expectProblem(404, "NOT_FOUND");
        as("officer-tax").post(path, body).expectProblem(404, "NOT_FOUND");
        as("officer-market").post(path, body).expectProblem(403, "ACCESS_DENIED");
        as("reviewer1").post(path, body).expectProblem(403, "ACCESS_DENIED");
        Api.gateway().post(path, body).expect(401);
        as("ent1").post(path, Map.of("reason", "x".repeat(2001))).expectProblem(400, "VALIDATION_FAILED");
        assertState(caseOf(id), "ACCEPTED");

        JsonNode withdrawn = as("ent1").post(path, body).expect(200).json();
        assertState(withdrawn, "WITHDRAWN");
        assertThat(withdrawn.path("decision").path("outcome").asString()).isEqualTo("WITHDRAWN");
        assertThat(withdrawn.path("decision").path("reason").asString()).isEqualTo("已与处罚机关沟通，不再异议");
        assertThat(withdrawn.path("nextDeadline").isNull()).isTrue();
        assertThat(actions(withdrawn)).endsWith("WITHDRAW");
        as("ent1").post(path, Map.of()).expectProblem(409, "CASE_ALREADY_CLOSED");

        // the dispute is cleared through the outbox; the record is open to a new case again
        awaitRecord(recordId, r -> "ACTIVE".equals(r.path("state").asString()), EFFECT);
        assertThat(awaitCase(id, c -> actions(c).contains("EFFECT_APPLIED") && c.path("effects").size() == 2, EFFECT)
                .path("effects").findValuesAsString("effect")).containsExactly("DISPUTE", "CLEAR_DISPUTE");
        fileObjection("ent1", recordId, key()).expect(201);

        // told once, in the language of the filing
        List<Mailbox.Message> mails = Mailbox.await(ENT1_MAIL, m -> m.header("X-Notification-Id", "case:" + id + ":withdraw"), MOOT);
        assertThat(mails).singleElement().satisfies(m -> assertThat(m.subject()).contains("withdrawn"));
    }

    @Test
    void aDecidedOrRefusedCaseCannotBeWithdrawn() {
        String refused = fileObjection("ent1", penalty(ENT1, 40), key()).expect(201).json().path("id").asString();
        act("reviewer1", refused, "refuse", Map.of("reason", "材料不全"));
        as("ent1").post("/api/v1/cases/" + refused + ":withdraw", Map.of()).expectProblem(409, "CASE_ALREADY_CLOSED");

        String decided = fileObjection("ent1", penalty(ENT1, 40), key()).expect(201).json().path("id").asString();
        act("reviewer1", decided, "accept", Map.of());
        act("reviewer1", decided, "assign", Map.of());
        act("officer-market", decided, "propose", Map.of("outcome", "UPHELD", "reason", "处罚事实清楚"));
        // proposed but not decided: still withdrawable in principle; decide it first
        act("reviewer1", decided, "decide", Map.of("outcome", "UPHELD", "reason", "维持"));
        JsonNode problem = as("ent1").post("/api/v1/cases/" + decided + ":withdraw", null)
                .expectProblem(409, "CASE_ALREADY_CLOSED");
        assertThat(problem.path("detail").asString()).as("said in the applicant's language, no state names").contains("结束").doesNotContain("CONCLUDED");
        assertState(caseOf(decided), "CONCLUDED");
    }

    @Test
    void aRepairWhoseRecordTheDepartmentRevokesEndsByItselfAndTheApplicantIsMailedOnce() {
        String recordId = penalty(ENT1, 200);
        String id = fileRepair("ent1", recordId, key()).expect(201).json().path("id").asString();
        act("reviewer1", id, "accept", Map.of());

        as("officer-market").post("/api/v1/records/" + recordId + ":revoke", Map.of("reason", "处罚决定已被复议机关撤销"))
                .expect(200);
        long t0 = System.nanoTime();
        JsonNode moot = awaitCase(id, c -> "WITHDRAWN".equals(c.path("state").asString()), MOOT);
        long seconds = Duration.ofNanos(System.nanoTime() - t0).toSeconds();
        assertThat(seconds).as("ended within seconds").isLessThanOrEqualTo(10);
        assertThat(moot.path("decision").path("outcome").asString()).isEqualTo("WITHDRAWN_MOOT");
        assertThat(moot.path("decision").path("reason").asString()).isEqualTo("记录已被撤销");
        JsonNode last = moot.path("timeline").get(moot.path("timeline").size() - 1);
        assertThat(last.path("action").asString()).isEqualTo("MOOT");
        assertThat(last.path("by").asString()).isEqualTo("SYSTEM");
        assertThat(last.path("note").asString()).isEqualTo("记录已被撤销");
        assertThat(moot.path("effects")).as("a repair has nothing to undo on a revoked record").isEmpty();

        List<Mailbox.Message> mails = Mailbox.await(ENT1_MAIL, m -> m.header("X-Case-Id", id) && m.header("X-Notification-Id",
                "case:" + id + ":moot"), MOOT);
        assertThat(mails).singleElement().satisfies(m -> assertThat(m.subject()).contains("自动终止"));
        // and only once: a while later (the feed is read every second) there is still one
        Fixtures.sleep(3000);
        assertThat(Mailbox.of(ENT1_MAIL).stream().filter(m -> m.header("X-Notification-Id", "case:" + id + ":moot")).count())
                .isEqualTo(1);
        assertState(caseOf(id), "WITHDRAWN");
    }

    @Test
    void anObjectionEndsWhenTheDepartmentCorrectsTheRecordButNotByItsOwnDispute() {
        String recordId = penalty(ENT1, 40);
        String id = fileObjection("ent1", recordId, key()).expect(201).json().path("id").asString();
        act("reviewer1", id, "accept", Map.of());
        awaitRecord(recordId, r -> "DISPUTED".equals(r.path("state").asString()), EFFECT);
        Fixtures.sleep(3000); // the feed has carried the case's own dispute by now
        assertState(caseOf(id), "ACCEPTED");

        as("officer-market").patch("/api/v1/records/" + recordId, Map.of("fields", Map.of("penaltyContent", "罚款人民币三千元"),
                "note", "罚款金额更正")).expect(200);
        JsonNode moot = awaitCase(id, c -> "WITHDRAWN".equals(c.path("state").asString()), MOOT);
        assertThat(moot.path("decision").path("outcome").asString()).isEqualTo("WITHDRAWN_MOOT");
        assertThat(moot.path("decision").path("reason").asString()).isEqualTo("记录已被更正");
        assertThat(Fixtures.record(recordId).path("state").asString()).isEqualTo("ACTIVE");
        assertThat(Mailbox.await(ENT1_MAIL, m -> m.header("X-Case-Id", id) && m.header("X-Notification-Id", "case:" + id + ":moot"),
                MOOT)).as("the applicant is told the case ended by itself").hasSize(1);
    }

    @Test
    void aRepairsOwnApprovalDoesNotMakeItMoot() {
        String recordId = penalty(ENT1, 200);
        String id = fileRepair("ent1", recordId, key()).expect(201).json().path("id").asString();
        act("reviewer1", id, "accept", Map.of());
        act("reviewer1", id, "assign", Map.of());
        act("officer-market", id, "propose", Map.of("outcome", "APPROVED", "reason", "罚款收据核对无误"));
        act("reviewer1", id, "decide", Map.of("outcome", "APPROVED", "reason", "符合信用修复条件"));
        awaitRecord(recordId, r -> "REPAIRED".equals(r.path("state").asString()), EFFECT);
        Fixtures.sleep(3000);
        JsonNode c = caseOf(id);
        assertState(c, "APPROVED");
        assertThat(c.path("decision").path("outcome").asString()).isEqualTo("APPROVED");
        assertThat(actions(c)).doesNotContain("MOOT");
    }

    @Test
    void theSignedTextsCarryTheRegisteredNameAndTheChineseNamesOfDepartmentAndCategory() {
        String registered = Api.gateway().get("/api/v1/subjects/" + ENT1).expect(200).json().path("name").asString();
        assertThat(registered).isNotBlank().isNotEqualTo("柳州示范科技有限公司"); // the name the fixture pushes differs
        String recordId = penalty(ENT1, 200);
        JsonNode templates = as("ent1").get("/api/v1/repairs/templates?record=" + recordId).expect(200).json();
        String application = templates.path("templates").get(0).path("text").asString();
        String commitment = templates.path("templates").get(1).path("text").asString();
        assertThat(application).contains("申请人：" + registered, "市场监督管理局", "信息类别：行政处罚")
                .doesNotContain("ent1", "ADM_PENALTY", "market", "{{");
        assertThat(commitment).contains("承诺人：" + registered, "市场监督管理局").doesNotContain("market", "{{");

        // what the applicant signs is what is stored with the case
        JsonNode filed = fileRepair("ent1", recordId, key()).expect(201).json();
        assertThat(filed.path("signedTexts").findValuesAsString("textSha256"))
                .containsExactlyInAnyOrderElementsOf(templates.path("templates").findValuesAsString("sha256"));
    }
}
