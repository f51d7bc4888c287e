package org.publiccredit.gateway.contract;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;
import org.publiccredit.testkit.Api;
import org.publiccredit.testkit.IntegrationTest;
import org.publiccredit.testkit.Reply;

/**
 * The gateway's public port answers health and nothing else of the actuator (issue 21): metrics and the endpoint index
 * live on the management port (loopback locally, 9090 for Prometheus' namespace in Kubernetes), as in production.
 */
@IntegrationTest
class PublicSurfaceIT {

    /** The gateway's management port (platform: 9080 on loopback). */
    static final String MANAGEMENT = System.getProperty("gateway.management.url", "http://127.0.0.1:9080");

    @ParameterizedTest
    @ValueSource(strings = {"/actuator", "/actuator/prometheus", "/actuator/metrics", "/actuator/env", "/actuator/info/../prometheus",
            "/actuator/gateway/routes", "/actuator/beans", "/actuator/health/../prometheus"})
    void onlyHealthOfTheActuatorIsOnThePublicPort(String path) {
        for (Callers caller : new Callers[] {Callers.ANONYMOUS, Callers.ADMIN, Callers.INTERNAL}) {
            Reply reply = caller.api().get(path);
            assertThat(reply.status()).as("%s as %s: %s", path, caller, reply.text()).isIn(400, 401, 403, 404);
            assertThat(reply.header("Content-Type")).as(path).anySatisfy(t -> assertThat(t).startsWith("application/problem+json"));
            assertThat(reply.text()).doesNotContain("# TYPE").doesNotContain("_links");
        }
    }

    @Test
    void healthIsOnThePublicPortWithDetailsForAdminsOnly() {
        assertThat(Api.gateway().get("/actuator/health/readiness").expect(200).json().path("status").asString()).isEqualTo("UP");
        assertThat(Api.gateway().get("/actuator/health/liveness").expect(200).json().path("status").asString()).isEqualTo("UP");
        String anonymous = Api.gateway().get("/actuator/health").expect(200).text();
        assertThat(anonymous).doesNotContain("\"details\"");
        String admin = Callers.ADMIN.api().get("/actuator/health").expect(200).text();
        assertThat(admin).contains("\"rateLimiter\"").contains("\"details\"");
    }

    @Test
    void metricsAreOnTheManagementPort() throws Exception {
        HttpResponse<String> metrics = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(MANAGEMENT + "/actuator/prometheus"))
                .build(), HttpResponse.BodyHandlers.ofString());
        assertThat(metrics.statusCode()).isEqualTo(200);
        assertThat(metrics.body()).contains("resilience4j_circuitbreaker_state");
    }
}
