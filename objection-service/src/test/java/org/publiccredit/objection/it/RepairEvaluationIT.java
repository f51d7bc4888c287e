package org.publiccredit.objection.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.publiccredit.objection.it.Fixtures.ENT1;
import static org.publiccredit.objection.it.Fixtures.act;
import static org.publiccredit.objection.it.Fixtures.awaitRecord;
import static org.publiccredit.objection.it.Fixtures.fileRepair;
import static org.publiccredit.objection.it.Fixtures.key;
import static org.publiccredit.objection.it.Fixtures.penalty;

import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.publiccredit.testkit.Api;
import org.publiccredit.testkit.IntegrationTest;
import tools.jackson.databind.JsonNode;

/**
 * An approved repair moves the subject's credit evaluation (公共信用综合评价) within 2 seconds of the record's repair:
 * the repaired penalty no longer counts in the public evaluation, nor in a partner's check.
 */
@IntegrationTest
class RepairEvaluationIT {

    private static final Duration EFFECT = Duration.ofSeconds(30);
    private static final Duration VISIBLE = Duration.ofSeconds(2);

    private static JsonNode evaluation() {
        return Api.gateway().get("/api/v1/public/subjects/" + ENT1 + "/evaluation").expect(200).json();
    }

    private static int ordinaryPenalties(JsonNode evaluation) {
        for (JsonNode r : evaluation.path("reasons")) {
            if ("PENALTY_ORDINARY_12M".equals(r.path("rule").asString())) {
                return r.path("count").asInt();
            }
        }
        return 0;
    }

    @Test
    void anApprovedRepairTakesThePenaltyOutOfTheEvaluationWithinTwoSeconds() {
        String recordId = penalty(ENT1, 200); // 一般 (the default class), 200 days old: counted, and repairable
        String id = fileRepair("ent1", recordId, key()).expect(201).json().path("id").asString();
        act("reviewer1", id, "accept", Map.of());
        act("reviewer1", id, "assign", Map.of());
        act("officer-market", id, "propose", Map.of("outcome", "APPROVED", "reason", "罚款收据核对无误"));
        JsonNode before = evaluation(); // other tests push ent1's penalties too: read it as late as possible
        int counted = ordinaryPenalties(before);
        assertThat(counted).isPositive();
        act("reviewer1", id, "decide", Map.of("outcome", "APPROVED", "reason", "符合信用修复条件"));
        awaitRecord(recordId, r -> "REPAIRED".equals(r.path("state").asString()), EFFECT);

        long end = System.nanoTime() + VISIBLE.toNanos();
        JsonNode after;
        do {
            after = evaluation();
        } while (ordinaryPenalties(after) != counted - 1 && System.nanoTime() < end);
        assertThat(ordinaryPenalties(after)).as("the repaired penalty leaves the evaluation; %s", after).isEqualTo(counted - 1);
        assertThat(after.path("score").asInt()).isEqualTo(before.path("score").asInt() + 5);

        JsonNode check = Api.gateway().as(org.publiccredit.testkit.Tokens.client("partner-bank")).post("/api/v1/checks",
                Map.of("scenario", "FINANCING", "subjects", java.util.List.of(ENT1), "purpose", "授信前核查")).expect(201).json();
        assertThat(check.path("results").get(0).path("evaluation").path("score").asInt()).isEqualTo(after.path("score").asInt());
    }
}
