package org.publiccredit.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.publiccredit.testkit.IntegrationTest;
import org.publiccredit.testkit.Stack;
import org.publiccredit.testkit.Tokens;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A gateway that cannot fetch Keycloak's keys answers 503 problem JSON (Spring's default would be a 500):
 * a second gateway, on a spare port, is started with an unreachable JWK set URL.
 */
@IntegrationTest
class IdentityProviderOutageIT {

    private static final int PORT = 18080;
    private static Process gateway;
    private final HttpClient http = HttpClient.newHttpClient();

    @BeforeAll
    static void startGatewayWithoutKeycloak() throws Exception {
        Path jar = Stack.root().resolve("gateway/target/gateway.jar");
        assertThat(jar).exists();
        String java = ProcessHandle.current().info().command().orElse("java");
        File log = Files.createTempFile("gateway-no-idp", ".log").toFile();
        ProcessBuilder pb = new ProcessBuilder(java, "-Xmx256m", "-XX:TieredStopAtLevel=1", "-jar", jar.toString(),
                "--spring.profiles.active=local", "--server.port=" + PORT, "--management.server.port=" + (PORT + 1))
                .redirectErrorStream(true).redirectOutput(log);
        pb.environment().put("KEYCLOAK_JWK_SET_URI", "http://127.0.0.1:9/realms/credit/protocol/openid-connect/certs");
        gateway = pb.start();
        HttpClient client = HttpClient.newHttpClient();
        long deadline = System.nanoTime() + Duration.ofSeconds(90).toNanos();
        while (System.nanoTime() < deadline) {
            try {
                HttpResponse<String> r = client.send(HttpRequest.newBuilder(
                        URI.create("http://127.0.0.1:" + PORT + "/actuator/health/readiness")).build(), HttpResponse.BodyHandlers.ofString());
                if (r.statusCode() == 200) {
                    return;
                }
            } catch (java.io.IOException notYet) {
                // starting
            }
            assertThat(gateway.isAlive()).as("second gateway exited; see %s", log).isTrue();
            Thread.sleep(300);
        }
        throw new AssertionError("second gateway not ready in 90 s; see " + log);
    }

    @AfterAll
    static void stop() throws Exception {
        if (gateway != null) {
            gateway.destroy();
            if (!gateway.waitFor(20, java.util.concurrent.TimeUnit.SECONDS)) {
                gateway.destroyForcibly();
            }
        }
    }

    @Test
    void aValidTokenThatCannotBeCheckedGets503ProblemNot500() throws Exception {
        HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + PORT + "/api/v1/cases/mine"))
                .header("Authorization", "Bearer " + Tokens.user("ent1")).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(r.statusCode()).as(r.body()).isEqualTo(503);
        assertThat(r.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("application/problem+json"));
        JsonNode problem = JsonMapper.builder().build().readTree(r.body());
        assertThat(problem.path("code").asString()).isEqualTo("IDENTITY_PROVIDER_UNAVAILABLE");
        assertThat(r.headers().firstValue("Retry-After")).isPresent();
    }

    @Test
    void publicRoutesStillWorkWithoutATokenCheck() throws Exception {
        HttpResponse<String> r = http.send(HttpRequest.newBuilder(
                URI.create("http://127.0.0.1:" + PORT + "/api/v1/identifiers/91450200MA5K00012P")).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
    }
}
