package org.publiccredit.testkit;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A small HTTP client for tests: {@code Api.gateway().as(Tokens.user("ent1")).get("/api/v1/...")}.
 * Immutable: {@link #as}, {@link #header} return new instances.
 */
public final class Api {

    private static final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    public static final JsonMapper JSON = JsonMapper.builder().build();

    private final String base;
    private final Map<String, String> headers;
    private final boolean patient;

    private Api(String base, Map<String, String> headers, boolean patient) {
        this.base = base;
        this.headers = Map.copyOf(headers);
        this.patient = patient;
    }

    public static Api gateway() {
        return new Api(Stack.gateway(), Map.of(), false);
    }

    /** A service directly (internal endpoints, or comparing with the gateway). */
    public static Api service(String name) {
        return new Api(Stack.service(name), Map.of(), false);
    }

    public Api as(String token) {
        return header("Authorization", "Bearer " + token);
    }

    public Api header(String name, String value) {
        Map<String, String> h = new LinkedHashMap<>(headers);
        h.put(name, value);
        return new Api(base, h, patient);
    }

    /**
     * The same calls, waiting out a 429 (its Retry-After, at most {@value #PATIENT_ATTEMPTS} times): for a test's
     * fixtures and read-backs, which share the caller's rate-limit bucket with the requests under test and say nothing
     * about the rate limit. A test of the rate limit itself uses the impatient default.
     */
    public Api patient() {
        return new Api(base, headers, true);
    }

    private static final int PATIENT_ATTEMPTS = 10;

    public Reply get(String path) {
        return send(builder(path).GET());
    }

    public Reply options(String path) {
        return send(builder(path).method("OPTIONS", HttpRequest.BodyPublishers.noBody()));
    }

    public Reply delete(String path) {
        return send(builder(path).DELETE());
    }

    public Reply post(String path, Object body) {
        return send(builder(path).header("Content-Type", "application/json").POST(bodyOf(body)));
    }

    public Reply put(String path, Object body) {
        return send(builder(path).header("Content-Type", "application/json").PUT(bodyOf(body)));
    }

    public Reply patch(String path, Object body) {
        return send(builder(path).header("Content-Type", "application/json").method("PATCH", bodyOf(body)));
    }

    /** POST of a raw body with its content type (NDJSON, CSV, multipart). */
    public Reply post(String path, String contentType, byte[] body) {
        return send(builder(path).header("Content-Type", contentType).POST(HttpRequest.BodyPublishers.ofByteArray(body)));
    }

    private HttpRequest.Builder builder(String path) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofMinutes(5));
        headers.forEach(b::header);
        return b;
    }

    private static HttpRequest.BodyPublisher bodyOf(Object body) {
        String text = body instanceof String s ? s : JSON.writeValueAsString(body);
        return HttpRequest.BodyPublishers.ofString(text);
    }

    private Reply send(HttpRequest.Builder request) {
        Reply reply = sendOnce(request);
        for (int attempt = 1; patient && reply.status() == 429 && attempt < PATIENT_ATTEMPTS; attempt++) {
            long seconds = reply.headers().getOrDefault("retry-after", List.of("1")).stream().findFirst()
                    .map(v -> v.matches("\\d{1,3}") ? Long.parseLong(v) : 1L).orElse(1L);
            try {
                Thread.sleep(Math.max(1, seconds) * 1000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
            reply = sendOnce(request);
        }
        return reply;
    }

    private static Reply sendOnce(HttpRequest.Builder request) {
        try {
            HttpResponse<byte[]> r = http.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
            return new Reply(r.statusCode(), r.headers().map(), r.body());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
