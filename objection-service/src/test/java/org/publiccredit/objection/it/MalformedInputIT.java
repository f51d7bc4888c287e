package org.publiccredit.objection.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.publiccredit.objection.it.Fixtures.ENT1;
import static org.publiccredit.objection.it.Fixtures.act;
import static org.publiccredit.objection.it.Fixtures.as;
import static org.publiccredit.objection.it.Fixtures.fileObjection;
import static org.publiccredit.objection.it.Fixtures.key;
import static org.publiccredit.objection.it.Fixtures.penalty;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.publiccredit.objection.attachment.TestFiles;
import org.publiccredit.testkit.IntegrationTest;
import org.publiccredit.testkit.Tokens;
import tools.jackson.databind.JsonNode;

/** Broken multipart bodies, bad Idempotency-Key bytes and padded reasons: 400 problems, never a 5xx, nothing stored. */
@IntegrationTest
class MalformedInputIT {

    static final String BOUNDARY = "----pcpbroken";

    static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    static byte[] concat(byte[]... parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] p : parts) {
            out.writeBytes(p);
        }
        return out.toByteArray();
    }

    static byte[] casePart(String recordId) {
        return bytes("--" + BOUNDARY + "\r\nContent-Disposition: form-data; name=\"case\"\r\nContent-Type: application/json\r\n\r\n"
                + "{\"recordId\":\"" + recordId + "\",\"reason\":\"处罚决定中的罚款金额有误\"}\r\n");
    }

    static byte[] filePart(String name, String fileName) {
        return concat(bytes("--" + BOUNDARY + "\r\nContent-Disposition: form-data; name=\"" + name + "\"; filename=\"" + fileName
                + "\"\r\nContent-Type: application/pdf\r\n\r\n"), TestFiles.pdf(), bytes("\r\n"));
    }

    static final byte[] CLOSE = bytes("--" + BOUNDARY + "--\r\n");

    /** Each broken body with the content type it is sent with. */
    static Map<String, Map.Entry<String, byte[]>> brokenBodies(String recordId) {
        String type = "multipart/form-data; boundary=" + BOUNDARY;
        Map<String, Map.Entry<String, byte[]>> bodies = new LinkedHashMap<>();
        bodies.put("no closing boundary", Map.entry(type, concat(casePart(recordId), filePart("files", "a.pdf"))));
        bodies.put("NUL in a part header", Map.entry(type, concat(casePart(recordId),
                bytes("--" + BOUNDARY + "\r\nContent-Disposition: form-data; name=\"fi\u0000les\"; filename=\"a.pdf\"\r\n"
                        + "Content-Type: application/pdf\r\n\r\n"), TestFiles.pdf(), bytes("\r\n"), CLOSE)));
        bodies.put("NUL in a file name", Map.entry(type, concat(casePart(recordId), filePart("files", "a\u0000.pdf"), CLOSE)));
        bodies.put("encoded NUL in a file name", Map.entry(type, concat(casePart(recordId),
                bytes("--" + BOUNDARY + "\r\nContent-Disposition: form-data; name=\"files\"; filename*=UTF-8''a%00b.pdf\r\n"
                        + "Content-Type: application/pdf\r\n\r\n"), TestFiles.pdf(), bytes("\r\n"), CLOSE)));
        bodies.put("no boundary parameter", Map.entry("multipart/form-data", concat(casePart(recordId), CLOSE)));
        bodies.put("a garbage body", Map.entry(type, bytes("\u0000\u0000--" + BOUNDARY)));
        return bodies;
    }

    static void assertRefused(String what, int status, String contentType, String body) {
        assertThat(status).as("%s: status (body %s)", what, body).isBetween(400, 499);
        assertThat(contentType).as("%s: content type", what).startsWith("application/problem+json");
        assertThat(body).as("%s: a problem with a code", what).contains("\"code\":\"");
    }

    @Test
    void brokenMultipartBodiesAreRefusedWithA400ProblemOnEveryMultipartEndpoint() {
        String recordId = penalty(ENT1, 40);
        String caseId = fileObjection("ent1", penalty(ENT1, 41), key()).expect(201).json().path("id").asString();
        for (String path : List.of("/api/v1/objections", "/api/v1/repairs", "/api/v1/cases/" + caseId + "/attachments")) {
            brokenBodies(recordId).forEach((what, body) -> {
                var reply = as("ent1").header("Idempotency-Key", key()).post(path, body.getKey(), body.getValue());
                assertRefused(path + " " + what, reply.status(), reply.header("Content-Type").getFirst(), reply.text());
            });
        }
        // nothing was filed about the record and no file was added to the case
        assertThat(as("ent1").get("/api/v1/cases/mine?size=100").expect(200).text()).doesNotContain(recordId);
        assertThat(as("ent1").get("/api/v1/cases/" + caseId).expect(200).json().path("attachments")).isEmpty();
    }

    @Test
    void aMissingClosingBoundaryIsMalformedMultipart() {
        String recordId = penalty(ENT1, 42);
        var reply = as("ent1").header("Idempotency-Key", key()).post("/api/v1/objections", "multipart/form-data; boundary=" + BOUNDARY,
                concat(casePart(recordId), filePart("files", "a.pdf")));
        reply.expectProblem(400, "MALFORMED_MULTIPART");
    }

    @Test
    void anIdempotencyKeyThatIsNotVisibleAsciiIsIdempotencyKeyInvalid() {
        String recordId = penalty(ENT1, 43);
        byte[] body = bytes("{\"recordId\":\"" + recordId + "\",\"reason\":\"处罚决定中的罚款金额有误\"}");
        String auth = "Authorization: Bearer " + Tokens.user("ent1") + "\r\nContent-Type: application/json\r\n";
        for (byte[] key : List.of(bytes("柳"), new byte[] {(byte) 0xE9, 't', (byte) 0xE9}, bytes("a b"), bytes("x".repeat(101)))) {
            RawHttp.Answer a = RawHttp.post("/api/v1/objections", concat(bytes(auth + "Idempotency-Key: "), key, bytes("\r\n")), body);
            assertThat(a.status()).as("key %s: %s", new String(key, StandardCharsets.ISO_8859_1), a.head()).isEqualTo(400);
            assertThat(a.contentType()).startsWith("application/problem+json");
            JsonNode problem = a.json();
            assertThat(problem.path("code").asString()).isEqualTo("IDEMPOTENCY_KEY_INVALID");
            assertThat(problem.path("errors").get(0).path("field").asString()).isEqualTo("Idempotency-Key");
        }
        // control characters may already be refused by the gateway: a 400 problem either way
        for (byte[] key : List.of(new byte[] {'a', 0x01, 'b'}, new byte[] {'a', 0x7F, 'b'}, new byte[] {'a', 0x00, 'b'})) {
            RawHttp.Answer a = RawHttp.post("/api/v1/objections", concat(bytes(auth + "Idempotency-Key: "), key, bytes("\r\n")), body);
            assertRefused("control character in the key", a.status(), a.contentType(), new String(a.body(), StandardCharsets.UTF_8));
        }
        assertThat(as("ent1").get("/api/v1/cases/mine?size=100").expect(200).text()).doesNotContain(recordId);
    }

    @Test
    void reasonsAreCountedAndStoredWithoutTheWhiteSpaceAroundThem() {
        String recordId = penalty(ENT1, 44);
        as("ent1").header("Idempotency-Key", key()).post("/api/v1/objections", Map.of("recordId", recordId, "reason", " \u3000\t\n "))
                .expectProblem(400, "VALIDATION_FAILED");
        JsonNode filed = as("ent1").header("Idempotency-Key", key())
                .post("/api/v1/objections", Map.of("recordId", recordId, "reason", "  罚款金额有误\u3000\n")).expect(201).json();
        assertThat(filed.path("reason").asString()).isEqualTo("罚款金额有误");
        String id = filed.path("id").asString();
        as("reviewer1").post("/api/v1/cases/" + id + ":refuse", Map.of("reason", "   ")).expectProblem(400, "VALIDATION_FAILED");
        JsonNode refused = act("reviewer1", id, "refuse", Map.of("reason", "\u3000材料不全 "));
        assertThat(refused.path("decision").path("reason").asString()).isEqualTo("材料不全");
    }
}
