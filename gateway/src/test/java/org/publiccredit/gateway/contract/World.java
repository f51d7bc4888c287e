package org.publiccredit.gateway.contract;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import org.publiccredit.commons.id.Regions;
import org.publiccredit.commons.id.Uscc;
import org.publiccredit.testkit.Api;
import org.publiccredit.testkit.Reply;
import org.publiccredit.testkit.Tokens;
import tools.jackson.databind.JsonNode;

/**
 * Object mother of the contract tests: fresh records, subjects and cases, made through the gateway by the callers
 * whose job it is (never seed data). Records are administrative penalties pushed by officer-market; cases are ent1's.
 * Its calls wait out a 429: the fixtures share the callers' rate-limit buckets with the requests under test.
 */
final class World {

    static final String ENT1 = "91450200MA5K00012P";
    static final String ENT2 = "91450403MA5K000470";
    static final String CITIZEN1 = "450202199001011237";
    static final LocalDate TODAY = LocalDate.now(ZoneId.of("Asia/Shanghai"));
    private static final String CHARS = "0123456789ABCDEFGHJKLMNPQRTUWXY";
    private static final List<String> COUNTIES = List.copyOf(Regions.countiesOf("4502"));

    private World() {
    }

    static Api as(String user) {
        return Api.gateway().as(Tokens.user(user)).patient();
    }

    /** A fresh valid code of a Liuzhou enterprise. */
    static String freshUscc() {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        StringBuilder org = new StringBuilder("C");
        for (int i = 0; i < 7; i++) {
            org.append(CHARS.charAt(random.nextInt(CHARS.length())));
        }
        return Uscc.of('9', '1', COUNTIES.get(random.nextInt(COUNTIES.size())), org.toString()).value();
    }

    static String key() {
        return "ct-" + UUID.randomUUID();
    }

    static Map<String, Object> enterprise(String code) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("code", code);
        body.put("name", "契约测试" + code.substring(10, 16) + "有限公司");
        body.put("legalRepresentative", "测试法人");
        body.put("registrationDate", "2018-06-01");
        body.put("registrationStatus", "存续");
        body.put("industry", "C");
        body.put("address", "柳州市城中区测试路1号");
        return body;
    }

    /** A registered enterprise subject (created by admin1), its code. */
    static String subject() {
        String code = freshUscc();
        as("admin1").post("/api/v1/subjects", enterprise(code)).expect(201);
        return code;
    }

    /** The body of an administrative penalty about {@code uscc}, decided {@code daysAgo} days ago. */
    static Map<String, Object> penaltyBody(String uscc, int daysAgo) {
        LocalDate decided = TODAY.minusDays(daysAgo);
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("violationType", "虚假宣传");
        fields.put("violationFacts", "在其网站发布虚假广告");
        fields.put("penaltyBasis", "《中华人民共和国广告法》第五十五条");
        fields.put("penaltyCategory", "罚款");
        fields.put("penaltyContent", "罚款人民币五千元");
        fields.put("fineAmount", "0.5");
        fields.put("penaltyValidUntil", decided.plusYears(1).toString());
        fields.put("authority", "柳州市市场监督管理局");
        fields.put("authorityUscc", ENT2);
        fields.put("dataSource", "柳州市市场监督管理局");
        fields.put("dataSourceUscc", ENT2);
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("category", "ADM_PENALTY");
        body.put("subject", Map.of("identifier", uscc, "name", uscc.equals(ENT1) ? "柳州示范科技有限公司" : "契约测试有限公司"));
        body.put("documentNumber", "柳市监罚〔" + decided.getYear() + "〕CT" + UUID.randomUUID().toString().substring(0, 12));
        body.put("decisionDate", decided.toString());
        body.put("fields", fields);
        return body;
    }

    /** A fresh, valid id number of Liuzhou (random birth date and sequence). */
    static String freshIdNumber() {
        LocalDate born = LocalDate.of(1950, 1, 1).plusDays(java.util.concurrent.ThreadLocalRandom.current().nextInt(365 * 50));
        String first17 = "450202" + born.toString().replace("-", "")
                + String.format("%03d", java.util.concurrent.ThreadLocalRandom.current().nextInt(1000));
        return first17 + org.publiccredit.commons.id.IdNumber.checkCharacter(first17);
    }

    /** An administrative penalty pushed by officer-market; its id. */
    static String penalty(String uscc, int daysAgo) {
        return as("officer-market").post("/api/v1/records", penaltyBody(uscc, daysAgo)).expect(201).json().path("id").asString();
    }

    /** ent1's objection about a fresh penalty of its own: a SUBMITTED case. */
    static JsonNode objection() {
        String record = penalty(ENT1, 40);
        return as("ent1").header("Idempotency-Key", key()).post("/api/v1/objections",
                Map.of("recordId", record, "reason", "处罚决定中的罚款金额有误")).expect(201).json();
    }

    /** A case of ent1 in the given state: SUBMITTED, ACCEPTED, VERIFYING (assigned) or PROPOSED (VERIFYING, UPHELD proposed). */
    static String caseIn(String state) {
        String id = objection().path("id").asString();
        if (state.equals("SUBMITTED")) {
            return id;
        }
        act("reviewer1", id, "accept", Map.of());
        if (state.equals("ACCEPTED")) {
            return id;
        }
        act("reviewer1", id, "assign", Map.of());
        if (state.equals("VERIFYING")) {
            return id;
        }
        act("officer-market", id, "propose", Map.of("outcome", "UPHELD", "reason", "处罚事实清楚"));
        assertThat(state).isEqualTo("PROPOSED");
        return id;
    }

    static JsonNode act(String user, String caseId, String action, Map<String, Object> body) {
        return as(user).post("/api/v1/cases/" + caseId + ":" + action, body).expect(200).json();
    }

    /** ent1's case with one PDF attached: its id and the attachment's. */
    static String[] caseWithFile() {
        String id = caseIn("SUBMITTED");
        Multipart m = new Multipart().file("files", "证据.pdf", "application/pdf", pdf());
        JsonNode view = as("ent1").post("/api/v1/cases/" + id + "/attachments", m.contentType(), m.body()).expect(201).json();
        return new String[] {id, view.path("attachments").get(0).path("id").asString()};
    }

    /** An accepted case and the operation id of its effect on the record (delivered or pending: never DEAD). */
    static String[] caseWithEffect() {
        String id = caseIn("ACCEPTED");
        JsonNode view = as("reviewer1").get("/api/v1/cases/" + id).expect(200).json();
        assertThat(view.path("effects")).as("effects of an accepted objection: %s", view).isNotEmpty();
        return new String[] {id, view.path("effects").get(0).path("operationId").asString()};
    }

    /** The body of a repair of {@code recordId} with the current texts accepted. */
    static Map<String, Object> repairBody(String recordId) {
        JsonNode texts = as("ent1").get("/api/v1/repairs/templates?record=" + recordId).expect(200).json();
        String version = texts.path("version").asString();
        return Map.of("recordId", recordId, "reason", "已履行处罚决定，申请信用修复", "obligationsFulfilled", true,
                "obligationsStatement", "罚款已于" + TODAY.minusDays(30) + "缴清",
                "acceptedTemplates", List.of(Map.of("id", "REPAIR_APPLICATION", "version", version),
                        Map.of("id", "CREDIT_COMMITMENT", "version", version)));
    }

    /** A repair with the fine receipt as proof, multipart. */
    static Reply fileRepair(Api api, String recordId) {
        Multipart m = new Multipart().json("case", repairBody(recordId)).file("proof", "收据.pdf", "application/pdf", pdf());
        return api.header("Idempotency-Key", key()).post("/api/v1/repairs", m.contentType(), m.body());
    }

    /** A public credit report of ent1, issued to an anonymous caller: its number. */
    static String report() {
        Reply issued = Api.gateway().header("X-Forwarded-For", "198.18.99." + (1 + ThreadLocalRandom.current().nextInt(250)))
                .post("/api/v1/reports", Map.of("subject", ENT1, "edition", "public")).expect(200);
        String number = issued.header("X-Report-Number").getFirst();
        assertThat(number).isNotBlank();
        return number;
    }

    /** A public credit report of ent1 as PDF bytes. */
    static byte[] reportPdf() {
        return Api.gateway().header("X-Forwarded-For", "198.18.99." + (1 + ThreadLocalRandom.current().nextInt(250)))
                .post("/api/v1/reports", Map.of("subject", ENT1, "edition", "public")).expect(200).bytes();
    }

    /** The citizen's subject id (looked up by admin1). */
    static String citizenId() {
        return as("admin1").post("/api/v1/subjects/lookup", Map.of("idNumber", CITIZEN1, "purpose", "契约测试"))
                .expect(200).json().path("id").asString();
    }

    /** A minimal well-formed PDF 1.4 with one empty page. */
    static byte[] pdf() {
        String body = "%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n2 0 obj<</Type/Pages/Kids[3 0 R]/Count 1>>endobj\n"
                + "3 0 obj<</Type/Page/Parent 2 0 R/MediaBox[0 0 200 200]>>endobj\n";
        String xref = "xref\n0 4\n0000000000 65535 f \ntrailer<</Size 4/Root 1 0 R>>\nstartxref\n" + body.length() + "\n%%EOF\n";
        return (body + xref).getBytes(StandardCharsets.US_ASCII);
    }

    /** A multipart/form-data body. */
    static final class Multipart {
        private final String boundary = "----ct" + UUID.randomUUID().toString().replace("-", "");
        private final ByteArrayOutputStream out = new ByteArrayOutputStream();

        Multipart json(String name, Object value) {
            return part(name, null, "application/json", Api.JSON.writeValueAsString(value).getBytes(StandardCharsets.UTF_8));
        }

        Multipart file(String name, String fileName, String contentType, byte[] content) {
            return part(name, fileName, contentType, content);
        }

        String contentType() {
            return "multipart/form-data; boundary=" + boundary;
        }

        byte[] body() {
            ByteArrayOutputStream copy = new ByteArrayOutputStream();
            copy.writeBytes(out.toByteArray());
            copy.writeBytes(("--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
            return copy.toByteArray();
        }

        private Multipart part(String name, String fileName, String contentType, byte[] content) {
            StringBuilder h = new StringBuilder("--").append(boundary).append("\r\nContent-Disposition: form-data; name=\"").append(name)
                    .append('"');
            if (fileName != null) {
                h.append("; filename=\"").append(fileName).append('"');
            }
            h.append("\r\nContent-Type: ").append(contentType).append("\r\n\r\n");
            out.writeBytes(h.toString().getBytes(StandardCharsets.UTF_8));
            out.writeBytes(content);
            out.writeBytes("\r\n".getBytes(StandardCharsets.UTF_8));
            return this;
        }
    }
}
