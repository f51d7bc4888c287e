package org.publiccredit.objection.it;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.UUID;
import org.publiccredit.testkit.Api;

/** A multipart/form-data body for the filing and upload endpoints. */
final class Multipart {

    private final String boundary = "----pcp" + UUID.randomUUID().toString().replace("-", "");
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
        StringBuilder h = new StringBuilder("--").append(boundary).append("\r\nContent-Disposition: form-data; name=\"").append(name).append('"');
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
