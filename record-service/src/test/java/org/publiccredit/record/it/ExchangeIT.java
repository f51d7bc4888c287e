package org.publiccredit.record.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.publiccredit.testkit.Api;
import org.publiccredit.testkit.IntegrationTest;
import org.publiccredit.testkit.Tokens;
import tools.jackson.databind.JsonNode;

/**
 * The exchange feed through the gateway (issue 25): a partner mirrors the platform from seq 0 and stays in step — after
 * pushes, a correction and a revocation its mirror of a fresh subject equals the public records endpoint, and the revoked
 * record it had received is withdrawn ("stop sharing").
 */
@IntegrationTest
class ExchangeIT {

    private final Api market = Api.gateway().as(Tokens.user("officer-market"));
    /** partner-bank with a token valid now: a mirror read from seq 0 of a large feed outlasts one token. */
    private static Api bank() {
        return Api.gateway().as(Tokens.client("partner-bank"));
    }

    /**
     * A client's mirror: recordId → public view; WITHDRAWN removes. It keeps the changes of one subject's records (and of
     * the records watched by id) only: the feed from 0 of a stack that has run benchmarks holds millions of changes.
     */
    private static final class Mirror {
        final Map<String, JsonNode> records = new HashMap<>();
        final List<JsonNode> seen = new ArrayList<>();
        final String subject;
        final java.util.Set<String> watched = new java.util.HashSet<>();
        long lastSeq;

        Mirror(String subject, String... watched) {
            this.subject = subject;
            this.watched.addAll(List.of(watched));
        }

        private boolean concerns(JsonNode c) {
            String id = c.path("recordId").asString();
            return watched.contains(id) || records.containsKey(id) || subject.equals(c.path("record").path("subjectCode").asString());
        }

        /** Pulls until the feed has nothing more now and at least {@code until} is passed. */
        void follow(java.util.function.Supplier<Api> client, long until) {
            for (int i = 0; i < 10_000; i++) {
                JsonNode page = client.get().get("/api/v1/exchange/changes?limit=5000&after=" + lastSeq).expect(200).json();
                for (JsonNode c : page.path("changes")) {
                    assertThat(c.path("seq").asLong()).isGreaterThan(lastSeq);
                    if (!concerns(c)) {
                        continue;
                    }
                    seen.add(c);
                    switch (c.path("kind").asString()) {
                        case "UPSERT" -> records.put(c.path("recordId").asString(), c.path("record"));
                        case "WITHDRAWN" -> records.remove(c.path("recordId").asString());
                        default -> throw new AssertionError("unknown kind " + c);
                    }
                }
                lastSeq = page.path("lastSeq").asLong();
                assertThat(page.path("headSeq").asLong()).isGreaterThanOrEqualTo(lastSeq);
                if (!page.path("hasMore").asBoolean() && lastSeq >= until) {
                    return;
                }
                if (!page.path("hasMore").asBoolean()) {
                    sleep();
                }
            }
            throw new AssertionError("the feed did not reach " + until);
        }

        List<JsonNode> of(String subject) {
            return records.values().stream().filter(r -> r.path("subjectCode").asString().equals(subject))
                    .sorted(java.util.Comparator.comparing(r -> r.path("recordId").asString())).toList();
        }
    }

    private long head(Api client) {
        return client.get("/api/v1/exchange/changes?after=0&limit=1").expect(200).json().path("headSeq").asLong();
    }

    private List<JsonNode> publicRecords(String subject) {
        JsonNode page = Api.gateway().get("/api/v1/public/subjects/" + subject + "/records?size=100").expect(200).json();
        return page.path("items").valueStream().sorted(java.util.Comparator.comparing(r -> r.path("recordId").asString())).toList();
    }

    @Test
    void aMirrorFromSeqZeroEqualsThePlatformsPublicViewAfterPushesACorrectionAndARevocation() {
        String subject = Records.freshUscc();
        String corrected = push(Records.penaltyDecided(subject, 5));
        String revoked = push(Records.penaltyDecided(subject, 6));
        String kept = push(Records.penaltyDecided(subject, 7));
        Map<String, Object> minorFields = Records.penaltyFields();
        minorFields.put("procedure", "简易程序"); // 轻微: never public, never sent
        String minor = push(Records.record("ADM_PENALTY", subject, Records.doc("柳市监罚"), java.time.LocalDate.now().minusDays(2), minorFields));
        Mirror mirror = new Mirror(subject, minor);
        mirror.follow(ExchangeIT::bank, head(bank()));
        assertThat(mirror.of(subject)).extracting(r -> r.path("recordId").asString()).containsExactlyInAnyOrder(corrected, revoked, kept);
        assertThat(mirror.of(subject)).isEqualTo(publicRecords(subject));

        market.patch("/api/v1/records/" + corrected, Map.of("fields", Map.of("fineAmount", "3"), "note", "更正金额")).expect(200);
        market.post("/api/v1/records/" + revoked + ":revoke", Map.of("reason", "决定已撤销")).expect(200);
        mirror.follow(ExchangeIT::bank, head(bank()));
        List<JsonNode> expected = publicRecords(subject);
        assertThat(expected).extracting(r -> r.path("recordId").asString()).containsExactlyInAnyOrder(corrected, kept);
        assertThat(mirror.of(subject)).isEqualTo(expected);
        assertThat(mirror.records.get(corrected).path("fields").path("fineAmount").asString()).isEqualTo("3");
        assertThat(mirror.seen).anySatisfy(c -> {
            assertThat(c.path("recordId").asString()).isEqualTo(revoked);
            assertThat(c.path("kind").asString()).isEqualTo("WITHDRAWN");
            assertThat(c.path("reason").asString()).isEqualTo("REVOKED");
            assertThat(c.has("record")).isFalse();
        });
        assertThat(mirror.seen).noneMatch(c -> c.path("recordId").asString().equals(minor));

        // a second client mirroring afresh from 0 reaches the same view
        Mirror fresh = new Mirror(subject, minor);
        fresh.follow(ExchangeIT::bank, mirror.lastSeq);
        assertThat(fresh.of(subject)).isEqualTo(expected);
    }

    @Test
    void ndjsonCarriesTheSameChangesThenTheCursorLine() {
        String subject = Records.freshUscc();
        long before = head(bank());
        push(Records.penaltyDecided(subject, 3));
        push(Records.penaltyDecided(subject, 4));
        JsonNode json = bank().get("/api/v1/exchange/changes?limit=50&after=" + before).expect(200).json();
        var reply = bank().header("Accept", "application/x-ndjson").get("/api/v1/exchange/changes?limit=50&after=" + before).expect(200);
        assertThat(reply.header("Content-Type").getFirst()).startsWith("application/x-ndjson");
        String[] lines = new String(reply.bytes(), StandardCharsets.UTF_8).split("\n");
        JsonNode tail = Api.JSON.readTree(lines[lines.length - 1]);
        assertThat(tail.path("lastSeq").asLong()).isEqualTo(json.path("lastSeq").asLong());
        assertThat(tail.has("headSeq")).isTrue();
        assertThat(tail.has("hasMore")).isTrue();
        List<JsonNode> changes = new ArrayList<>();
        for (int i = 0; i < lines.length - 1; i++) {
            changes.add(Api.JSON.readTree(lines[i]));
        }
        List<JsonNode> fromJson = new ArrayList<>();
        json.path("changes").forEach(fromJson::add);
        assertThat(changes).isEqualTo(fromJson);
        assertThat(changes.stream().filter(c -> c.path("record").path("subjectCode").asString().equals(subject))).hasSize(2);
    }

    private String push(Map<String, Object> record) {
        return market.post("/api/v1/records", record).expect(201).json().path("id").asString();
    }

    private static void sleep() {
        try {
            Thread.sleep(200);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }
}
