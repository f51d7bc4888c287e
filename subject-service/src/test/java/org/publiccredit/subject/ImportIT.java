package org.publiccredit.subject;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.publiccredit.testkit.Api;
import org.publiccredit.testkit.IntegrationTest;
import org.publiccredit.testkit.Reply;
import org.publiccredit.testkit.Tokens;
import tools.jackson.databind.JsonNode;

/** POST /api/v1/subjects:import through the gateway: exact per-row results, idempotent re-import, limits, refusals. */
@IntegrationTest
class ImportIT {

    private static final Api PARTNER = Api.gateway().as(Tokens.client("partner-tax"));
    private static final Api OFFICER = Api.gateway().as(Tokens.user("officer-market"));

    private static Reply ndjson(Api api, String body) {
        return api.post("/api/v1/subjects:import", "application/x-ndjson", body.getBytes(StandardCharsets.UTF_8));
    }

    private static void assertTotals(JsonNode report, int rows, int created, int updated, int unchanged, int rejected) {
        JsonNode t = report.path("totals");
        assertThat(List.of(t.path("rows").asInt(), t.path("created").asInt(), t.path("updated").asInt(), t.path("unchanged").asInt(),
                t.path("rejected").asInt())).as("rows, created, updated, unchanged, rejected: %s", report)
                .containsExactly(rows, created, updated, unchanged, rejected);
    }

    @Test
    void mixedRowsGiveExactResultsAndARepeatedImportChangesNothing() {
        String a = Subjects.freshUscc('1');
        String b = Subjects.freshUscc('2');
        String c = Subjects.freshUscc('3');
        String existing = Subjects.freshUscc('1');
        String person = Subjects.freshIdNumber();
        OFFICER.post("/api/v1/subjects", Subjects.enterprise(existing, "柳州导入前名称有限公司")).expect(201);
        // the partner's data do not verify; make the existing subject unverified-by-partner-changeable: created by the partner
        String partnerOwned = Subjects.freshUscc('1');
        PARTNER.post("/api/v1/subjects", Subjects.enterprise(partnerOwned, "柳州合作方旧名有限公司")).expect(201);

        String file = String.join("\n",
                "{\"code\":\"" + a + "\",\"name\":\"柳州导入甲有限公司\",\"registrationStatus\":\"存续\",\"industry\":\"C\"}",  // 1 created
                "{\"code\":\"91450200MA5K00012X\",\"name\":\"校验码错\"}",                                                   // 2 rejected
                "{\"code\":\"" + b + "\",\"name\":\"柳州导入小吃店\",\"type\":\"个体工商户\"}",                                    // 3 created
                "{\"code\":\"" + c + "\",\"name\":\"柳州导入合作社\",\"type\":\"ENTERPRISE\"}",                                  // 4 rejected: type
                "",                                                                                                          //   blank line
                "{\"code\":\"" + a + "\",\"name\":\"柳州导入甲有限公司\",\"registrationStatus\":\"存续\",\"industry\":\"C\"}",  // 5 unchanged (same as 1)
                "{\"code\":\"" + partnerOwned + "\",\"name\":\"柳州合作方新名有限公司\"}",                                        // 6 updated
                "{\"idNumber\":\"" + person + "\",\"name\":\"导入人\"}",                                                       // 7 created
                "{\"code\":\"" + existing + "\",\"name\":\"合作方想改的名字\"}",                                                 // 8 rejected: verified
                "{\"code\":\"" + Subjects.freshUscc('1') + "\",\"name\":\"x\",\"registrationDate\":\"2099-01-01\",\"industry\":\"Q\"}", // 9 rejected
                "not json at all",                                                                                           // 10 rejected
                "{\"idNumber\":\"450202199001011238\",\"name\":\"号码错\"}",                                                   // 11 rejected
                "{\"code\":\"" + a + "\",\"name\":\"柳州导入甲有限公司\",\"colour\":\"red\"}");                                  // 12 rejected: unknown field

        JsonNode report = ndjson(PARTNER, file).expect(200).json();
        assertTotals(report, 12, 3, 1, 1, 7);
        JsonNode rows = report.path("rows");
        assertThat(report.path("rowsTruncated").asBoolean()).isFalse();
        assertThat(rows.findValuesAsString("outcome")).containsExactly("REJECTED", "REJECTED", "UPDATED", "REJECTED", "REJECTED",
                "REJECTED", "REJECTED", "REJECTED");
        assertThat(rows.findValues("row").stream().map(JsonNode::asInt).toList()).containsExactly(2, 4, 6, 8, 9, 10, 11, 12);
        assertThat(rows.get(0).path("line").asInt()).isEqualTo(2);
        assertThat(rows.get(3).path("line").asInt()).as("after the blank line").isEqualTo(9);
        // an invalid value is shown masked: it might be an id number in the wrong column
        assertRow(rows.get(0), "914502********012X", "code", "USCC_CHECK_DIGIT");
        assertRow(rows.get(1), c, "type", "SUBJECT_TYPE_MISMATCH");
        assertThat(rows.get(2).path("key").asString()).isEqualTo(partnerOwned);
        assertThat(rows.get(2).path("id").asString()).isNotBlank();
        assertRow(rows.get(3), existing, "code", "SUBJECT_VERIFIED");
        assertThat(rows.get(4).path("errors").findValuesAsString("code")).containsExactly("DATE_IN_FUTURE");
        assertRow(rows.get(5), null, "row", "ROW_MALFORMED");
        assertRow(rows.get(6), "450202********1238", "idNumber", "ID_NUMBER_CHECK_DIGIT");
        assertRow(rows.get(7), null, "colour", "FIELD_UNKNOWN");

        assertThat(Subjects.anonymous().get("/api/v1/subjects/" + a).expect(200).json().path("name").asString()).isEqualTo("柳州导入甲有限公司");
        assertThat(Subjects.anonymous().get("/api/v1/subjects/" + b).expect(200).json().path("type").asString()).isEqualTo("INDIVIDUAL_BUSINESS");
        Subjects.anonymous().get("/api/v1/subjects/" + c).expectProblem(404, "NOT_FOUND");
        JsonNode renamed = Subjects.anonymous().get("/api/v1/subjects/" + partnerOwned).expect(200).json();
        assertThat(renamed.path("formerNames").get(0).path("name").asString()).isEqualTo("柳州合作方旧名有限公司");
        assertThat(Subjects.anonymous().get("/api/v1/subjects/" + existing).expect(200).json().path("name").asString())
                .isEqualTo("柳州导入前名称有限公司");

        // the same file again: every stored row unchanged, nothing written
        List<String> codes = List.of(a, b, partnerOwned, existing);
        String state = snapshot(codes, person);
        long feedBefore = Db.number("SELECT count(*) FROM change_log");
        JsonNode again = ndjson(PARTNER, file).expect(200).json();
        assertTotals(again, 12, 0, 0, 5, 7);
        assertThat(again.path("rows").findValuesAsString("outcome")).doesNotContain("UPDATED", "CREATED");
        assertThat(snapshot(codes, person)).isEqualTo(state);
        assertThat(Db.number("SELECT count(*) FROM change_log WHERE entity_id IN (SELECT id::text FROM subject WHERE code = ANY(?))",
                (Object) codes.toArray(new String[0]))).as("feed rows of these subjects").isEqualTo(
                        Db.number("SELECT count(*) FROM change_log WHERE seq <= ? AND entity_id IN (SELECT id::text FROM subject WHERE code = ANY(?))",
                                feedBefore, codes.toArray(new String[0])));
        ServiceLog.assertNeverContains(person);
    }

    private static String snapshot(List<String> codes, String person) {
        return Db.query("SELECT code, name, version, updated_at, verified, former_names::text FROM subject WHERE code = ANY(?) ORDER BY code",
                (Object) codes.toArray(new String[0])).toString()
                + Db.query("SELECT version, updated_at FROM subject WHERE id_masked = ? AND created_at > now() - interval '10 minutes'",
                        person.substring(0, 6) + "********" + person.substring(14)).toString();
    }

    private static void assertRow(JsonNode row, String key, String field, String code) {
        assertThat(row.path("outcome").asString()).isEqualTo("REJECTED");
        if (key == null) {
            assertThat(row.has("key")).as("no key: %s", row).isFalse();
        } else {
            assertThat(row.path("key").asString()).isEqualTo(key);
        }
        assertThat(row.path("errors")).as("%s", row).hasSize(1);
        assertThat(row.path("errors").get(0).path("field").asString()).isEqualTo(field);
        assertThat(row.path("errors").get(0).path("code").asString()).isEqualTo(code);
        assertThat(row.path("errors").get(0).path("message").asString()).isNotBlank();
    }

    @Test
    void csvWithBomQuotesAndAHeader() {
        String a = Subjects.freshUscc('1');
        String b = Subjects.freshUscc('1');
        String c = Subjects.freshUscc('1');
        String csv = "\uFEFFcode,name,registration_status,address,industry\r\n"
                + a + ",\"柳州\"\"引号\"\"有限公司\",存续,\"柳州市, 城中区测试路3号\",C\r\n"          // line 2: created
                + c + ",柳州换行有限公司,存续,\"第一行\n第二行\",C\r\n"                                  // lines 3-4: a line break in a field
                + b + ",柳州逗号有限公司,吊销,,F\r\n"                                                    // line 5: created
                + "91450200MA5K0001IP,坏代码,存续,,C\r\n";                                               // line 6: bad code
        JsonNode report = PARTNER.post("/api/v1/subjects:import", "text/csv; charset=UTF-8", csv.getBytes(StandardCharsets.UTF_8))
                .expect(200).json();
        assertTotals(report, 4, 2, 0, 0, 2);
        JsonNode rows = report.path("rows");
        assertThat(rows.get(0).path("row").asInt()).isEqualTo(2);
        assertThat(rows.get(0).path("line").asInt()).isEqualTo(3);
        assertThat(rows.get(0).path("key").asString()).isEqualTo(c);
        assertThat(rows.get(0).path("errors").get(0).path("field").asString()).isEqualTo("address");
        assertThat(rows.get(0).path("errors").get(0).path("code").asString()).isEqualTo("FIELD_INVALID");
        assertThat(rows.get(1).path("row").asInt()).isEqualTo(4);
        assertThat(rows.get(1).path("line").asInt()).isEqualTo(6);
        assertThat(rows.get(1).path("errors").get(0).path("code").asString()).isEqualTo("USCC_FORBIDDEN_CHARACTER");
        JsonNode first = Subjects.anonymous().get("/api/v1/subjects/" + a).expect(200).json();
        assertThat(first.path("name").asString()).isEqualTo("柳州\"引号\"有限公司");
        assertThat(first.path("address").asString()).isEqualTo("柳州市, 城中区测试路3号");
        assertThat(Subjects.anonymous().get("/api/v1/subjects/" + b).expect(200).json().path("registrationStatusLabel").asString())
                .isEqualTo("吊销");

        assertTotals(PARTNER.post("/api/v1/subjects:import", "text/csv", csv.getBytes(StandardCharsets.UTF_8)).expect(200).json(),
                4, 0, 0, 2, 2);
    }

    @Test
    void anUnusableHeaderRefusesTheUploadBeforeAnyRow() {
        String code = Subjects.freshUscc('1');
        JsonNode problem = PARTNER.post("/api/v1/subjects:import", "text/csv",
                ("code,name,colour\n" + code + ",甲,红\n").getBytes(StandardCharsets.UTF_8)).expectProblem(400, "IMPORT_HEADER_INVALID");
        assertThat(problem.path("errors").get(0).path("code").asString()).isEqualTo("IMPORT_UNKNOWN_COLUMN");
        Subjects.anonymous().get("/api/v1/subjects/" + code).expectProblem(404, "NOT_FOUND");
    }

    @Test
    void row100001StopsTheImportWithAProblemAfterTheRowsBeforeIt() {
        StringBuilder file = new StringBuilder(100_001 * 24);
        for (int i = 0; i < 100_001; i++) {
            file.append("{\"code\":\"X\",\"name\":\"n\"}\n");
        }
        String last = Subjects.freshUscc('1');
        file.append("{\"code\":\"").append(last).append("\",\"name\":\"超限之后\"}\n");
        JsonNode problem = ndjson(PARTNER, file.toString()).expectProblem(413, "IMPORT_TOO_MANY_ROWS");
        assertThat(problem.path("stoppedAtRow").asInt()).isEqualTo(100_001);
        assertThat(problem.path("totals").path("rows").asInt()).isEqualTo(100_000);
        assertThat(problem.path("totals").path("rejected").asInt()).isEqualTo(100_000);
        assertThat(problem.path("rowsTruncated").asBoolean()).isTrue();
        Subjects.anonymous().get("/api/v1/subjects/" + last).expectProblem(404, "NOT_FOUND");
    }

    @Test
    void onlyOfficersPartnersAndAdminsImportAndOnlyNdjsonOrCsv() {
        byte[] row = ("{\"code\":\"" + Subjects.freshUscc('1') + "\",\"name\":\"甲\"}\n").getBytes(StandardCharsets.UTF_8);
        Api.gateway().as(Tokens.user("citizen1")).post("/api/v1/subjects:import", "application/x-ndjson", row).expectProblem(403, "ACCESS_DENIED");
        Api.gateway().as(Tokens.user("ent1")).post("/api/v1/subjects:import", "application/x-ndjson", row).expectProblem(403, "ACCESS_DENIED");
        Subjects.anonymous().post("/api/v1/subjects:import", "application/x-ndjson", row).expectProblem(401, "UNAUTHENTICATED");
        PARTNER.post("/api/v1/subjects:import", "application/xml", row).expectProblem(415, "UNSUPPORTED_MEDIA_TYPE");
        PARTNER.post("/api/v1/subjects:import", "text/csv; charset=GBK", row).expectProblem(415, "UNSUPPORTED_CHARSET");
        assertThat(Api.gateway().as(Tokens.user("admin1")).post("/api/v1/subjects:import", "application/x-ndjson", row).expect(200).json()
                .path("totals").path("created").asInt()).isOne();
    }
}
