package org.publiccredit.objection.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.publiccredit.objection.it.Fixtures.ENT1;
import static org.publiccredit.objection.it.Fixtures.act;
import static org.publiccredit.objection.it.Fixtures.awaitRecord;
import static org.publiccredit.objection.it.Fixtures.fileObjection;
import static org.publiccredit.objection.it.Fixtures.fileRepair;
import static org.publiccredit.objection.it.Fixtures.key;
import static org.publiccredit.objection.it.Fixtures.penalty;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.Test;
import org.publiccredit.testkit.Api;
import org.publiccredit.testkit.IntegrationTest;
import org.publiccredit.testkit.Reply;
import tools.jackson.databind.JsonNode;

/**
 * What the public sees (the search-service profile, anonymous through the gateway) follows the cases: a record under
 * an accepted objection shows 异议中 and stops doing so when the case concludes; an approved repair leaves the profile
 * — each within 2 seconds of the record's change in record-service.
 */
@IntegrationTest
class PublicProfileEffectsIT {

    private static final Duration EFFECT = Duration.ofSeconds(30);
    private static final Duration VISIBLE = Duration.ofSeconds(2);

    @Test
    void theProfileShowsTheObjectionWhileItRunsAndThenTheOutcome() {
        String recordId = penalty(ENT1, 0); // the newest, so it is among the profile's latest penalties
        awaitProfile(p -> ids(p.path("latestPenalties")).contains(recordId), Duration.ofSeconds(10));

        String id = fileObjection("ent1", recordId, key()).expect(201).json().path("id").asString();
        act("reviewer1", id, "accept", Map.of());
        awaitRecord(recordId, r -> "DISPUTED".equals(r.path("state").asString()), EFFECT);
        JsonNode disputed = awaitProfile(p -> ids(p.path("disputed")).contains(recordId), VISIBLE);
        JsonNode entry = StreamSupport.stream(disputed.path("disputed").spliterator(), false)
                .filter(e -> recordId.equals(e.path("recordId").asString())).findFirst().orElseThrow();
        assertThat(entry.path("label").asString()).isEqualTo("异议中");
        // the profile reads record-service's summary when shown, the search result the index: it follows within seconds
        awaitSearchItem(i -> i.path("disputed").asBoolean(), VISIBLE); // the search result flags it too

        act("reviewer1", id, "assign", Map.of());
        act("officer-market", id, "propose", Map.of("outcome", "UPHELD", "reason", "处罚事实清楚"));
        act("reviewer1", id, "decide", Map.of("outcome", "UPHELD", "reason", "经核查，处罚决定无误"));
        awaitRecord(recordId, r -> "ACTIVE".equals(r.path("state").asString()), EFFECT);
        JsonNode after = awaitProfile(p -> !ids(p.path("disputed")).contains(recordId), VISIBLE);
        assertThat(ids(after.path("latestPenalties"))).as("upheld: the record stays public").contains(recordId);
    }

    @Test
    void anApprovedRepairLeavesThePublicProfileWithinTwoSeconds() {
        int before = penalties(profile());
        String recordId = penalty(ENT1, 200);
        awaitProfile(p -> penalties(p) == before + 1, Duration.ofSeconds(10));

        String id = fileRepair("ent1", recordId, key()).expect(201).json().path("id").asString();
        act("reviewer1", id, "accept", Map.of());
        act("reviewer1", id, "assign", Map.of());
        act("officer-market", id, "propose", Map.of("outcome", "APPROVED", "reason", "罚款收据核对无误"));
        act("reviewer1", id, "decide", Map.of("outcome", "APPROVED", "reason", "符合信用修复条件"));
        awaitRecord(recordId, r -> "REPAIRED".equals(r.path("state").asString()), EFFECT);

        JsonNode after = awaitProfile(p -> penalties(p) == before, VISIBLE);
        assertThat(ids(after.path("latestPenalties"))).doesNotContain(recordId);
        assertThat(Api.gateway().get("/api/v1/public/subjects/" + ENT1 + "/records?category=ADM_PENALTY&size=100").text())
                .doesNotContain(recordId);
    }

    private static int penalties(JsonNode profile) {
        for (JsonNode c : profile.path("records")) {
            if ("ADM_PENALTY".equals(c.path("category").asString())) {
                return c.path("count").asInt();
            }
        }
        return 0;
    }

    private static List<String> ids(JsonNode entries) {
        return StreamSupport.stream(entries.spliterator(), false).map(e -> e.path("recordId").asString()).toList();
    }

    private static JsonNode profile() {
        Reply r = Api.gateway().header("X-Forwarded-For", "203.0.113.200").get("/api/v1/public/subjects/" + ENT1);
        return r.status() == 200 ? r.json() : Api.JSON.createObjectNode();
    }

    /** ENT1 as a search result (the list view reads fewer fields of the same document than the profile). */
    private static JsonNode searchItem() {
        JsonNode page = Api.gateway().header("X-Forwarded-For", "203.0.113.200").get("/api/v1/search?q=" + ENT1).expect(200).json();
        return StreamSupport.stream(page.path("items").spliterator(), false)
                .filter(i -> ENT1.equals(i.path("code").asString())).findFirst().orElseThrow();
    }

    private static JsonNode awaitProfile(Predicate<JsonNode> condition, Duration within) {
        return await("the public profile", PublicProfileEffectsIT::profile, condition, within);
    }

    private static JsonNode awaitSearchItem(Predicate<JsonNode> condition, Duration within) {
        return await("the search result", PublicProfileEffectsIT::searchItem, condition, within);
    }

    private static JsonNode await(String what, java.util.function.Supplier<JsonNode> read, Predicate<JsonNode> condition, Duration within) {
        long end = System.nanoTime() + within.toNanos();
        JsonNode last;
        do {
            last = read.get();
            if (condition.test(last)) {
                return last;
            }
            Fixtures.sleep(100);
        } while (System.nanoTime() < end);
        throw new AssertionError(what + " did not change as expected within " + within + "; last: " + last);
    }
}
