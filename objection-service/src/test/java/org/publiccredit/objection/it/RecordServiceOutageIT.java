package org.publiccredit.objection.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.publiccredit.objection.it.Fixtures.ENT1;
import static org.publiccredit.objection.it.Fixtures.act;
import static org.publiccredit.objection.it.Fixtures.as;
import static org.publiccredit.objection.it.Fixtures.assertState;
import static org.publiccredit.objection.it.Fixtures.awaitRecord;
import static org.publiccredit.objection.it.Fixtures.fileRepair;
import static org.publiccredit.objection.it.Fixtures.key;
import static org.publiccredit.objection.it.Fixtures.penalty;

import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.publiccredit.testkit.IntegrationTest;
import org.publiccredit.testkit.Stack;
import tools.jackson.databind.JsonNode;

/** record-service down during an approval: the effect waits in the outbox and lands exactly once after the restart. */
@IntegrationTest
class RecordServiceOutageIT {

    @Test
    void anApprovalWhileRecordServiceIsDownIsAppliedOnceAfterItReturns() {
        String recordId = penalty(ENT1, 200);
        String id = fileRepair("ent1", recordId, key()).expect(201).json().path("id").asString();
        act("reviewer1", id, "accept", Map.of());
        act("reviewer1", id, "assign", Map.of());
        act("officer-market", id, "propose", Map.of("outcome", "APPROVED", "reason", "义务已履行"));
        int versionBefore = Fixtures.record(recordId).path("version").asInt();

        Stack.stop("record");
        try {
            assertState(act("reviewer1", id, "decide", Map.of("outcome", "APPROVED", "reason", "同意修复")), "APPROVED");
            Fixtures.sleep(3000);
            JsonNode waiting = as("ent1").get("/api/v1/cases/" + id).expect(200).json();
            assertThat(waiting.path("effects").get(0).path("status").asString()).isEqualTo("PENDING");
        } finally {
            Stack.start("record");
        }

        JsonNode record = awaitRecord(recordId, r -> "REPAIRED".equals(r.path("state").asString()), Duration.ofSeconds(90));
        assertThat(record.path("publicNow").asBoolean()).isFalse();
        assertThat(record.path("version").asInt()).as("one transition on the record, not two").isEqualTo(versionBefore + 1);

        // the worker marks the effect done right after record-service confirmed it
        JsonNode after = null;
        for (int i = 0; i < 60; i++) {
            after = as("ent1").get("/api/v1/cases/" + id).expect(200).json();
            if ("DONE".equals(after.path("effects").get(0).path("status").asString())) {
                break;
            }
            Fixtures.sleep(500);
        }
        assertThat(after.path("effects")).hasSize(1);
        assertThat(after.path("effects").get(0).path("status").asString()).isEqualTo("DONE");
        assertThat(after.path("effects").get(0).path("attempts").asInt()).isGreaterThan(1);
        long applied = 0;
        for (JsonNode t : after.path("timeline")) {
            applied += "EFFECT_APPLIED".equals(t.path("action").asString()) ? 1 : 0;
        }
        assertThat(applied).as("one repair entry in the case's history").isEqualTo(1);
    }
}
