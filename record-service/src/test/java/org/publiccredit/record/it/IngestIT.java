package org.publiccredit.record.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.publiccredit.testkit.Api;
import org.publiccredit.testkit.IntegrationTest;
import org.publiccredit.testkit.Tokens;
import tools.jackson.databind.JsonNode;

@IntegrationTest
class IngestIT {

    private final Api market = Api.gateway().as(Tokens.user("officer-market"));
    private final Api tax = Api.gateway().as(Tokens.user("officer-tax"));

    @Test
    void aDepartmentCannotPushAnotherDepartmentsCategory() {
        String subject = Records.freshUscc();
        market.post("/api/v1/records", Records.taxBlackList(subject)).expectProblem(403, "DEPARTMENT_NOT_SUPPLIER");
        Api.gateway().as(Tokens.client("partner-tax")).post("/api/v1/records", Records.taxBlackList(subject)).expect(201);
        Api.gateway().as(Tokens.user("ent1")).post("/api/v1/records", Records.penaltyDecided(subject, 3))
                .expectProblem(403, "ACCESS_DENIED");
        Api.gateway().post("/api/v1/records", Records.penaltyDecided(subject, 3)).expectProblem(401, "UNAUTHENTICATED");
    }

    @Test
    void aRePushIsAnUpdateOrANoOpNeverADuplicate() {
        Map<String, Object> record = Records.penaltyDecided(Records.freshUscc(), 3);
        JsonNode created = market.post("/api/v1/records", record).expect(201).json();
        JsonNode again = market.post("/api/v1/records", record).expect(200).json();
        assertThat(again.path("result").asString()).isEqualTo("unchanged");
        assertThat(again.path("id").asString()).isEqualTo(created.path("id").asString());
        assertThat(again.path("version").asInt()).isEqualTo(1);
        Map<String, Object> fields = new HashMap<>(Records.penaltyFields());
        fields.put("fineAmount", "2.5");
        Map<String, Object> changed = new HashMap<>(record);
        changed.put("fields", fields);
        JsonNode updated = market.post("/api/v1/records", changed).expect(200).json();
        assertThat(updated.path("result").asString()).isEqualTo("updated");
        assertThat(updated.path("id").asString()).isEqualTo(created.path("id").asString());
        assertThat(updated.path("version").asInt()).isEqualTo(2);
    }

    @Test
    void badInputIsAProblemNamingEveryOffendingField() {
        Map<String, Object> record = Records.penaltyDecided("91450200MA5K00012X", 3);
        Map<String, Object> fields = new HashMap<>(Records.penaltyFields());
        fields.put("fineAmount", "lots");
        fields.remove("violationFacts");
        record.put("fields", fields);
        record.put("decisionDate", "2026-13-45");
        JsonNode p = market.post("/api/v1/records", record).expectProblem(400, "VALIDATION_FAILED");
        assertThat(p.path("errors").findValuesAsString("field")).contains("subject.identifier", "decisionDate",
                "fields.fineAmount", "fields.violationFacts");
        Map<String, Object> wrongType = Records.penaltyDecided(Records.freshUscc(), 3);
        wrongType.put("subject", Map.of("identifier", Records.freshUscc(), "name", "个体户", "type", "INDIVIDUAL_BUSINESS"));
        JsonNode mismatch = market.post("/api/v1/records", wrongType).expectProblem(400, "VALIDATION_FAILED");
        assertThat(mismatch.path("errors").findValuesAsString("code")).contains("SUBJECT_TYPE_MISMATCH");
        market.post("/api/v1/records", "{not json").expectProblem(400, "MALFORMED_BODY");
    }

    @Test
    void onlyTheSupplyingDepartmentCorrectsOrRevokesARecord() {
        String id = market.post("/api/v1/records", Records.penaltyDecided(Records.freshUscc(), 5)).expect(201).json()
                .path("id").asString();
        tax.patch("/api/v1/records/" + id, Map.of("fields", Map.of("fineAmount", "3"))).expectProblem(403, "NOT_SUPPLYING_DEPARTMENT");
        tax.post("/api/v1/records/" + id + ":revoke", Map.of("reason", "不是我的")).expectProblem(403, "NOT_SUPPLYING_DEPARTMENT");
        JsonNode patched = market.patch("/api/v1/records/" + id, Map.of("fields", Map.of("fineAmount", "3"), "note", "更正金额"))
                .expect(200).json();
        assertThat(patched.path("version").asInt()).isEqualTo(2);
        assertThat(patched.path("fields").path("fineAmount").asString()).isEqualTo("3");
        market.patch("/api/v1/records/" + id, Map.of("fields", Map.of("fineAmount", "x"))).expectProblem(400, "VALIDATION_FAILED");
        market.post("/api/v1/records/" + id + ":revoke", Map.of("reason", "")).expectProblem(400, "VALIDATION_FAILED");
        JsonNode revoked = market.post("/api/v1/records/" + id + ":revoke", Map.of("reason", "决定已撤销")).expect(200).json();
        assertThat(revoked.path("state").asString()).isEqualTo("REVOKED");
        assertThat(revoked.path("publicReason").asString()).isEqualTo("REVOKED");
        market.post("/api/v1/records/" + id + ":revoke", Map.of("reason", "again")).expectProblem(409, "ILLEGAL_TRANSITION");
        market.patch("/api/v1/records/00000000-0000-0000-0000-000000000000", Map.of("fields", Map.of())).expectProblem(404, "NOT_FOUND");
    }

    @Test
    void aMixedBatchGivesTheExactPerRowReportAndAResentBatchChangesNothing() {
        String subject = Records.freshUscc();
        String d1 = Records.doc("批");
        String d2 = Records.doc("批");
        String d3 = Records.doc("x");
        String d4 = Records.doc("x");
        String header = "category,subjectIdentifier,subjectName,documentNumber,decisionDate,violationType,violationFacts,penaltyBasis,"
                + "penaltyCategory,penaltyContent,penaltyValidUntil,authority,authorityUscc,dataSource,dataSourceUscc\n";
        String tail = ",其他,事实,依据,罚款,罚款一千元,2027-01-01,市场局," + Records.AUTHORITY + ",市场局," + Records.AUTHORITY + "\n";
        String csv = "\uFEFF" + header
                + "ADM_PENALTY," + subject + ",甲公司," + d1 + ",2026-01-05" + tail
                + "TAX_MAJOR_VIOLATION," + subject + ",甲公司," + d3 + ",2026-01-05" + tail
                + "ADM_PENALTY,91450200MA5K00012X,乙公司," + d4 + ",2026-01-05" + tail
                + "ADM_PENALTY," + subject + ",甲公司," + d2 + ",2099-01-01" + tail
                + "ADM_PENALTY," + subject + ",甲公司," + d2 + ",2026-02-05" + tail
                + "ADM_PENALTY,too,few,columns\n";
        JsonNode report = market.post("/api/v1/records:batch", "text/csv", csv.getBytes(StandardCharsets.UTF_8)).expect(200).json();
        assertThat(report.path("complete").asBoolean()).isTrue();
        assertThat(report.path("totals").path("rows").asInt()).isEqualTo(6);
        assertThat(report.path("totals").path("created").asInt()).isEqualTo(2);
        assertThat(report.path("totals").path("rejected").asInt()).isEqualTo(4);
        List<JsonNode> rows = report.path("rows").valueStream().toList();
        assertThat(rows).extracting(r -> r.path("row").asInt() + ":" + r.path("result").asString() + ":" + r.path("code").asString(""))
                .containsExactly("1:created:", "2:rejected:DEPARTMENT_NOT_SUPPLIER", "3:rejected:VALIDATION_FAILED",
                        "4:rejected:VALIDATION_FAILED", "5:created:", "6:rejected:MALFORMED_ROW");
        // each row names its document number (as sent), so the department finds it in its own data; an unreadable row has none
        assertThat(rows).extracting(r -> r.path("documentNumber").asString("")).containsExactly(d1, d3, d4, d2, d2, "");
        assertThat(rows.get(2).path("errors").findValuesAsString("code")).contains("USCC_CHECK_DIGIT");
        assertThat(rows.get(3).path("errors").findValuesAsString("code")).contains("DECISION_DATE_IN_FUTURE");

        JsonNode again = market.post("/api/v1/records:batch", "text/csv", csv.getBytes(StandardCharsets.UTF_8)).expect(200).json();
        assertThat(again.path("totals").path("created").asInt()).isZero();
        assertThat(again.path("totals").path("updated").asInt()).isZero();
        assertThat(again.path("totals").path("unchanged").asInt()).isEqualTo(2);
        assertThat(again.path("rows").get(0).path("id").asString()).isEqualTo(rows.get(0).path("id").asString());
        assertThat(again.path("rows").get(0).path("version").asInt()).isEqualTo(1);
    }

    @Test
    void ndjsonBatchesKeepValidRowsAndAnUpdateInTheSameBatchMakesAVersion() {
        Map<String, Object> first = Records.penaltyDecided(Records.freshUscc(), 10);
        Map<String, Object> second = new HashMap<>(first);
        Map<String, Object> fields = new HashMap<>(Records.penaltyFields());
        fields.put("fineAmount", "9");
        second.put("fields", fields);
        String nd = Api.JSON.writeValueAsString(first) + "\n{\"category\": [1]}\n" + Api.JSON.writeValueAsString(second) + "\n";
        JsonNode report = market.post("/api/v1/records:batch", "application/x-ndjson", nd.getBytes(StandardCharsets.UTF_8))
                .expect(200).json();
        assertThat(report.path("rows").valueStream().map(r -> r.path("result").asString()).toList())
                .containsExactly("created", "rejected", "updated");
        assertThat(report.path("rows").get(2).path("version").asInt()).isEqualTo(2);
    }

    /**
     * A batch of several chunks (1,000 rows each) is stored several chunks at once; a key repeated in later chunks is stored
     * after the chunk holding its earlier version, so the report and the stored record follow the rows' order.
     */
    @Test
    void aKeyRepeatedAcrossTheChunksOfALargeBatchIsVersionedInRowOrder() {
        List<String> subjects = java.util.stream.IntStream.range(0, 10).mapToObj(i -> Records.freshUscc()).toList();
        List<Map<String, Object>> rows = new java.util.ArrayList<>();
        for (int i = 0; i < 3000; i++) {
            rows.add(Records.penaltyDecided(subjects.get(i % subjects.size()), 10));
        }
        Map<String, Object> repeated = rows.get(4);
        Map<String, Object> corrected = new HashMap<>(repeated);
        Map<String, Object> fields = new HashMap<>(Records.penaltyFields());
        fields.put("fineAmount", "7");
        corrected.put("fields", fields);
        rows.set(1499, corrected); // chunk 2
        rows.set(2499, corrected); // chunk 3: the same content again
        StringBuilder nd = new StringBuilder();
        rows.forEach(r -> nd.append(Api.JSON.writeValueAsString(r)).append('\n'));

        JsonNode report = market.post("/api/v1/records:batch", "application/x-ndjson", nd.toString().getBytes(StandardCharsets.UTF_8))
                .expect(200).json();

        assertThat(report.path("totals").path("created").asInt()).isEqualTo(2998);
        assertThat(report.path("totals").path("updated").asInt()).isEqualTo(1);
        assertThat(report.path("totals").path("unchanged").asInt()).isEqualTo(1);
        List<JsonNode> results = report.path("rows").valueStream().toList();
        assertThat(results).extracting(r -> r.path("row").asInt()).containsExactlyElementsOf(
                java.util.stream.IntStream.rangeClosed(1, 3000).boxed().toList());
        assertThat(List.of(results.get(4), results.get(1499), results.get(2499)))
                .extracting(r -> r.path("result").asString() + ":" + r.path("version").asInt() + ":" + r.path("id").asString())
                .containsExactly("created:1:" + results.get(4).path("id").asString(), "updated:2:" + results.get(4).path("id").asString(),
                        "unchanged:2:" + results.get(4).path("id").asString());
        // what is stored is the corrected content: pushing it once more changes nothing
        JsonNode single = market.post("/api/v1/records", corrected).expect(200).json();
        assertThat(single.path("result").asString()).isEqualTo("unchanged");
        assertThat(single.path("version").asInt()).isEqualTo(2);
    }

    @Test
    void aGb18030UploadIsRefusedAsAWhole() {
        String csv = "category,subjectIdentifier,subjectName,documentNumber,decisionDate\nADM_PENALTY," + Records.freshUscc()
                + ",柳州市某某有限公司," + Records.doc("x") + ",2026-01-05\n";
        market.post("/api/v1/records:batch", "text/csv", csv.getBytes(Charset.forName("GB18030")))
                .expectProblem(400, "ENCODING_NOT_UTF8");
        market.post("/api/v1/records:batch", "application/xml", "<x/>".getBytes(StandardCharsets.UTF_8))
                .expectProblem(415, "UNSUPPORTED_MEDIA_TYPE");
    }
}
