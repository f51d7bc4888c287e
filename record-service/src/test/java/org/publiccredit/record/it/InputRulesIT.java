package org.publiccredit.record.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.publiccredit.testkit.Api;
import org.publiccredit.testkit.IntegrationTest;
import org.publiccredit.testkit.Reply;
import org.publiccredit.testkit.Tokens;
import tools.jackson.databind.JsonNode;

/**
 * The input rules of commons (issue 21) on a real push through the gateway: a NUL, an unpaired surrogate, an enum sent
 * as a number and overlong UTF-8 are each a 400 with a stable code, and nothing is stored.
 */
@IntegrationTest
class InputRulesIT {

    private final Api market = Api.gateway().as(Tokens.user("officer-market"));

    @Test
    void aNulInARecordFieldIsRefusedNamingTheFieldAndNothingIsStored() {
        String subject = Records.freshUscc();
        Map<String, Object> record = Records.penaltyDecided(subject, 3);
        Map<String, Object> fields = new LinkedHashMap<>(Records.penaltyFields());
        fields.put("violationFacts", "未按规定\u0000公示");
        record.put("fields", fields);
        JsonNode problem = market.post("/api/v1/records", record).expectProblem(400, "VALIDATION_FAILED");
        assertThat(problem.path("errors").get(0).path("field").asString()).isEqualTo("fields.violationFacts");
        assertThat(problem.path("errors").get(0).path("code").asString()).isEqualTo("TEXT_INVALID_CHARACTER");

        Map<String, Object> named = Records.penaltyDecided(subject, 3);
        named.put("subject", Map.of("identifier", subject, "name", "测试\u0000主体"));
        assertThat(market.post("/api/v1/records", named).expectProblem(400, "VALIDATION_FAILED").path("errors").get(0)
                .path("field").asString()).isEqualTo("subject.name");

        assertNothingStoredFor(subject);
        fields.put("violationFacts", "未按规定公示");
        market.post("/api/v1/records", record).expect(201); // its natural key was free
    }

    @Test
    void aLoneSurrogateInTheDocumentNumberIsRefusedNotStoredAsAQuestionMark() {
        String subject = Records.freshUscc();
        Map<String, Object> record = Records.penaltyDecided(subject, 3);
        String documentNumber = (String) record.get("documentNumber");
        record.put("documentNumber", documentNumber + "LONE");
        String body = Api.JSON.writeValueAsString(record).replace("LONE", "\\ud800");
        JsonNode problem = market.post("/api/v1/records", body).expectProblem(400, "VALIDATION_FAILED");
        assertThat(problem.path("errors").get(0).path("field").asString()).isEqualTo("documentNumber");
        assertThat(problem.path("errors").get(0).path("code").asString()).isEqualTo("TEXT_INVALID_CHARACTER");

        assertNothingStoredFor(subject);
        record.put("documentNumber", documentNumber + "?");
        market.post("/api/v1/records", record).expect(201); // no "?" version of it was stored
    }

    @Test
    void overlongUtf8InAJsonBodyIsRefused() {
        String subject = Records.freshUscc();
        Map<String, Object> record = Records.penaltyDecided(subject, 3);
        String documentNumber = (String) record.get("documentNumber");
        record.put("documentNumber", documentNumber + "OVERLONG");
        byte[] json = Api.JSON.writeValueAsString(record).getBytes(StandardCharsets.UTF_8);
        Reply reply = market.post("/api/v1/records", "application/json", replace(json, "OVERLONG", new byte[] {(byte) 0xC0, (byte) 0xAF}));
        JsonNode problem = reply.expectProblem(400, "ENCODING_NOT_UTF8");
        assertThat(problem.path("detail").asString()).contains("UTF-8");

        assertNothingStoredFor(subject);
        record.put("documentNumber", documentNumber + "/");
        market.post("/api/v1/records", record).expect(201); // the bytes were not decoded to "/" and stored
    }

    @Test
    void anEnumSentAsANumberIsRefused() {
        Api admin = Api.gateway().as(Tokens.user("admin1"));
        JsonNode entry = admin.get("/api/v1/catalog/ADM_PENALTY").expect(200).json();
        int revisions = admin.get("/api/v1/catalog/ADM_PENALTY/history").expect(200).json().path("revisions").size();
        @SuppressWarnings("unchecked")
        Map<String, Object> body = Api.JSON.convertValue(entry, Map.class);
        body.put("kind", 0);
        JsonNode problem = admin.put("/api/v1/catalog/ADM_PENALTY", body).expectProblem(400, "VALIDATION_FAILED");
        assertThat(problem.path("errors").get(0).path("field").asString()).isEqualTo("kind");
        body.put("kind", "0");
        admin.put("/api/v1/catalog/ADM_PENALTY", body).expectProblem(400, "VALIDATION_FAILED");
        assertThat(admin.get("/api/v1/catalog/ADM_PENALTY/history").expect(200).json().path("revisions").size()).isEqualTo(revisions);
        assertThat(admin.get("/api/v1/catalog/ADM_PENALTY").expect(200).json().path("kind").asString())
                .isEqualTo(entry.path("kind").asString());
    }

    @Test
    void aNulInAQueryParameterIsRefusedNamingIt() {
        JsonNode problem = market.get("/api/v1/subjects/" + Records.ENT1 + "/records?category=ADM%00PENALTY")
                .expectProblem(400, "VALIDATION_FAILED");
        assertThat(problem.path("errors").get(0).path("field").asString()).isEqualTo("category");
        assertThat(problem.path("errors").get(0).path("code").asString()).isEqualTo("TEXT_INVALID_CHARACTER");
    }

    /** The subject was never registered, or it has no record. */
    private void assertNothingStoredFor(String subject) {
        Reply read = market.get("/api/v1/subjects/" + subject + "/records");
        if (read.status() != 404) {
            assertThat(read.expect(200).json().path("total").asLong(0)).isZero();
            assertThat(read.json().path("items").size()).isZero();
        }
    }

    private static byte[] replace(byte[] text, String marker, byte[] with) {
        String s = new String(text, StandardCharsets.UTF_8);
        int at = s.indexOf(marker);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(s.substring(0, at).getBytes(StandardCharsets.UTF_8));
        out.writeBytes(with);
        out.writeBytes(s.substring(at + marker.length()).getBytes(StandardCharsets.UTF_8));
        return out.toByteArray();
    }
}
