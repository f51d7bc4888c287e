package org.publiccredit.objection.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.publiccredit.objection.it.Fixtures.ENT1;
import static org.publiccredit.objection.it.Fixtures.act;
import static org.publiccredit.objection.it.Fixtures.as;
import static org.publiccredit.objection.it.Fixtures.fileObjection;
import static org.publiccredit.objection.it.Fixtures.key;
import static org.publiccredit.objection.it.Fixtures.penalty;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.publiccredit.testkit.IntegrationTest;
import org.publiccredit.testkit.Stack;
import tools.jackson.databind.JsonNode;

/**
 * A DEAD effect (record-service answered server errors up to the bound; the worker's decision is unit-tested in
 * DeliveryPolicyTest): reviewers see it on the case and in the metric, the region's reviewer retries it, and it is
 * then delivered once (record-service applies an operation id once).
 */
@IntegrationTest
class EffectDeadLetterIT {

    static JsonNode awaitEffect(String caseId, String status) {
        JsonNode view = null;
        for (int i = 0; i < 80; i++) {
            view = as("reviewer1").get("/api/v1/cases/" + caseId).expect(200).json();
            if (status.equals(view.path("effects").get(0).path("status").asString())) {
                return view;
            }
            Fixtures.sleep(500);
        }
        throw new AssertionError("effect of case " + caseId + " did not become " + status + ": " + view);
    }

    /** What the worker writes when it gives up (EffectOutbox.dead), done here directly: record-service cannot be made to fail on purpose. */
    static void markDead(String operationId) throws SQLException {
        try (Connection c = DriverManager.getConnection("jdbc:postgresql://127.0.0.1:15432/objection", "objection", "objection");
                PreparedStatement s = c.prepareStatement(
                        "UPDATE record_effect SET status = 'DEAD', server_errors = 10, last_error = 'HTTP 500 INTERNAL_ERROR' WHERE operation_id = ?")) {
            s.setString(1, operationId);
            assertThat(s.executeUpdate()).isOne();
        }
    }

    static double deadGauge() throws Exception {
        String text = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(Stack.service("objection") + "/actuator/prometheus")).build(),
                HttpResponse.BodyHandlers.ofString()).body();
        return text.lines().filter(l -> l.startsWith("objection_effects_dead ")).mapToDouble(l -> Double.parseDouble(l.split(" ")[1]))
                .findFirst().orElseThrow();
    }

    @Test
    void aDeadEffectIsShownAndRetriedByTheRegionsReviewerOnly() throws Exception {
        String recordId = penalty(ENT1, 50);
        String id = fileObjection("ent1", recordId, key()).expect(201).json().path("id").asString();
        act("reviewer1", id, "accept", Map.of());
        String operationId = awaitEffect(id, "DONE").path("effects").get(0).path("operationId").asString();
        String retry = "/api/v1/cases/" + id + "/effects/" + operationId + ":retry";
        as("reviewer1").post(retry, Map.of()).expectProblem(409, "EFFECT_NOT_DEAD");

        markDead(operationId);
        JsonNode dead = as("reviewer1").get("/api/v1/cases/" + id).expect(200).json();
        assertThat(dead.path("effects").get(0).path("status").asString()).isEqualTo("DEAD");
        assertThat(dead.path("effects").get(0).path("lastError").asString()).isEqualTo("HTTP 500 INTERNAL_ERROR");
        assertThat(deadGauge()).isGreaterThanOrEqualTo(1);

        as("ent1").post(retry, Map.of()).expectProblem(403, "ACCESS_DENIED");
        as("officer-market").post(retry, Map.of()).expectProblem(403, "ACCESS_DENIED");
        as("ent2").post(retry, Map.of()).expectProblem(404, "NOT_FOUND");
        as("reviewer1").post("/api/v1/cases/" + id + "/effects/objection-service:" + UUID.randomUUID() + ":dispute:retry", Map.of())
                .expectProblem(404, "NOT_FOUND");

        JsonNode retried = as("reviewer1").post(retry, Map.of()).expect(200).json();
        assertThat(retried.path("effects").get(0).path("status").asString()).isIn("PENDING", "DONE");
        JsonNode done = awaitEffect(id, "DONE");
        boolean retryLine = false;
        for (JsonNode t : done.path("timeline")) {
            retryLine |= "EFFECT_RETRY".equals(t.path("action").asString()) && "reviewer1".equals(t.path("actor").asString());
        }
        assertThat(retryLine).as("the reviewer's retry in the timeline: %s", done.path("timeline")).isTrue();
        assertThat(Fixtures.record(recordId).path("state").asString()).isEqualTo("DISPUTED");
        as("reviewer1").post(retry, Map.of()).expectProblem(409, "EFFECT_NOT_DEAD");
    }
}
