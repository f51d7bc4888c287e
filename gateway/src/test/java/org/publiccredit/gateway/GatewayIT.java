package org.publiccredit.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.publiccredit.testkit.Api;
import org.publiccredit.testkit.Burst;
import org.publiccredit.testkit.IntegrationTest;
import org.publiccredit.testkit.Reply;
import org.publiccredit.testkit.Stack;
import org.publiccredit.testkit.Tokens;
import tools.jackson.databind.JsonNode;

/** The foundation's promises, through the gateway, with real Keycloak tokens and the real services. */
@IntegrationTest
class GatewayIT {

    private static final String ENT1 = "91450200MA5K00012P";

    /** A protected endpoint of each service, in the caller's own name. */
    private static final List<String> PROTECTED = List.of(
            "/api/v1/subjects/mine",                 // subject-service
            "/api/v1/subjects/" + ENT1 + "/records", // record-service
            "/api/v1/search/mine",                   // search-service
            "/api/v1/cases/mine");                   // objection-service

    @Test
    void ent1TokenOpensAProtectedEndpointOfEachService() {
        Api ent1 = Api.gateway().as(Tokens.user("ent1"));
        for (String path : PROTECTED) {
            Reply reply = ent1.get(path);
            // 200, or the service's own 404 problem for "you have nothing here yet": the token was accepted either way
            assertThat(reply.status()).as("%s: %s", path, reply.text()).isIn(200, 404);
            if (reply.status() == 404) {
                assertThat(reply.json().path("code").asString()).as(path).isNotEqualTo("NOT_FOUND_ROUTE");
                assertThat(reply.header("Content-Type")).anySatisfy(t -> assertThat(t).startsWith("application/problem+json"));
            }
        }
        ent1.get("/api/v1/cases/mine").expect(200);
    }

    @Test
    void noTokenOnAProtectedEndpointIs401ProblemOnEveryService() {
        for (String path : PROTECTED) {
            Reply reply = Api.gateway().get(path);
            reply.expectProblem(401, "UNAUTHENTICATED");
            assertThat(reply.header("WWW-Authenticate")).as(path).contains("Bearer");
        }
    }

    @Test
    void aForgedOrMangledTokenIs401() {
        String token = Tokens.user("ent1");
        String tampered = token.substring(0, token.length() - 4) + (token.endsWith("AAAA") ? "BBBB" : "AAAA");
        Api.gateway().as(tampered).get("/api/v1/cases/mine").expectProblem(401, "UNAUTHENTICATED");
        Api.gateway().as("not-a-jwt").get("/api/v1/cases/mine").expectProblem(401, "UNAUTHENTICATED");
    }

    @Test
    void citizenOnAnOfficerEndpointIs403Problem() {
        Api citizen = Api.gateway().as(Tokens.user("citizen1"));
        citizen.post("/api/v1/records", "{}").expectProblem(403, "ACCESS_DENIED");
        citizen.post("/api/v1/subjects", "{}").expectProblem(403, "ACCESS_DENIED");
        citizen.post("/api/v1/checks", "{}").expectProblem(403, "ACCESS_DENIED");
        Api.gateway().as(Tokens.user("ent1")).post("/api/v1/admin/search:rebuild", "{}").expectProblem(403, "ACCESS_DENIED");
    }

    @Test
    void aBurstOverTheAnonymousLimitGets429ProblemWithRetryAfter() throws Exception {
        // a fresh client address: loopback is a trusted proxy in the local profile
        // .254 is kept for the other caller below: the same address would find its bucket emptied by the burst
        String ip = "198.51.100." + ThreadLocalRandom.current().nextInt(1, 254);
        Api anonymous = Api.gateway().header("X-Forwarded-For", ip);
        List<Reply> replies = Burst.of(120, 16, n -> anonymous.get("/api/v1/identifiers/" + ENT1));
        List<Reply> limited = replies.stream().filter(r -> r.status() == 429).toList();
        assertThat(limited).as("some of 120 concurrent requests are over the limit of 40").isNotEmpty();
        Reply one = limited.getFirst();
        one.expectProblem(429, "RATE_LIMITED");
        assertThat(one.header("Retry-After")).isNotEmpty();
        // another caller is not affected
        Api.gateway().header("X-Forwarded-For", "198.51.100.254").get("/api/v1/identifiers/" + ENT1).expect(200);
    }

    /**
     * 300 callers at once, each within its own limit, are all served: the routes' circuit breakers have no bulkhead
     * (Resilience4j's default one let 25 calls per route through at a time and answered the rest 503 at once).
     */
    @Test
    void threeHundredConcurrentCallersAreAllServed() throws Exception {
        List<Reply> replies = Burst.of(300, 300, n -> Api.gateway()
                .header("X-Forwarded-For", "198.18." + (n / 250) + "." + (n % 250 + 1)).get("/api/v1/identifiers/" + ENT1));
        assertThat(replies).allSatisfy(r -> r.expect(200));
    }

    @Test
    void aSpoofedForwardedForFromAnUntrustedHopDoesNotChooseTheBucket() {
        // the right-most untrusted hop counts: a client cannot prepend addresses to escape its bucket
        Api a = Api.gateway().header("X-Forwarded-For", "10.9.9.9, 203.0.113.77");
        Api b = Api.gateway().header("X-Forwarded-For", "10.9.9.8, 203.0.113.77");
        int limited = 0;
        for (int i = 0; i < 3; i++) {
            try {
                limited += Burst.of(60, 16, n -> (ThreadLocalRandom.current().nextBoolean() ? a : b).get("/api/v1/identifiers/" + ENT1))
                        .stream().filter(r -> r.status() == 429).count();
            } catch (Exception e) {
                throw new AssertionError(e);
            }
        }
        assertThat(limited).as("both spoofed chains share the bucket of 203.0.113.77").isPositive();
    }

    @Test
    void requestIdIsKeptWhenGivenAndCreatedOtherwiseOnce() {
        Reply given = Api.gateway().header("X-Request-Id", "it-req-42").get("/api/v1/identifiers/" + ENT1);
        assertThat(given.header("X-Request-Id")).containsExactly("it-req-42");
        Reply created = Api.gateway().get("/api/v1/identifiers/" + ENT1);
        assertThat(created.header("X-Request-Id")).hasSize(1).allSatisfy(id -> assertThat(id).hasSizeGreaterThan(8));
        Reply unsafe = Api.gateway().header("X-Request-Id", "x".repeat(200)).get("/api/v1/identifiers/" + ENT1);
        assertThat(unsafe.header("X-Request-Id")).hasSize(1).allSatisfy(id -> assertThat(id).isNotEqualTo("x".repeat(200)));
        JsonNode problem = Api.gateway().header("X-Request-Id", "it-req-43").get("/api/v1/cases/mine").expectProblem(401, "UNAUTHENTICATED");
        assertThat(problem.path("requestId").asString()).isEqualTo("it-req-43");
    }

    @ParameterizedTest
    @ValueSource(strings = {"/internal/v1/changes", "/actuator/gateway/routes", "/actuator/env", "/actuator/beans", "/no/such/path"})
    void internalEndpointsAndTheGatewayActuatorAreNotExposed(String path) {
        Reply reply = Api.gateway().as(Tokens.user("admin1")).get(path);
        assertThat(reply.status()).as(path).isIn(401, 403, 404);
        assertThat(reply.text()).doesNotContain("\"routes\"").doesNotContain("predicate");
    }

    /**
     * curl sends {@code ?q=柳州} unencoded: the gateway reads the bytes as UTF-8 and answers the search (Spring answered
     * such a request line with a bare 400 and no body).
     */
    @Test
    void aQueryInUnencodedUtf8IsSearchedAsUtf8() throws IOException {
        URI gateway = URI.create(Stack.gateway());
        try (Socket socket = new Socket(gateway.getHost(), gateway.getPort())) {
            socket.setSoTimeout(10_000);
            socket.getOutputStream().write(("GET /api/v1/search?q=柳州&size=1 HTTP/1.1\r\nHost: " + gateway.getHost()
                    + "\r\nX-Forwarded-For: 198.18.255.1\r\nConnection: close\r\n\r\n").getBytes(StandardCharsets.UTF_8));
            String answer = new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertThat(answer).startsWith("HTTP/1.1 200").contains("\"query\":\"柳州\"");
        }
    }

    /** What Spring Security's firewall refuses is answered as a problem, not a bare 400 without a body. */
    @ParameterizedTest
    @ValueSource(strings = {"/api/v1/search/..%2f", "/api//v1/search", "/api/v1/./search", "/api/v1/search;jsessionid=1",
            "/api/v1/%2e%2e/internal/v1/changes", "/api/v1/search%5Cx", "/api/v1/a%00b", "/api/v1/%252e%252e/x"})
    void aTargetTheFirewallRefusesIs400ProblemRequestRejected(String target) throws IOException {
        URI gateway = URI.create(Stack.gateway());
        try (Socket socket = new Socket(gateway.getHost(), gateway.getPort())) {
            socket.setSoTimeout(10_000);
            socket.getOutputStream().write(("GET " + target + " HTTP/1.1\r\nHost: " + gateway.getHost()
                    + "\r\nConnection: close\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            String answer = new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertThat(answer).as(target).startsWith("HTTP/1.1 400").containsIgnoringCase("content-type: application/problem+json")
                    .contains("\"code\":\"REQUEST_REJECTED\"");
        }
    }

    /** What Netty cannot decode is refused with a problem too (Reactor Netty answered 414/431/400 without a body). */
    @Test
    void anUndecodableRequestIsAProblemNotABareStatus() throws IOException {
        String host = "Host: x\r\nConnection: close\r\n";
        assertThat(raw("GET /api/v1/search?q=" + "a".repeat(20_000) + " HTTP/1.1\r\n" + host + "\r\n"))
                .startsWith("HTTP/1.1 414").contains("\"code\":\"URI_TOO_LONG\"");
        assertThat(raw("GET /api/v1/search?q=a HTTP/1.1\r\n" + host + "X-Big: " + "b".repeat(20_000) + "\r\n\r\n"))
                .startsWith("HTTP/1.1 431").contains("\"code\":\"HEADERS_TOO_LARGE\"");
        assertThat(raw("GET /api/v1/search?q=a HTTP/1.1\r\n" + host + "Idempotency-Key: a\u007fb\r\n\r\n"))
                .startsWith("HTTP/1.1 400").contains("\"code\":\"MALFORMED_REQUEST\"");
        // what the gateway lets through (up to 16 KB), a service reads too: no Tomcat HTML page for a 12 KB request line
        assertThat(raw("GET /api/v1/catalog?x=" + "a".repeat(12_000) + " HTTP/1.1\r\n" + host + "\r\n"))
                .startsWith("HTTP/1.1 200");
    }

    /** A body larger than its request's limit is refused at the gateway before it is streamed: 413 every time, never 503. */
    @Test
    void anOversizedBodyIs413ProblemEveryTimeAndDoesNotOpenTheBreaker() throws Exception {
        String token = Tokens.user("officer-market");
        byte[] body = new byte[10 * 1024 * 1024];
        java.util.Arrays.fill(body, (byte) 'a');
        try (java.net.http.HttpClient client = java.net.http.HttpClient.newHttpClient()) {
            for (int i = 0; i < 12; i++) {
                var answer = client.send(java.net.http.HttpRequest.newBuilder(URI.create(Stack.gateway() + "/api/v1/subjects"))
                        .header("Authorization", "Bearer " + token).header("Content-Type", "application/json")
                        .POST(java.net.http.HttpRequest.BodyPublishers.ofByteArray(body)).build(),
                        java.net.http.HttpResponse.BodyHandlers.ofString());
                assertThat(answer.statusCode()).as("try " + i).isEqualTo(413);
                assertThat(answer.body()).contains("\"code\":\"PAYLOAD_TOO_LARGE\"");
            }
        }
        // the subject route's breaker did not count those: a normal read still works
        Api.gateway().get("/api/v1/identifiers/" + ENT1).expect(200);
    }

    private static String raw(String request) throws IOException {
        URI gateway = URI.create(Stack.gateway());
        try (Socket socket = new Socket(gateway.getHost(), gateway.getPort())) {
            socket.setSoTimeout(10_000);
            socket.getOutputStream().write(request.getBytes(StandardCharsets.ISO_8859_1));
            return new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"subject", "record", "search", "objection"})
    void eachServicePublishesItsOpenApiDocumentThroughTheGateway(String service) {
        JsonNode doc = Api.gateway().get("/openapi/" + service).expect(200).json();
        assertThat(doc.path("openapi").asString()).startsWith("3.");
        // the gateway is the server; nothing it does not route is documented
        assertThat(doc.path("servers").get(0).path("url").asString()).isEqualTo("/");
        assertThat(doc.path("paths").propertyNames()).isNotEmpty()
                .allSatisfy(path -> assertThat(path).startsWith("/api/").doesNotEndWith(":backdate"));
        assertThat(Api.gateway().get("/swagger-ui.html").status()).isIn(200, 302);
    }

    @Test
    void corsAllowsThePortalOriginOnly() {
        Reply ok = Api.gateway().header("Origin", "http://localhost:5173").header("Access-Control-Request-Method", "GET")
                .options("/api/v1/cases/mine");
        assertThat(ok.header("Access-Control-Allow-Origin")).containsExactly("http://localhost:5173");
        Reply refused = Api.gateway().header("Origin", "https://evil.example").header("Access-Control-Request-Method", "GET")
                .options("/api/v1/cases/mine");
        assertThat(refused.status()).isEqualTo(403);
        assertThat(refused.header("Access-Control-Allow-Origin")).isEmpty();
    }

    @Test
    void aStoppedServiceAnswers503ProblemWithinThreeSecondsWhileOthersKeepWorking() {
        Api ent1 = Api.gateway().as(Tokens.user("ent1"));
        ent1.get("/api/v1/cases/mine").expect(200);
        Stack.stop("objection");
        try {
            long start = System.nanoTime();
            Reply reply = ent1.get("/api/v1/cases/mine");
            Duration took = Duration.ofNanos(System.nanoTime() - start);
            reply.expectProblem(503, "SERVICE_UNAVAILABLE");
            assertThat(reply.header("Retry-After")).isNotEmpty();
            assertThat(took).isLessThan(Duration.ofSeconds(3));
            // the other services answer as before
            Api.gateway().get("/api/v1/identifiers/" + ENT1).expect(200);
            ent1.get("/api/v1/subjects/" + ENT1 + "/records").expect(200);
        } finally {
            Stack.start("objection");
        }
        awaitOk(ent1, "/api/v1/cases/mine", Duration.ofSeconds(20));
    }

    static void awaitOk(Api api, String path, Duration within) {
        long deadline = System.nanoTime() + within.toNanos();
        Reply last;
        do {
            last = api.get(path);
            if (last.status() == 200) {
                return;
            }
            sleep(250);
        } while (System.nanoTime() < deadline);
        last.expect(200);
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
