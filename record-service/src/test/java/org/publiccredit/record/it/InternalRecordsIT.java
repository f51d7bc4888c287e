package org.publiccredit.record.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.publiccredit.testkit.Api;
import org.publiccredit.testkit.IntegrationTest;
import org.publiccredit.testkit.Tokens;
import tools.jackson.databind.JsonNode;

@IntegrationTest
class InternalRecordsIT {

    private final Api service = Api.service("record").as(Tokens.client("svc-objection"));

    private String pushPenalty(String subject) {
        return Api.gateway().as(Tokens.user("officer-market")).post("/api/v1/records", Records.penaltyDecided(subject, 100))
                .expect(201).json().path("id").asString();
    }

    private JsonNode effect(String id, String action, Map<String, Object> body) {
        return service.post("/internal/v1/records/" + id + ":" + action, body).expect(200).json();
    }

    @Test
    void effectsAreIdempotentOnOperationIdAndFollowTheStateMachine() {
        String subject = Records.freshUscc();
        String id = pushPenalty(subject);
        String op = UUID.randomUUID().toString();
        JsonNode disputed = effect(id, "dispute", Map.of("operationId", op, "caseId", "OBJ-1"));
        assertThat(disputed.path("state").asString()).isEqualTo("DISPUTED");
        assertThat(disputed.path("label").asString()).isEqualTo("异议中");
        assertThat(disputed.path("publicNow").asBoolean()).isTrue();
        JsonNode repeated = effect(id, "dispute", Map.of("operationId", op, "caseId", "OBJ-1"));
        assertThat(repeated.path("version").asInt()).isEqualTo(disputed.path("version").asInt());
        service.post("/internal/v1/records/" + id + ":dispute", Map.of("operationId", UUID.randomUUID().toString(), "caseId", "OBJ-2"))
                .expectProblem(409, "ILLEGAL_TRANSITION");
        service.post("/internal/v1/records/" + id + ":repair", Map.of("operationId", UUID.randomUUID().toString(), "caseId", "R-1"))
                .expectProblem(409, "ILLEGAL_TRANSITION");

        String correctOp = UUID.randomUUID().toString();
        JsonNode corrected = effect(id, "correct", Map.of("operationId", correctOp, "caseId", "OBJ-1",
                "fields", Map.of("fineAmount", "0.5"), "note", "金额有误"));
        assertThat(corrected.path("state").asString()).isEqualTo("ACTIVE");
        assertThat(corrected.path("fields").path("fineAmount").asString()).isEqualTo("0.5");
        assertThat(effect(id, "correct", Map.of("operationId", correctOp, "caseId", "OBJ-1", "fields", Map.of("fineAmount", "0.5")))
                .path("version").asInt()).isEqualTo(corrected.path("version").asInt());

        JsonNode repaired = effect(id, "repair", Map.of("operationId", UUID.randomUUID().toString(), "caseId", "R-1", "note", "已履行"));
        assertThat(repaired.path("state").asString()).isEqualTo("REPAIRED");
        assertThat(repaired.path("publicNow").asBoolean()).isFalse();
        assertThat(repaired.path("publicReason").asString()).isEqualTo("REPAIRED");
        assertThat(Api.gateway().get("/api/v1/public/subjects/" + subject + "/records").expect(200).json().path("total").asInt()).isZero();
        service.post("/internal/v1/records/" + id + ":repair", Map.of("operationId", op, "caseId", "R-1"))
                .expect(200);
        JsonNode view = service.get("/internal/v1/records/" + id).expect(200).json();
        assertThat(view.path("state").asString()).isEqualTo("REPAIRED");
        assertThat(view.path("minPublicityUntil").asString()).isNotBlank();
    }

    @Test
    void anOperationIdUsedForAnotherRecordIsAConflict() {
        String a = pushPenalty(Records.freshUscc());
        String b = pushPenalty(Records.freshUscc());
        String op = UUID.randomUUID().toString();
        effect(a, "dispute", Map.of("operationId", op, "caseId", "C"));
        service.post("/internal/v1/records/" + b + ":dispute", Map.of("operationId", op, "caseId", "C"))
                .expectProblem(409, "OPERATION_ID_REUSED");
        service.post("/internal/v1/records/" + b + ":dispute", Map.of("caseId", "C")).expectProblem(400, "VALIDATION_FAILED");
        service.post("/internal/v1/records/" + b + ":revoke", Map.of("operationId", UUID.randomUUID().toString(), "caseId", "C"))
                .expectProblem(400, "VALIDATION_FAILED");
        service.get("/internal/v1/records/" + UUID.randomUUID()).expectProblem(404, "NOT_FOUND");
    }

    @Test
    void theBatchSummariesEqualTheSingleOnesAndTheFeedTellsItsHead() {
        Api indexer = Api.service("record").as(Tokens.client("internal-indexer"));
        String first = Records.freshUscc();
        String second = Records.freshUscc();
        String a = pushPenalty(first);
        pushPenalty(second);
        String b = pushPenalty(second);
        String idA = service.get("/internal/v1/records/" + a).expect(200).json().path("subjectId").asString();
        String idB = service.get("/internal/v1/records/" + b).expect(200).json().path("subjectId").asString();
        String unknown = UUID.randomUUID().toString();
        JsonNode batch = indexer.post("/internal/v1/subjects:summaries",
                Map.of("subjectIds", java.util.List.of(idB, idA, unknown, idB))).expect(200).json().path("summaries");
        assertThat(batch.size()).isEqualTo(3);
        assertThat(batch.get(0)).isEqualTo(indexer.get("/internal/v1/subjects/" + idB + "/summary").expect(200).json());
        assertThat(batch.get(1)).isEqualTo(indexer.get("/internal/v1/subjects/" + idA + "/summary").expect(200).json());
        assertThat(batch.get(0).path("counts").path("ADM_PENALTY").asInt()).isEqualTo(2);
        assertThat(batch.get(2).path("subjectId").asString()).isEqualTo(unknown);
        assertThat(batch.get(2).path("counts").size()).isZero();

        indexer.post("/internal/v1/subjects:summaries", Map.of("subjectIds", java.util.List.of("not-a-uuid")))
                .expectProblem(400, "VALIDATION_FAILED");
        java.util.List<String> tooMany = java.util.Collections.nCopies(1001, unknown);
        indexer.post("/internal/v1/subjects:summaries", Map.of("subjectIds", tooMany)).expectProblem(400, "VALIDATION_FAILED");

        JsonNode page = indexer.get("/internal/v1/changes?after=0&limit=1").expect(200).json();
        assertThat(page.path("headSeq").asLong()).isGreaterThanOrEqualTo(page.path("lastSeq").asLong());
        assertThat(page.path("hasMore").asBoolean()).isTrue();
    }

    @Test
    void aPersonsSummaryIsItsPublicViewAndCarriesNoEvaluation() {
        // record-service's summary is the one place that decides what of a person is public: search-service stores it as is
        Api indexer = Api.service("record").as(Tokens.client("internal-indexer"));
        String first17 = "45020219900101" + Records.digits(3);
        String person = first17 + org.publiccredit.commons.id.IdNumber.checkCharacter(first17);
        String personRecord = pushPenalty(person);
        String organisation = Records.freshUscc();
        String organisationRecord = pushPenalty(organisation);
        String personId = service.get("/internal/v1/records/" + personRecord).expect(200).json().path("subjectId").asString();
        String organisationId = service.get("/internal/v1/records/" + organisationRecord).expect(200).json().path("subjectId").asString();

        JsonNode personSummary = indexer.get("/internal/v1/subjects/" + personId + "/summary").expect(200).json();
        assertThat(personSummary.path("counts").size()).as("an ADM_PENALTY of a person is not public (naturalPersonsPublic false)").isZero();
        assertThat(personSummary.path("latestPenalties").size()).isZero();
        assertThat(personSummary.path("evaluation").isMissingNode() || personSummary.path("evaluation").isNull())
                .as("a person's evaluation is never public").isTrue();
        assertThat(personSummary.toString()).doesNotContain(person);

        JsonNode organisationSummary = indexer.get("/internal/v1/subjects/" + organisationId + "/summary").expect(200).json();
        assertThat(organisationSummary.path("counts").path("ADM_PENALTY").asInt()).isEqualTo(1);
        assertThat(organisationSummary.path("evaluation").path("grade").asString()).isNotBlank();
    }

    @Test
    void theFeedCarriesAWithdrawalAndTheSummaryFollowsThePolicy() {
        String subject = Records.freshUscc();
        String id = pushPenalty(subject);
        JsonNode view = service.get("/internal/v1/records/" + id).expect(200).json();
        String subjectId = view.path("subjectId").asString();
        JsonNode summary = service.get("/internal/v1/subjects/" + subjectId + "/summary").expect(200).json();
        assertThat(summary.path("counts").path("ADM_PENALTY").asInt()).isEqualTo(1);
        assertThat(summary.path("latestPenalties").get(0).path("recordId").asString()).isEqualTo(id);
        assertThat(summary.path("validUntil").asString()).isNotBlank();

        effect(id, "revoke", Map.of("operationId", UUID.randomUUID().toString(), "caseId", "C", "reason", "记录错误"));
        JsonNode empty = service.get("/internal/v1/subjects/" + subjectId + "/summary").expect(200).json();
        assertThat(empty.path("counts").size()).isZero();

        JsonNode first = null;
        JsonNode last = null;
        Api indexer = Api.service("record").as(Tokens.client("internal-indexer"));
        JsonNode probe = indexer.get("/internal/v1/changes?after=0&limit=1").expect(200).json();
        assertThat(probe.path("changes").size()).isEqualTo(1);
        // read the tail of the feed: the record's first change is its push, the latest its withdrawal
        JsonNode page = indexer.get("/internal/v1/changes?after=" + Math.max(0, latestSeq(indexer) - 50) + "&limit=1000").expect(200).json();
        for (JsonNode c : page.path("changes")) {
            if (c.path("entityId").asString().equals(id)) {
                first = first == null ? c : first;
                last = c;
            }
        }
        assertThat(first).isNotNull();
        assertThat(first.path("kind").asString()).isEqualTo("UPSERT");
        assertThat(first.path("publicNow").asBoolean()).isTrue();
        assertThat(first.path("state").asString()).isEqualTo("ACTIVE");
        assertThat(first.path("version").asInt()).isEqualTo(1);
        assertThat(last.path("kind").asString()).isEqualTo("WITHDRAWN");
        assertThat(last.path("entityType").asString()).isEqualTo("RECORD");
        assertThat(last.path("subjectId").asString()).isEqualTo(subjectId);
        assertThat(last.path("category").asString()).isEqualTo("ADM_PENALTY");
        assertThat(last.path("state").asString()).isEqualTo("REVOKED");
        assertThat(last.path("version").asInt()).isEqualTo(2);
        assertThat(last.path("publicNow").asBoolean()).isFalse();
        // only what the feed's readers use (docs/contracts.md): no view of the record is written with the change
        assertThat(last.has("record")).isFalse();
        assertThat(last.has("subjectCode")).isFalse();
        indexer.get("/internal/v1/changes?limit=5001").expectProblem(400, "VALIDATION_FAILED");
        Api.service("record").as(Tokens.client("partner-bank")).get("/internal/v1/records/" + id).expectProblem(403, "ACCESS_DENIED");
    }

    /** The highest served seq, by binary search on {@code after} (an empty page means nothing after it). */
    private static long latestSeq(Api indexer) {
        long low = 0;
        long high = 1;
        while (!empty(indexer, high)) {
            low = high;
            high *= 2;
        }
        while (high - low > 1) {
            long mid = (low + high) / 2;
            if (empty(indexer, mid)) {
                high = mid;
            } else {
                low = mid;
            }
        }
        return high;
    }

    private static boolean empty(Api indexer, long after) {
        return indexer.get("/internal/v1/changes?after=" + after + "&limit=1").expect(200).json().path("changes").isEmpty();
    }
}
