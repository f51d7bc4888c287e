package org.publiccredit.search;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Predicate;
import org.publiccredit.commons.id.Uscc;
import org.publiccredit.testkit.Api;
import org.publiccredit.testkit.Reply;
import org.publiccredit.testkit.Tokens;
import tools.jackson.databind.JsonNode;

/** Object Mother for the search ITs: fresh valid codes, unique Chinese names, subjects written through the gateway. */
final class Fixtures {

    private static final String ORG_CHARS = "0123456789ABCDEFGHJKLMNPQRTUWXY";

    private Fixtures() {
    }

    /** A fresh valid USCC of a Liuzhou enterprise. */
    static String newCode() {
        ThreadLocalRandom r = ThreadLocalRandom.current();
        StringBuilder org = new StringBuilder(8);
        for (int i = 0; i < 8; i++) {
            org.append(ORG_CHARS.charAt(r.nextInt(ORG_CHARS.length())));
        }
        return Uscc.of('9', '1', "450202", org.toString()).value();
    }

    /** Four random CJK characters: a fragment no other subject has. */
    static String uniqueFragment() {
        ThreadLocalRandom r = ThreadLocalRandom.current();
        StringBuilder s = new StringBuilder(4);
        for (int i = 0; i < 4; i++) {
            s.append((char) r.nextInt(0x4E00, 0x9FA5));
        }
        return s.toString();
    }

    /** Anonymous caller with a client address of its own (the local gateway trusts X-Forwarded-For from loopback). */
    static Api anonymous() {
        ThreadLocalRandom r = ThreadLocalRandom.current();
        return Api.gateway().header("X-Forwarded-For", "10." + r.nextInt(256) + "." + r.nextInt(256) + "." + r.nextInt(1, 255));
    }

    static Reply createSubject(String code, String name) {
        Reply r = Api.gateway().as(Tokens.user("officer-market")).post("/api/v1/subjects",
                Map.of("code", code, "name", name, "type", "ENTERPRISE"));
        assertThat(r.status()).as("subject write: %s", r.text()).isIn(200, 201);
        return r;
    }

    /**
     * A record pushed through the gateway by officer-market (decided the day before); returns its id.
     *
     * @param fields the category's fields
     */
    static String pushRecord(String code, String name, String category, Map<String, Object> fields) {
        LocalDate today = LocalDate.now(ZoneId.of("Asia/Shanghai"));
        Reply pushed = Api.gateway().as(Tokens.user("officer-market")).post("/api/v1/records", Map.of(
                "category", category,
                "subject", Map.of("identifier", code, "name", name, "type", "ENTERPRISE"),
                "documentNumber", "柳市监〔" + System.nanoTime() + "〕号",
                "decisionDate", today.minusDays(1).toString(),
                "fields", fields));
        assertThat(pushed.status()).as("push: %s", pushed.text()).isIn(200, 201);
        String id = pushed.json().path("id").asString();
        assertThat(id).isNotBlank();
        return id;
    }

    /** The record count of a category in a public profile reply (-1 when the reply is not a 200). */
    static int count(Reply profile, String category) {
        if (profile.status() != 200) {
            return -1;
        }
        for (JsonNode c : profile.json().path("records")) {
            if (category.equals(c.path("category").asString())) {
                return c.path("count").asInt();
            }
        }
        return 0;
    }

    /** Polls until the condition holds or the time is up; returns the last reply and the time it took. */
    static Polled poll(Api api, String path, Duration max, Predicate<Reply> done) {
        long start = System.nanoTime();
        Reply last;
        do {
            last = api.get(path);
            if (done.test(last)) {
                return new Polled(last, Duration.ofNanos(System.nanoTime() - start), true);
            }
            sleep(100);
        } while (System.nanoTime() - start < max.toNanos());
        return new Polled(last, Duration.ofNanos(System.nanoTime() - start), false);
    }

    record Polled(Reply reply, Duration took, boolean done) {
    }

    static boolean hasCode(Reply r, String code) {
        if (r.status() != 200) {
            return false;
        }
        for (var item : r.json().path("items")) {
            if (code.equals(item.path("code").asString())) {
                return true;
            }
        }
        return false;
    }

    static String q(String text) {
        return java.net.URLEncoder.encode(text, java.nio.charset.StandardCharsets.UTF_8);
    }

    static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
