package org.publiccredit.objection.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.publiccredit.objection.it.Fixtures.ENT1;
import static org.publiccredit.objection.it.Fixtures.ENT2;
import static org.publiccredit.objection.it.Fixtures.act;
import static org.publiccredit.objection.it.Fixtures.as;
import static org.publiccredit.objection.it.Fixtures.assertState;
import static org.publiccredit.objection.it.Fixtures.awaitRecord;
import static org.publiccredit.objection.it.Fixtures.fileObjection;
import static org.publiccredit.objection.it.Fixtures.key;
import static org.publiccredit.objection.it.Fixtures.penalty;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.publiccredit.objection.attachment.TestFiles;
import org.publiccredit.testkit.IntegrationTest;
import org.publiccredit.testkit.Reply;
import tools.jackson.databind.JsonNode;

/** Objections through the gateway with real tokens: who may file and see, the whole path, and the effects on the record. */
@IntegrationTest
class ObjectionFlowIT {

    static final Duration EFFECT = Duration.ofSeconds(30);

    @Test
    void onlyTheRecordsSubjectMayFile() {
        String ent2Record = penalty(ENT2, 30);
        fileObjection("ent1", ent2Record, key()).expectProblem(403, "NOT_RECORD_SUBJECT");
        fileObjection("officer-market", ent2Record, key()).expectProblem(403, "NOT_RECORD_SUBJECT");
        fileObjection("citizen1", ent2Record, key()).expectProblem(403, "NOT_RECORD_SUBJECT");
        fileObjection("ent1", "00000000-0000-0000-0000-000000000000", key()).expectProblem(404, "NOT_FOUND");
    }

    @Test
    void nobodyButTheApplicantReviewersAndTheDepartmentSeesACase() {
        String ent2Record = penalty(ENT2, 30);
        Multipart m = new Multipart().json("case", Map.of("recordId", ent2Record, "reason", "不是我公司的违法行为"))
                .file("files", "证明.pdf", "application/pdf", TestFiles.pdf());
        JsonNode filed = as("ent2").header("Idempotency-Key", key()).post("/api/v1/objections", m.contentType(), m.body())
                .expect(201).json();
        String id = filed.path("id").asString();
        String attachment = filed.path("attachments").get(0).path("id").asString();

        as("ent1").get("/api/v1/cases/" + id).expectProblem(404, "NOT_FOUND");
        as("ent1").get("/api/v1/cases/" + id + "/attachments/" + attachment).expectProblem(404, "NOT_FOUND");
        as("officer-tax").get("/api/v1/cases/" + id).expectProblem(404, "NOT_FOUND");
        // ent2 is in Wuzhou (4504): reviewer1 serves Liuzhou (4502)
        as("reviewer1").get("/api/v1/cases/" + id).expectProblem(404, "NOT_FOUND");
        as("reviewer1").post("/api/v1/cases/" + id + ":accept", Map.of()).expectProblem(404, "NOT_FOUND");
        assertThat(as("ent1").get("/api/v1/cases/mine").expect(200).text()).doesNotContain(id);

        as("ent2").get("/api/v1/cases/" + id).expect(200);
        Reply download = as("officer-market").get("/api/v1/cases/" + id + "/attachments/" + attachment).expect(200);
        assertThat(download.bytes()).isEqualTo(TestFiles.pdf());
        assertThat(download.header("Content-Type")).anySatisfy(t -> assertThat(t).startsWith("application/pdf"));
        assertThat(as("ent2").get("/api/v1/cases/mine").expect(200).text()).contains(id);
    }

    @Test
    void anObjectionRunsTheWholePathAndTheRecordIsDisputedThenCorrected() {
        String recordId = penalty(ENT1, 20);
        String key = key();
        Reply first = fileObjection("ent1", recordId, key).expect(201);
        JsonNode filed = first.json();
        String id = filed.path("id").asString();
        assertState(filed, "SUBMITTED");
        assertThat(filed.path("nextDeadline").path("kind").asString()).isEqualTo("ACCEPT");
        assertThat(filed.path("nextDeadline").path("due").asString()).isNotBlank();
        // the rule's period comes with it, so a page can say "within 2 working days" without the configuration
        assertThat(filed.path("nextDeadline").path("period").asInt()).isEqualTo(2);
        assertThat(filed.path("nextDeadline").path("periodUnit").asString()).isEqualTo("WORKING_DAYS");

        // a double click files one case, answered with the same body
        Reply again = fileObjection("ent1", recordId, key).expect(200);
        assertThat(again.json()).isEqualTo(filed);
        // the same key for another request is refused; another key for the same record finds the open case
        as("ent1").header("Idempotency-Key", key).post("/api/v1/objections", Map.of("recordId", recordId, "reason", "another reason"))
                .expectProblem(422, "IDEMPOTENCY_KEY_REUSED");
        fileObjection("ent1", recordId, key()).expectProblem(409, "CASE_ALREADY_OPEN");

        // the queues show it to the region's reviewer
        JsonNode queue = as("reviewer1").get("/api/v1/cases?queue=new&size=100").expect(200).json();
        assertThat(queue.path("counts").path("new").asLong()).isPositive();
        as("ent1").get("/api/v1/cases?queue=new").expectProblem(403, "ACCESS_DENIED");

        // wrong role, wrong department, wrong state
        as("ent1").post("/api/v1/cases/" + id + ":accept", Map.of()).expectProblem(403, "ACCESS_DENIED");
        as("officer-market").post("/api/v1/cases/" + id + ":accept", Map.of()).expectProblem(403, "ACCESS_DENIED");
        as("reviewer1").post("/api/v1/cases/" + id + ":assign", Map.of()).expectProblem(409, "ILLEGAL_TRANSITION");
        as("reviewer1").post("/api/v1/cases/" + id + ":refuse", Map.of()).expectProblem(400, "VALIDATION_FAILED");

        assertState(act("reviewer1", id, "accept", Map.of("note", "材料齐全")), "ACCEPTED");
        JsonNode disputed = awaitRecord(recordId, r -> "DISPUTED".equals(r.path("state").asString()), EFFECT);
        // staff read the record itself through record-service by the subject's id (a person's code in the case is masked)
        String subjectId = filed.path("record").path("subjectId").asString();
        assertThat(subjectId).isEqualTo(disputed.path("subjectId").asString());
        // ent1's file grows with every run of the suites (the portal's tests push records dated today): read it page by page
        boolean listed = false;
        for (int page = 0; page < 100 && !listed; page++) {
            JsonNode p = as("reviewer1").get("/api/v1/subjects/" + subjectId + "/records?category=ADM_PENALTY&size=100&page=" + page)
                    .expect(200).json();
            listed = p.toString().contains(recordId);
            if (p.path("items").isEmpty()) {
                break;
            }
        }
        assertThat(listed).as("the disputed record in its subject's file").isTrue();
        as("reviewer1").post("/api/v1/cases/" + id + ":accept", Map.of()).expectProblem(409, "ILLEGAL_TRANSITION");

        assertState(act("reviewer1", id, "assign", Map.of()), "VERIFYING");
        as("officer-tax").post("/api/v1/cases/" + id + ":propose", Map.of("outcome", "UPHELD", "reason", "x"))
                .expectProblem(404, "NOT_FOUND");
        as("officer-market").post("/api/v1/cases/" + id + ":propose", Map.of("outcome", "APPROVED", "reason", "x"))
                .expectProblem(400, "OUTCOME_NOT_ALLOWED");
        as("officer-market").post("/api/v1/cases/" + id + ":propose", Map.of("outcome", "SOMETHING", "reason", "x"))
                .expectProblem(400, "VALIDATION_FAILED");
        // an enum by its position is refused too (it used to pick DELETED)
        assertThat(as("officer-market").post("/api/v1/cases/" + id + ":propose", Map.of("outcome", 1, "reason", "x"))
                .expectProblem(400, "VALIDATION_FAILED").path("errors").get(0).path("field").asString()).isEqualTo("outcome");
        JsonNode proposed = act("officer-market", id, "propose", Map.of("outcome", "CORRECTED", "reason", "罚款金额录入错误",
                "fields", Map.of("fineAmount", "0.2")));
        assertThat(proposed.path("proposal").path("outcome").asString()).isEqualTo("CORRECTED");

        JsonNode concluded = act("reviewer1", id, "decide", Map.of("outcome", "CORRECTED", "reason", "经核查，更正罚款金额"));
        assertState(concluded, "CONCLUDED");
        assertThat(concluded.path("decision").path("outcome").asString()).isEqualTo("CORRECTED");
        assertThat(concluded.path("nextDeadline").isNull()).isTrue();
        JsonNode record = awaitRecord(recordId, r -> "ACTIVE".equals(r.path("state").asString())
                && "0.2".equals(r.path("fields").path("fineAmount").asString()), EFFECT);
        assertThat(record.path("fields").path("fineAmount").asString()).isEqualTo("0.2");

        // the applicant sees every state change in the timeline, and the outcome with its reason
        JsonNode mine = find(as("ent1").get("/api/v1/cases/mine?size=100").expect(200).json(), id);
        List<String> states = new ArrayList<>();
        mine.path("timeline").forEach(t -> states.add(t.path("to").asString()));
        assertThat(states).containsSubsequence("SUBMITTED", "ACCEPTED", "VERIFYING", "CONCLUDED");
        assertThat(mine.path("decision").path("reason").asString()).isEqualTo("经核查，更正罚款金额");
        mine.path("timeline").forEach(t -> {
            if (!"APPLICANT".equals(t.path("by").asString())) {
                assertThat(t.path("actor").isNull()).as("staff names are not shown to the applicant").isTrue();
            }
        });
    }

    @Test
    void anObjectionFoundRightClearsTheDisputeAndAWrongRecordIsRevoked() {
        String upheld = penalty(ENT1, 25);
        String id = fileObjection("ent1", upheld, key()).expect(201).json().path("id").asString();
        act("reviewer1", id, "accept", Map.of());
        act("reviewer1", id, "assign", Map.of());
        act("officer-market", id, "propose", Map.of("outcome", "UPHELD", "reason", "处罚事实清楚"));
        act("reviewer1", id, "decide", Map.of("outcome", "UPHELD", "reason", "维持原记录"));
        awaitRecord(upheld, r -> "ACTIVE".equals(r.path("state").asString()), EFFECT);

        String wrong = penalty(ENT1, 25);
        String id2 = fileObjection("ent1", wrong, key()).expect(201).json().path("id").asString();
        act("reviewer1", id2, "accept", Map.of());
        act("reviewer1", id2, "assign", Map.of());
        act("officer-market", id2, "propose", Map.of("outcome", "DELETED", "reason", "主体错误"));
        act("reviewer1", id2, "decide", Map.of("outcome", "DELETED", "reason", "记录错误，予以撤销"));
        JsonNode revoked = awaitRecord(wrong, r -> "REVOKED".equals(r.path("state").asString()), EFFECT);
        assertThat(revoked.path("publicNow").asBoolean()).isFalse();
        assertThat(Fixtures.as("ent1").get("/api/v1/public/subjects/" + ENT1 + "/records").text()).doesNotContain(wrong);
    }

    @Test
    void aRefusedObjectionNeedsItsReasonAndLeavesTheRecordAlone() {
        String recordId = penalty(ENT1, 15);
        String id = fileObjection("ent1", recordId, key()).expect(201).json().path("id").asString();
        JsonNode refused = act("reviewer1", id, "refuse", Map.of("reason", "未提供任何证据"));
        assertState(refused, "NOT_ACCEPTED");
        assertThat(refused.path("decision").path("reason").asString()).isEqualTo("未提供任何证据");
        assertThat(refused.path("effects").size()).isZero();
        assertThat(Fixtures.record(recordId).path("state").asString()).isEqualTo("ACTIVE");
    }

    static JsonNode find(JsonNode list, String id) {
        for (JsonNode c : list) {
            if (id.equals(c.path("id").asString())) {
                return c;
            }
        }
        throw new AssertionError("case " + id + " not in " + list);
    }
}
