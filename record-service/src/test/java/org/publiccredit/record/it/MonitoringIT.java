package org.publiccredit.record.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.publiccredit.testkit.Api;
import org.publiccredit.testkit.IntegrationTest;
import org.publiccredit.testkit.Tokens;
import tools.jackson.databind.JsonNode;

/**
 * Monitoring (信用监测预警, issue 25) through the gateway: partner-court watches subjects and receives signed webhook
 * events at a local receiver; partner-emergency (a list of at most 10, local configuration) is the other client.
 */
@IntegrationTest
class MonitoringIT {

    private static final Duration SOON = Duration.ofSeconds(30);

    private final Api court = Api.gateway().as(Tokens.client("partner-court"));
    private final Api emergency = Api.gateway().as(Tokens.client("partner-emergency"));
    private final Api tax = Api.gateway().as(Tokens.user("officer-tax"));
    private final Api market = Api.gateway().as(Tokens.user("officer-market"));
    private static WebhookReceiver receiver;

    @BeforeAll
    static void receiver() {
        receiver = new WebhookReceiver();
    }

    @AfterAll
    static void close() {
        receiver.close();
    }

    /** Points partner-court's webhook at the receiver: the new secret. */
    private String webhook() {
        JsonNode set = court.put("/api/v1/monitoring/webhook", Map.of("url", receiver.url())).expect(200).json();
        assertThat(set.path("url").asString()).isEqualTo(receiver.url());
        return set.path("secret").asString();
    }

    /** A fresh organisation, registered by a first (ordinary) penalty, watched by partner-court. */
    private String watchedSubject() {
        String subject = Records.freshUscc();
        market.post("/api/v1/records", Records.penaltyDecided(subject, 40)).expect(201);
        JsonNode added = court.put("/api/v1/monitoring/watchlist", Map.of("subjects", List.of(subject))).expect(200).json();
        assertThat(added.path("added").asInt()).isEqualTo(1);
        return subject;
    }

    private String blackList(String subject) {
        return tax.post("/api/v1/records", Records.taxBlackList(subject)).expect(201).json().path("id").asString();
    }

    private static boolean about(WebhookReceiver.Received r, String subject, String type) {
        return r.json().path("subject").path("code").asString().equals(subject) && r.json().path("type").asString().equals(type);
    }

    @Test
    void aWatchedSubjectsNewBlackListEntryReachesTheReceiverSignedAndOnce() {
        String secret = webhook();
        String subject = watchedSubject();
        String record = blackList(subject);

        WebhookReceiver.Received event = receiver.await(r -> about(r, subject, "NEW_LIST_ENTRY"), 1, SOON).getFirst();
        assertThat(WebhookReceiver.verify(event.signature(), event.body(), secret)).as("the documented check").isTrue();
        assertThat(event.eventId()).isEqualTo(event.json().path("eventId").asString());
        assertThat(event.json().path("recordId").asString()).isEqualTo(record);
        assertThat(event.json().path("category").asString()).isEqualTo("TAX_MAJOR_VIOLATION");
        assertThat(event.json().path("subject").path("name").isMissingNode()).isFalse();
        assertThat(Instant.parse(event.json().path("occurredAt").asString())).isBefore(event.at());
        assertThat(event.json().path("seq").asLong()).isPositive();

        // a forged signature fails the documented check: another secret, a changed body, a made-up header
        assertThat(WebhookReceiver.verify(event.signature(), event.body(), secret + "x")).isFalse();
        byte[] forged = new String(event.body(), StandardCharsets.UTF_8).replace("NEW_LIST_ENTRY", "REPAIRED").getBytes(StandardCharsets.UTF_8);
        assertThat(WebhookReceiver.verify(event.signature(), forged, secret)).isFalse();
        assertThat(WebhookReceiver.verify("t=" + Instant.now().getEpochSecond() + ",v1=" + "0".repeat(64), event.body(), secret)).isFalse();

        // once: after a while still one request with this record (a receiver deduplicating by event id sees one event)
        sleep(Duration.ofSeconds(3));
        List<WebhookReceiver.Received> all = receiver.all().stream().filter(r -> r.json().path("recordId").asString().equals(record)).toList();
        assertThat(all).hasSize(1);
        JsonNode log = court.get("/api/v1/monitoring/deliveries?size=1000").expect(200).json();
        JsonNode delivery = find(log, event.eventId());
        assertThat(delivery.path("state").asString()).isEqualTo("DELIVERED");
        assertThat(delivery.path("attempts").asInt()).isEqualTo(1);
        assertThat(delivery.path("lastStatus").asInt()).isEqualTo(204);
        assertThat(delivery.path("type").asString()).isEqualTo("NEW_LIST_ENTRY");
    }

    @Test
    void eventsOfASubjectArriveInOrderAndARevocationWithdrawsTheEntry() {
        webhook();
        String subject = watchedSubject();
        String first = blackList(subject);
        Map<String, Object> serious = Records.penaltyDecided(subject, 2);
        @SuppressWarnings("unchecked")
        Map<String, Object> fields = (Map<String, Object>) serious.get("fields");
        fields.put("severity", "严重");
        String penalty = market.post("/api/v1/records", serious).expect(201).json().path("id").asString();
        tax.post("/api/v1/records/" + first + ":revoke", Map.of("reason", "决定已撤销")).expect(200);
        String second = blackList(subject);

        receiver.await(r -> about(r, subject, "NEW_LIST_ENTRY"), 2, SOON);
        receiver.await(r -> about(r, subject, "WITHDRAWN"), 1, SOON);
        List<JsonNode> events = receiver.all().stream().filter(r -> r.json().path("subject").path("code").asString().equals(subject))
                .map(WebhookReceiver.Received::json).toList();
        List<String> records = events.stream().filter(e -> !e.path("type").asString().equals("GRADE_CHANGED"))
                .map(e -> e.path("type").asString() + ":" + e.path("recordId").asString()).toList();
        assertThat(records).containsExactly("NEW_LIST_ENTRY:" + first, "SERIOUS_PENALTY:" + penalty, "WITHDRAWN:" + first,
                "NEW_LIST_ENTRY:" + second);
        List<Long> seqs = events.stream().map(e -> e.path("seq").asLong()).toList();
        assertThat(seqs).isSorted();
        JsonNode withdrawn = events.stream().filter(e -> e.path("type").asString().equals("WITHDRAWN")).findFirst().orElseThrow();
        assertThat(withdrawn.path("reason").asString()).isEqualTo("REVOKED");
        // a black-list entry makes the grade D (whatever the points): the grade changes are told, each with the grade before
        // (the grade after the last change is D: wait until the last grade event told says so)
        Instant until = Instant.now().plus(SOON);
        List<JsonNode> grades = List.of();
        while (Instant.now().isBefore(until)) {
            grades = receiver.all().stream().filter(r -> about(r, subject, "GRADE_CHANGED")).map(WebhookReceiver.Received::json).toList();
            if (!grades.isEmpty() && grades.getLast().path("grade").asString().equals("D")) {
                break;
            }
            sleep(Duration.ofMillis(200));
        }
        assertThat(grades).allSatisfy(g -> assertThat(g.path("grade").asString()).isNotEqualTo(g.path("previousGrade").asString()));
        assertThat(grades.getFirst().path("previousGrade").asString()).isEqualTo("B"); // 100 − 5 for the first, ordinary penalty
        assertThat(grades.getLast().path("grade").asString()).isEqualTo("D");
    }

    @Test
    void aRequestTheTargetDropsWithoutAnAnswerIsSentAgainAtOnceWithinTheSameAttempt() {
        webhook();
        String subject = watchedSubject();
        int droppedBefore = receiver.dropped();
        receiver.dropNext(1, json -> json.path("subject").path("code").asString().equals(subject));
        blackList(subject);

        WebhookReceiver.Received event = receiver.await(r -> about(r, subject, "NEW_LIST_ENTRY"), 1, SOON).getFirst();
        assertThat(receiver.dropped() - droppedBefore).as("the first request was dropped").isEqualTo(1);
        // delivered on its first attempt: the resend is part of it, not a retry after the backoff's pause
        JsonNode delivery = null;
        Instant until = Instant.now().plusSeconds(30);
        while (Instant.now().isBefore(until)) {
            delivery = find(court.get("/api/v1/monitoring/deliveries?size=1000").expect(200).json(), event.eventId());
            if (delivery != null && delivery.path("state").asString().equals("DELIVERED")) {
                break;
            }
            sleep(Duration.ofMillis(500));
        }
        assertThat(delivery).isNotNull();
        assertThat(delivery.path("state").asString()).isEqualTo("DELIVERED");
        assertThat(delivery.path("attempts").asInt()).isEqualTo(1);
    }

    @Test
    void anEventPushedWhileTheReceiverIsDownArrivesWhenItIsBack() {
        String secret = webhook();
        String subject = watchedSubject();
        receiver.stop();
        String record;
        try {
            record = blackList(subject);
            Instant until = Instant.now().plusSeconds(60);
            JsonNode pending = null;
            while (Instant.now().isBefore(until)) {
                sleep(Duration.ofSeconds(5));
                pending = court.get("/api/v1/monitoring/deliveries?size=1000").expect(200).json().path("items").valueStream()
                        .filter(d -> d.path("recordId").asString().equals(record)).findFirst().orElse(null);
            }
            assertThat(pending).as("the event is in the log").isNotNull();
            assertThat(pending.path("state").asString()).isEqualTo("PENDING");
            assertThat(pending.path("attempts").asInt()).isGreaterThan(2);
            assertThat(pending.path("lastError").asString()).isEqualTo("the target could not be reached");
            assertThat(pending.path("lastStatus").isNull() || pending.path("lastStatus").isMissingNode()).isTrue();
        } finally {
            receiver.start();
        }
        WebhookReceiver.Received event = receiver.await(r -> r.json().path("recordId").asString().equals(record), 1, Duration.ofSeconds(90))
                .getFirst();
        assertThat(WebhookReceiver.verify(event.signature(), event.body(), secret)).isTrue();
        assertThat(event.json().path("type").asString()).isEqualTo("NEW_LIST_ENTRY");
    }

    @Test
    void aReplayQueuesTheSameEventsAgainAndARotatedSecretSignsAlongsideTheOldOne() {
        String old = webhook();
        String subject = watchedSubject();
        String record = blackList(subject);
        WebhookReceiver.Received first = receiver.await(r -> r.json().path("recordId").asString().equals(record), 1, SOON).getFirst();

        JsonNode rotated = court.post("/api/v1/monitoring/webhook:rotate-secret", Map.of()).expect(200).json();
        String fresh = rotated.path("secret").asString();
        assertThat(fresh).isNotEqualTo(old);
        assertThat(Instant.parse(rotated.path("previousSecretValidUntil").asString())).isAfter(Instant.now().plus(Duration.ofHours(23)));
        JsonNode state = court.get("/api/v1/monitoring/webhook").expect(200).json();
        assertThat(state.path("state").asString()).isEqualTo("ACTIVE");
        assertThat(state.has("secret")).isFalse();

        Instant from = Instant.parse(first.json().path("occurredAt").asString()).minusMillis(1);
        JsonNode replay = court.post("/api/v1/monitoring/deliveries:replay", Map.of("from", from.toString())).expect(200).json();
        assertThat(replay.path("requeued").asInt()).isPositive();
        List<WebhookReceiver.Received> twice = receiver.await(r -> r.json().path("recordId").asString().equals(record), 2, SOON);
        assertThat(twice).extracting(WebhookReceiver.Received::eventId).containsOnly(first.eventId());
        WebhookReceiver.Received again = twice.get(1);
        assertThat(again.body()).isEqualTo(first.body());
        assertThat(again.signature().split(",v1=")).hasSize(3);
        assertThat(WebhookReceiver.verify(again.signature(), again.body(), fresh)).isTrue();
        assertThat(WebhookReceiver.verify(again.signature(), again.body(), old)).isTrue();

        court.post("/api/v1/monitoring/deliveries:replay", Map.of("from", Instant.now().plusSeconds(3600).toString()))
                .expectProblem(400, "REPLAY_INVALID");
    }

    @Test
    void webhookTargetsOnLinkLocalUnspecifiedOrNonHttpAddressesAreRefused() {
        for (String url : List.of("http://169.254.169.254/latest/meta-data", "http://0.0.0.0:8080/hook", "ftp://127.0.0.1/hook",
                "http://user:pw@127.0.0.1/hook", "not a url", "http://[fe80::1]/hook")) {
            JsonNode problem = emergency.put("/api/v1/monitoring/webhook", Map.of("url", url)).expectProblem(422, "WEBHOOK_TARGET_REFUSED");
            assertThat(problem.path("errors").get(0).path("field").asString()).isEqualTo("url");
        }
        emergency.post("/api/v1/monitoring/webhook:rotate-secret", Map.of()).expectProblem(409, "WEBHOOK_NOT_SET");
    }

    @Test
    void theWatchListReportsInvalidCodesPerItemAndRefusesToGrowPastItsLimit() {
        List<String> left = codes(emergency); // from an earlier run
        if (!left.isEmpty()) {
            emergency.post("/api/v1/monitoring/watchlist:remove", Map.of("subjects", left)).expect(200);
        }
        String a = Records.freshUscc();
        String b = Records.freshUscc();
        register(a, b);
        String unregistered = Records.freshUscc();
        String bad = a.substring(0, 17) + (a.charAt(17) == '0' ? '1' : '0');
        JsonNode outcome = emergency.put("/api/v1/monitoring/watchlist",
                Map.of("subjects", List.of(a, bad, unregistered, "", b, a))).expect(200).json();
        assertThat(outcome.path("added").asInt()).isEqualTo(2);
        assertThat(outcome.path("errors").valueStream().map(e -> e.path("field").asString() + ":" + e.path("code").asString()).toList())
                .containsExactly("subjects[1]:USCC_CHECK_DIGIT", "subjects[2]:SUBJECT_NOT_REGISTERED", "subjects[3]:FIELD_REQUIRED");
        JsonNode again = emergency.put("/api/v1/monitoring/watchlist", Map.of("subjects", List.of(a))).expect(200).json();
        assertThat(again.path("added").asInt()).isZero();
        assertThat(again.path("unchanged").asInt()).isEqualTo(1);

        // partner-emergency's list holds at most 10 (local configuration): asking for more adds none
        long before = emergency.get("/api/v1/monitoring/watchlist").expect(200).json().path("total").asLong();
        List<String> many = new ArrayList<>();
        for (int i = 0; i < 11; i++) {
            many.add(Records.freshUscc());
        }
        register(many.toArray(String[]::new));
        JsonNode full = emergency.put("/api/v1/monitoring/watchlist", Map.of("subjects", many)).expectProblem(422, "WATCHLIST_FULL");
        assertThat(full.path("limit").asInt()).isEqualTo(10);
        assertThat(emergency.get("/api/v1/monitoring/watchlist").expect(200).json().path("total").asLong()).isEqualTo(before);

        List<String> tooMany = java.util.Collections.nCopies(10_001, a);
        emergency.put("/api/v1/monitoring/watchlist", Map.of("subjects", tooMany)).expectProblem(400, "WATCHLIST_INVALID");

        JsonNode removed = emergency.post("/api/v1/monitoring/watchlist:remove", Map.of("subjects", List.of(a, b, unregistered))).expect(200).json();
        assertThat(removed.path("added").asInt()).isEqualTo(2);
        assertThat(removed.path("errors").valueStream().map(e -> e.path("field").asString()).toList()).containsExactly("subjects[2]");
    }

    @Test
    void oneClientCanNeitherReadNorChangeAnothersListOrLog() {
        webhook();
        String subject = watchedSubject();
        String record = blackList(subject);
        String eventId = receiver.await(r -> r.json().path("recordId").asString().equals(record), 1, SOON).getFirst().eventId();

        assertThat(codes(emergency)).doesNotContain(subject);
        JsonNode removed = emergency.post("/api/v1/monitoring/watchlist:remove", Map.of("subjects", List.of(subject))).expect(200).json();
        assertThat(removed.path("added").asInt()).isZero();
        assertThat(codes(court)).contains(subject);

        JsonNode theirs = emergency.get("/api/v1/monitoring/deliveries?size=1000&client=partner-court").expect(200).json();
        assertThat(theirs.path("items").valueStream().map(d -> d.path("eventId").asString())).doesNotContain(eventId);
        int delivered = receiver.all().size();
        emergency.post("/api/v1/monitoring/deliveries:replay", Map.of("from", "2020-01-01T00:00:00Z")).expect(200);
        sleep(Duration.ofSeconds(2));
        assertThat(receiver.all().stream().skip(delivered).map(WebhookReceiver.Received::eventId)).doesNotContain(eventId);

        // an admin reads the named client's log; staff and enterprises meet no monitoring at all
        JsonNode byAdmin = Api.gateway().as(Tokens.user("admin1")).get("/api/v1/monitoring/deliveries?size=1000&client=partner-court")
                .expect(200).json();
        assertThat(find(byAdmin, eventId)).isNotNull();
        Api.gateway().as(Tokens.user("admin1")).get("/api/v1/monitoring/watchlist").expectProblem(403, "PARTNER_CLIENT_REQUIRED");
        Api.gateway().as(Tokens.user("officer-tax")).get("/api/v1/monitoring/deliveries").expect(403);
        Api.gateway().as(Tokens.user("ent1")).put("/api/v1/monitoring/watchlist", Map.of("subjects", List.of(subject))).expect(403);
        Api.gateway().get("/api/v1/monitoring/webhook").expect(401);
    }

    private void register(String... subjects) {
        String ndjson = java.util.Arrays.stream(subjects).map(s -> Api.JSON.writeValueAsString(Records.penaltyDecided(s, 50)))
                .collect(Collectors.joining("\n")) + "\n";
        JsonNode report = market.post("/api/v1/records:batch", "application/x-ndjson", ndjson.getBytes(StandardCharsets.UTF_8)).expect(200).json();
        assertThat(report.toString()).doesNotContain("\"REJECTED\"");
    }

    private static List<String> codes(Api client) {
        return client.get("/api/v1/monitoring/watchlist?size=1000").expect(200).json().path("items").valueStream()
                .map(i -> i.path("code").asString()).toList();
    }

    private static JsonNode find(JsonNode log, String eventId) {
        return log.path("items").valueStream().filter(d -> d.path("eventId").asString().equals(eventId)).findFirst()
                .orElseThrow(() -> new AssertionError("event " + eventId + " not in the log"));
    }

    private static void sleep(Duration d) {
        try {
            Thread.sleep(d.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }
}
