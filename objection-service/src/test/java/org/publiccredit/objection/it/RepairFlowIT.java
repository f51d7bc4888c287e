package org.publiccredit.objection.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.publiccredit.objection.it.Fixtures.ENT1;
import static org.publiccredit.objection.it.Fixtures.TODAY;
import static org.publiccredit.objection.it.Fixtures.act;
import static org.publiccredit.objection.it.Fixtures.as;
import static org.publiccredit.objection.it.Fixtures.assertState;
import static org.publiccredit.objection.it.Fixtures.awaitRecord;
import static org.publiccredit.objection.it.Fixtures.fileRepair;
import static org.publiccredit.objection.it.Fixtures.key;
import static org.publiccredit.objection.it.Fixtures.penalty;

import java.time.Duration;
import java.time.LocalDate;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.publiccredit.objection.attachment.TestFiles;
import org.publiccredit.testkit.IntegrationTest;
import tools.jackson.databind.JsonNode;

/** Credit repair through the gateway: eligibility, the signed texts, the decision and the record leaving public view. */
@IntegrationTest
class RepairFlowIT {

    @Test
    void anApprovedRepairMakesTheRecordRepairedAndNotPublic() {
        String recordId = penalty(ENT1, 200);
        assertThat(Fixtures.record(recordId).path("publicNow").asBoolean()).isTrue();

        JsonNode eligibility = as("ent1").get("/api/v1/repairs/eligibility?record=" + recordId).expect(200).json();
        assertThat(eligibility.path("eligible").asBoolean()).as("%s", eligibility).isTrue();
        JsonNode templates = as("ent1").get("/api/v1/repairs/templates?record=" + recordId).expect(200).json();
        assertThat(templates.path("templates")).hasSize(2);
        assertThat(templates.path("templates").get(0).path("text").asString()).contains("信用修复申请书").contains(ENT1);
        assertThat(templates.path("templates").get(1).path("text").asString()).contains("守信承诺书");

        JsonNode filed = fileRepair("ent1", recordId, key()).expect(201).json();
        String id = filed.path("id").asString();
        assertState(filed, "SUBMITTED");
        assertThat(filed.path("signedTexts")).hasSize(2);
        assertThat(filed.path("signedTexts").get(0).path("acceptedBy").asString()).isEqualTo("ent1");
        // the proof was sent as "收据.pdf" with type application/pdf, but it is a PNG: kept as a PNG
        assertThat(filed.path("attachments").get(0).path("mediaType").asString()).isEqualTo("image/png");
        assertThat(filed.path("attachments").get(0).path("purpose").asString()).isEqualTo("PROOF");

        act("reviewer1", id, "accept", Map.of());
        assertState(act("reviewer1", id, "assign", Map.of()), "ACCEPTED");
        as("reviewer1").post("/api/v1/cases/" + id + ":decide", Map.of("outcome", "APPROVED", "reason", "x"))
                .expectProblem(409, "ILLEGAL_TRANSITION");
        assertState(act("officer-market", id, "propose", Map.of("outcome", "APPROVED", "reason", "罚款收据核对无误")), "REVIEWED");
        as("reviewer1").post("/api/v1/cases/" + id + ":decide", Map.of("outcome", "APPROVED")).expectProblem(400, "VALIDATION_FAILED");
        JsonNode approved = act("reviewer1", id, "decide", Map.of("outcome", "APPROVED", "reason", "符合信用修复条件"));
        assertState(approved, "APPROVED");

        JsonNode record = awaitRecord(recordId, r -> "REPAIRED".equals(r.path("state").asString()), Duration.ofSeconds(30));
        assertThat(record.path("publicNow").asBoolean()).isFalse();
        assertThat(record.path("publicReason").asString()).isEqualTo("REPAIRED");
    }

    @Test
    void anIneligibleRepairIsRefusedWithTheDateItBecomesEligible() {
        String recordId = penalty(ENT1, 10);
        JsonNode eligibility = as("ent1").get("/api/v1/repairs/eligibility?record=" + recordId).expect(200).json();
        assertThat(eligibility.path("eligible").asBoolean()).isFalse();
        LocalDate from = LocalDate.parse(eligibility.path("eligibleFrom").asString());
        assertThat(from).isAfter(TODAY);
        assertThat(from).isEqualTo(LocalDate.parse(eligibility.path("minPublicityUntil").asString()).plusDays(1));

        JsonNode problem = fileRepair("ent1", recordId, key()).expectProblem(422, "REPAIR_NOT_ELIGIBLE");
        assertThat(problem.path("eligibleFrom").asString()).isEqualTo(from.toString());
        assertThat(problem.path("errors").findValuesAsString("code")).contains("MIN_PUBLICITY_NOT_PASSED");
        assertThat(problem.path("detail").asString()).contains(from.toString());
        assertThat(as("ent1").get("/api/v1/cases/mine?size=100").text()).doesNotContain(recordId);
    }

    @Test
    void aRepairNeedsTheSignedTextsTheDeclarationAndProof() {
        String recordId = penalty(ENT1, 200);
        Map<String, Object> noTexts = new java.util.HashMap<>(Fixtures.repairBody(recordId));
        noTexts.put("acceptedTemplates", java.util.List.of(Map.of("id", "REPAIR_APPLICATION", "version", "2026-04")));
        Multipart m = new Multipart().json("case", noTexts).file("proof", "r.png", "image/png", TestFiles.png());
        as("ent1").header("Idempotency-Key", key()).post("/api/v1/repairs", m.contentType(), m.body())
                .expectProblem(422, "TEMPLATES_NOT_ACCEPTED");

        // JSON only: no proof attached
        JsonNode problem = as("ent1").header("Idempotency-Key", key()).post("/api/v1/repairs", Fixtures.repairBody(recordId))
                .expectProblem(422, "REPAIR_NOT_ELIGIBLE");
        assertThat(problem.path("errors").findValuesAsString("code")).containsExactly("OBLIGATION_PROOF_MISSING");

        as("ent1").post("/api/v1/repairs", Fixtures.repairBody(recordId)).expectProblem(400, "HEADER_MISSING");
        as("citizen1").header("Idempotency-Key", key()).post("/api/v1/repairs", Fixtures.repairBody(recordId))
                .expectProblem(403, "NOT_RECORD_SUBJECT");
        as("ent2").get("/api/v1/repairs/eligibility?record=" + recordId).expectProblem(403, "NOT_RECORD_SUBJECT");
        as("ent1").get("/api/v1/repairs/eligibility").expectProblem(400, "PARAMETER_MISSING");
        as("ent1").get("/api/v1/repairs/eligibility?record=../../x").expectProblem(400, "VALIDATION_FAILED");
    }
}
