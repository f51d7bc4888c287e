package org.publiccredit.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.JsonNode;

/**
 * An HTTP answer in a test, with assertions for the platform's conventions.
 *
 * @param status the status code
 * @param headers response headers (lower-case names as the JDK client gives them)
 * @param bytes the body
 */
public record Reply(int status, Map<String, List<String>> headers, byte[] bytes) {

    public String text() {
        return new String(bytes, StandardCharsets.UTF_8);
    }

    public JsonNode json() {
        return Api.JSON.readTree(bytes);
    }

    public List<String> header(String name) {
        return headers.entrySet().stream().filter(e -> e.getKey().equalsIgnoreCase(name))
                .flatMap(e -> e.getValue().stream()).toList();
    }

    /** Asserts the status (showing the body when it differs) and returns this. */
    public Reply expect(int expected) {
        assertThat(status).as("HTTP status; body: %s", text()).isEqualTo(expected);
        return this;
    }

    /** Asserts an RFC 9457 problem with this status and stable code, and returns its JSON. */
    public JsonNode expectProblem(int expected, String code) {
        expect(expected);
        assertThat(header("Content-Type")).as("content type").anySatisfy(t -> assertThat(t).startsWith("application/problem+json"));
        JsonNode p = json();
        assertThat(p.path("status").asInt()).isEqualTo(expected);
        assertThat(p.path("code").asString()).as("problem code; body: %s", text()).isEqualTo(code);
        assertThat(p.path("type").asString()).isNotBlank();
        assertThat(p.path("title").asString()).isNotBlank();
        assertThat(text()).doesNotContain("Exception").doesNotContain("\tat ");
        return p;
    }
}
