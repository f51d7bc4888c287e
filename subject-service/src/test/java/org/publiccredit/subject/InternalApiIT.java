package org.publiccredit.subject;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.publiccredit.testkit.Api;
import org.publiccredit.testkit.IntegrationTest;
import org.publiccredit.testkit.Tokens;
import tools.jackson.databind.JsonNode;

/** The internal endpoints of docs/contracts.md: resolve, get by id, the change feed; role internal only. */
@IntegrationTest
class InternalApiIT {

    private static final Api OFFICER = Api.gateway().as(Tokens.user("officer-market"));

    /** Every change of this entity after {@code after}, paging through the feed. */
    private static List<JsonNode> changesOf(String entityId, long after) {
        List<JsonNode> found = new ArrayList<>();
        long cursor = after;
        while (true) {
            JsonNode page = Subjects.internal().get("/internal/v1/changes?after=" + cursor + "&limit=1000").expect(200).json();
            page.path("changes").forEach(c -> {
                if (c.path("entityId").asString().equals(entityId)) {
                    found.add(c);
                }
            });
            cursor = page.path("lastSeq").asLong();
            if (!page.path("hasMore").asBoolean()) {
                return found;
            }
        }
    }

    @Test
    void aChangeAppearsInTheFeedWithTheSubjectAndWithoutPersonalData() {
        long before = Db.number("SELECT coalesce(max(seq), 0) FROM change_log");
        String code = Subjects.freshUscc('1');
        var body = Subjects.enterprise(code, Subjects.name("柳州变更测试有限公司"));
        String id = OFFICER.post("/api/v1/subjects", body).expect(201).json().path("subject").path("id").asString();
        body.put("name", Subjects.name("柳州变更后有限公司"));
        OFFICER.post("/api/v1/subjects", body).expect(200);
        OFFICER.post("/api/v1/subjects", body).expect(200);

        List<JsonNode> changes = changesOf(id, before);
        assertThat(changes).as("created and renamed; the unchanged POST writes nothing").hasSize(2);
        JsonNode last = changes.get(1);
        assertThat(last.path("seq").asLong()).isGreaterThan(changes.get(0).path("seq").asLong());
        assertThat(last.path("entityType").asString()).isEqualTo("SUBJECT");
        assertThat(last.path("kind").asString()).isEqualTo("UPSERT");
        assertThat(last.path("at").asString()).endsWith("Z");
        JsonNode page = Subjects.internal().get("/internal/v1/changes?after=" + before + "&limit=1").expect(200).json();
        assertThat(page.path("headSeq").asLong()).as("the head, for a consumer's lag").isGreaterThanOrEqualTo(last.path("seq").asLong());
        assertThat(page.path("hasMore").asBoolean()).isTrue();
        JsonNode subject = last.path("subject");
        assertThat(subject.path("code").asString()).isEqualTo(code);
        assertThat(subject.path("name").asString()).isEqualTo(body.get("name"));
        assertThat(subject.path("formerNames").get(0).path("until").asString()).isNotBlank();
        assertThat(subject.path("verified").asBoolean()).isTrue();
        assertThat(subject.path("industry").asString()).as("the industry, for search's filters and grade statistics")
                .isEqualTo(body.get("industry"));

        String number = Subjects.freshIdNumber();
        String personId = Subjects.internal().post("/internal/v1/subjects:resolve", Map.of("identifier", number, "name", "馈送人"))
                .expect(200).json().path("id").asString();
        JsonNode personChange = changesOf(personId, before).getFirst();
        assertThat(personChange.toString()).doesNotContain(number).doesNotContain("idHash").doesNotContain("id_hash");
        assertThat(personChange.path("subject").path("masked").asString()).endsWith(number.substring(14));
    }

    @Test
    void resolveIsIdempotentOnTheIdentifierAndGetByIdAnswersTheRef() {
        String code = Subjects.freshUscc('2');
        JsonNode first = Subjects.internal().post("/internal/v1/subjects:resolve",
                Map.of("identifier", code.toLowerCase(), "name", "柳州解析小店", "operationId", "op-1")).expect(200).json();
        assertThat(first.path("created").asBoolean()).isTrue();
        assertThat(first.path("verified").asBoolean()).isFalse();
        assertThat(first.path("type").asString()).isEqualTo("INDIVIDUAL_BUSINESS");
        assertThat(first.path("code").asString()).isEqualTo(code);
        JsonNode second = Subjects.internal().post("/internal/v1/subjects:resolve", Map.of("identifier", code, "name", "别的名字"))
                .expect(200).json();
        assertThat(second.path("created").asBoolean()).isFalse();
        assertThat(second.path("id").asString()).isEqualTo(first.path("id").asString());
        assertThat(second.path("name").asString()).isEqualTo("柳州解析小店");

        JsonNode ref = Subjects.internal().get("/internal/v1/subjects/" + first.path("id").asString()).expect(200).json();
        assertThat(ref.path("code").asString()).isEqualTo(code);
        Subjects.internal().get("/internal/v1/subjects/" + java.util.UUID.randomUUID()).expectProblem(404, "NOT_FOUND");
        Subjects.internal().get("/internal/v1/subjects/nonsense").expectProblem(404, "NOT_FOUND");
    }

    @Test
    void resolveBatchAnswersEachItemInOrderInOneCall() {
        Subjects.ensure(Subjects.ENT1);
        String code = Subjects.freshUscc('1');
        String number = Subjects.freshIdNumber();
        List<Map<String, Object>> items = List.of(
                Map.of("identifier", code, "name", "柳州批量解析有限公司"),
                Map.of("identifier", "91450200MA5K00012X"),
                Map.of("identifier", code, "name", "同一个"),
                Map.of("identifier", number, "name", "批量人"),
                Map.of("identifier", Subjects.ENT1),
                Map.of("identifier", Subjects.freshUscc('3'), "type", "ENTERPRISE"),
                Map.of("identifier", Subjects.freshUscc('1'), "type", "COMPANY"));
        JsonNode results = Subjects.internal().post("/internal/v1/subjects:resolveBatch", Map.of("items", items)).expect(200).json()
                .path("results");
        assertThat(results).hasSize(7);
        for (int i = 0; i < 7; i++) {
            assertThat(results.get(i).path("index").asInt()).isEqualTo(i);
        }
        assertThat(results.get(0).path("ref").path("created").asBoolean()).isTrue();
        assertThat(results.get(0).path("ref").path("name").asString()).isEqualTo("柳州批量解析有限公司");
        assertThat(results.get(1).path("code").asString()).isEqualTo("IDENTIFIER_INVALID");
        assertThat(results.get(1).path("errors").get(0).path("code").asString()).isEqualTo("USCC_CHECK_DIGIT");
        assertThat(results.get(2).path("ref").path("created").asBoolean()).as("the same code again in the batch").isFalse();
        assertThat(results.get(2).path("ref").path("id").asString()).isEqualTo(results.get(0).path("ref").path("id").asString());
        assertThat(results.get(3).path("ref").path("kind").asString()).isEqualTo("ID_NUMBER");
        assertThat(results.get(3).path("ref").path("masked").asString()).endsWith(number.substring(14));
        assertThat(results.get(4).path("ref").path("created").asBoolean()).isFalse();
        assertThat(results.get(4).path("ref").path("code").asString()).isEqualTo(Subjects.ENT1);
        assertThat(results.get(5).path("code").asString()).isEqualTo("SUBJECT_TYPE_MISMATCH");
        assertThat(results.get(6).path("code").asString()).isEqualTo("VALIDATION_FAILED");
        assertThat(results.toString()).doesNotContain(number);

        JsonNode again = Subjects.internal().post("/internal/v1/subjects:resolveBatch", Map.of("items", items.subList(0, 1))).expect(200)
                .json().path("results");
        assertThat(again.get(0).path("ref").path("created").asBoolean()).isFalse();
        List<Map<String, Object>> tooMany = java.util.Collections.nCopies(1001, Map.of("identifier", code));
        Subjects.internal().post("/internal/v1/subjects:resolveBatch", Map.of("items", tooMany)).expectProblem(400, "VALIDATION_FAILED");
        Subjects.internal().post("/internal/v1/subjects:resolveBatch", Map.of("items", List.of())).expectProblem(400, "VALIDATION_FAILED");
        ServiceLog.assertNeverContains(number);
    }

    @Test
    void resolveBatchWithCreateFalseOnlyLooksUp() {
        Subjects.ensure(Subjects.ENT1);
        String unknown = Subjects.freshUscc('1');
        List<Map<String, Object>> items = List.of(Map.of("identifier", Subjects.ENT1), Map.of("identifier", unknown),
                Map.of("identifier", "91450200MA5K00012X"));
        JsonNode results = Subjects.internal().post("/internal/v1/subjects:resolveBatch", Map.of("items", items, "create", false))
                .expect(200).json().path("results");
        assertThat(results).hasSize(3);
        assertThat(results.get(0).path("ref").path("code").asString()).isEqualTo(Subjects.ENT1);
        assertThat(results.get(0).path("ref").path("name").asString()).isNotBlank();
        assertThat(results.get(1).has("ref")).isFalse();
        assertThat(results.get(1).path("code").asString()).isEqualTo("SUBJECT_NOT_FOUND");
        assertThat(results.get(2).path("code").asString()).isEqualTo("IDENTIFIER_INVALID");
        Subjects.anonymous().get("/api/v1/subjects/" + unknown).expectProblem(404, "NOT_FOUND");
    }

    @Test
    void resolveRefusesInvalidIdentifiersAndMismatchedTypes() {
        JsonNode invalid = Subjects.internal().post("/internal/v1/subjects:resolve", Map.of("identifier", "91450200MA5K00012X"))
                .expectProblem(400, "IDENTIFIER_INVALID");
        assertThat(invalid.path("errors").get(0).path("code").asString()).isEqualTo("USCC_CHECK_DIGIT");
        Subjects.internal().post("/internal/v1/subjects:resolve", Map.of("identifier", Subjects.freshUscc('2'), "type", "ENTERPRISE"))
                .expectProblem(400, "SUBJECT_TYPE_MISMATCH");
        Subjects.internal().post("/internal/v1/subjects:resolve", Map.of("name", "无标识")).expectProblem(400, "VALIDATION_FAILED");
    }

    @Test
    void internalEndpointsNeedTheInternalRoleAndSaneParameters() {
        Api.service("subject").as(Tokens.client("partner-tax")).get("/internal/v1/changes").expectProblem(403, "ACCESS_DENIED");
        Api.service("subject").as(Tokens.user("admin1")).post("/internal/v1/subjects:resolve", Map.of("identifier", Subjects.ENT1))
                .expectProblem(403, "ACCESS_DENIED");
        Api.service("subject").get("/internal/v1/changes").expectProblem(401, "UNAUTHENTICATED");
        Subjects.internal().get("/internal/v1/changes?limit=5001").expectProblem(400, "VALIDATION_FAILED");
        Subjects.internal().get("/internal/v1/changes?after=abc").expectProblem(400, "PARAMETER_INVALID");
        Api.service("subject").as(Tokens.client("internal-indexer")).get("/internal/v1/changes?limit=1").expect(200);
        // not routed by the gateway
        Api.gateway().as(Tokens.client("svc-record")).get("/internal/v1/changes").expectProblem(404, "NOT_FOUND");
    }
}
