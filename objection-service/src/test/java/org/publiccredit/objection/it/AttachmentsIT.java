package org.publiccredit.objection.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.publiccredit.objection.it.Fixtures.ENT1;
import static org.publiccredit.objection.it.Fixtures.as;
import static org.publiccredit.objection.it.Fixtures.key;
import static org.publiccredit.objection.it.Fixtures.penalty;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.publiccredit.objection.attachment.TestFiles;
import org.publiccredit.testkit.IntegrationTest;
import org.publiccredit.testkit.Reply;
import tools.jackson.databind.JsonNode;

/** Files are recognised by content, limited in number and size, and added only while the case is SUBMITTED. */
@IntegrationTest
class AttachmentsIT {

    static Reply fileWith(String recordId, String part, String name, String type, byte[] content) {
        Multipart m = new Multipart().json("case", Map.of("recordId", recordId, "reason", "证据见附件"))
                .file(part, name, type, content);
        return as("ent1").header("Idempotency-Key", key()).post("/api/v1/objections", m.contentType(), m.body());
    }

    @Test
    void aTextFileNamedPdfIsRefusedAndNothingIsFiled() {
        String recordId = penalty(ENT1, 20);
        JsonNode problem = fileWith(recordId, "files", "evidence.pdf", "application/pdf", TestFiles.text())
                .expectProblem(415, "ATTACHMENT_TYPE_NOT_ALLOWED");
        assertThat(problem.path("errors").get(0).path("field").asString()).isEqualTo("files[0]");
        assertThat(as("ent1").get("/api/v1/cases/mine?size=100").text()).doesNotContain(recordId);
    }

    @Test
    void aPngDeclaredAsPdfIsKeptAsPngAndFilesCanBeAddedWhileSubmitted() {
        String recordId = penalty(ENT1, 20);
        JsonNode filed = fileWith(recordId, "files", "scan.pdf", "application/pdf", TestFiles.png()).expect(201).json();
        String id = filed.path("id").asString();
        assertThat(filed.path("attachments").get(0).path("mediaType").asString()).isEqualTo("image/png");

        Multipart more = new Multipart().file("files", "photo.jpg", "application/octet-stream", TestFiles.jpeg())
                .file("files", "letter.pdf", "text/plain", TestFiles.pdf());
        JsonNode after = as("ent1").post("/api/v1/cases/" + id + "/attachments", more.contentType(), more.body()).expect(201).json();
        assertThat(after.path("attachments").findValuesAsString("mediaType")).containsExactlyInAnyOrder("image/png", "image/jpeg", "application/pdf");

        // five per case at most
        Multipart tooMany = new Multipart().file("files", "a.png", "image/png", TestFiles.png())
                .file("files", "b.png", "image/png", TestFiles.png()).file("files", "c.png", "image/png", TestFiles.png());
        as("ent1").post("/api/v1/cases/" + id + "/attachments", tooMany.contentType(), tooMany.body())
                .expectProblem(422, "TOO_MANY_ATTACHMENTS");
        // only the applicant adds files
        Multipart one = new Multipart().file("files", "a.png", "image/png", TestFiles.png());
        as("reviewer1").post("/api/v1/cases/" + id + "/attachments", one.contentType(), one.body()).expectProblem(403, "ACCESS_DENIED");
        as("ent2").post("/api/v1/cases/" + id + "/attachments", one.contentType(), one.body()).expectProblem(404, "NOT_FOUND");

        Fixtures.act("reviewer1", id, "accept", Map.of());
        as("ent1").post("/api/v1/cases/" + id + "/attachments", one.contentType(), one.body()).expectProblem(409, "ILLEGAL_TRANSITION");
    }

    @Test
    void aFileAboveTenMegabytesIsRefused() {
        String recordId = penalty(ENT1, 20);
        byte[] big = new byte[10 * 1024 * 1024 + 1];
        byte[] pdf = TestFiles.pdf();
        System.arraycopy(pdf, 0, big, 0, pdf.length);
        Reply r = fileWith(recordId, "files", "big.pdf", "application/pdf", big);
        assertThat(r.status()).as("body: %s", r.text()).isEqualTo(413);
        assertThat(as("ent1").get("/api/v1/cases/mine?size=100").text()).doesNotContain(recordId);
    }
}
