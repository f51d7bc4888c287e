package org.publiccredit.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.publiccredit.testkit.Api;
import org.publiccredit.testkit.IntegrationTest;
import org.publiccredit.testkit.Reply;
import org.publiccredit.testkit.Tokens;

/**
 * Partner quotas (QuotaFilter) through the gateway. The client is partner-customs, which no other test uses; its counts are
 * raised in the real Redis behind the gateway's back, as the other gateway instances' requests would raise them, so the
 * test needs neither thousands of requests nor a tiny quota in the shared configuration.
 */
@IntegrationTest
class QuotaIT {

    private static final String CLIENT = "partner-customs";
    private static final String ENT1 = "91450200MA5K00012P";
    private final Api partner = Api.gateway().as(Tokens.client(CLIENT));

    private static String minuteKey() {
        return "quota.{" + CLIENT + "}.m." + Instant.now().getEpochSecond() / 60;
    }

    private static String dayKey() {
        return "quota.{" + CLIENT + "}.d." + DateTimeFormatter.BASIC_ISO_DATE.format(LocalDate.now(ZoneId.of("Asia/Shanghai")));
    }

    @AfterEach
    void giveTheQuotaBack() throws IOException {
        redis("DEL", minuteKey(), dayKey());
    }

    @Test
    void everyAnswerToAPartnerCarriesItsQuotaAndPastThePerMinuteQuotaItIs429() throws Exception {
        Reply first = partner.get("/api/v1/catalog").expect(200);
        long perMinute = Long.parseLong(first.header("RateLimit-Policy").getFirst().split(";")[0]);
        assertThat(first.header("RateLimit-Limit")).containsExactly(Long.toString(perMinute));
        assertThat(Long.parseLong(first.header("RateLimit-Remaining").getFirst())).isBetween(0L, perMinute - 1);
        assertThat(Long.parseLong(first.header("RateLimit-Reset").getFirst())).isBetween(1L, 60L);
        assertThat(first.header("RateLimit-Policy").getFirst()).matches("\\d+;w=60, \\d+;w=86400");
        // people have rate limits, not quotas
        assertThat(Api.gateway().as(Tokens.user("ent1")).get("/api/v1/catalog").expect(200).header("RateLimit-Limit")).isEmpty();

        // not at the end of a minute: the count set below must be the one the next requests meet
        if (Long.parseLong(first.header("RateLimit-Reset").getFirst()) < 8) {
            Thread.sleep(8_000);
        }
        redis("SET", minuteKey(), Long.toString(perMinute - 1), "EX", "120");
        Reply last = partner.get("/api/v1/public/subjects/" + ENT1 + "/records").expect(200);
        assertThat(last.header("RateLimit-Remaining")).containsExactly("0");
        assertThat(last.header("RateLimit-Limit")).containsExactly(Long.toString(perMinute));

        Reply refused = partner.get("/api/v1/catalog");
        refused.expectProblem(429, "QUOTA_EXCEEDED");
        long retryAfter = Long.parseLong(refused.header("Retry-After").getFirst());
        assertThat(retryAfter).isBetween(1L, 60L);
        assertThat(refused.header("RateLimit-Remaining")).containsExactly("0");
        assertThat(refused.header("RateLimit-Reset")).containsExactly(Long.toString(retryAfter));
        // a write past the quota is refused before it reaches the service
        partner.post("/api/v1/checks", java.util.Map.of("scenario", "GOV_PROCUREMENT", "subjects", java.util.List.of(ENT1),
                "purpose", "超出配额")).expectProblem(429, "QUOTA_EXCEEDED");
        // another partner's quota is its own
        Api.gateway().as(Tokens.client("partner-bank")).get("/api/v1/catalog").expect(200);
    }

    @Test
    void pastTheDailyQuotaTheClientWaitsForTheNextDay() throws IOException {
        Reply first = partner.get("/api/v1/catalog").expect(200);
        long perDay = Long.parseLong(first.header("RateLimit-Policy").getFirst().split(", ")[1].split(";")[0]);
        redis("SET", dayKey(), Long.toString(perDay), "EX", "600");
        Reply refused = partner.get("/api/v1/catalog");
        refused.expectProblem(429, "QUOTA_EXCEEDED");
        assertThat(refused.header("RateLimit-Limit")).as("the day is the tighter window").containsExactly(Long.toString(perDay));
        long untilMidnight = LocalDate.now(ZoneId.of("Asia/Shanghai")).plusDays(1).atStartOfDay(ZoneId.of("Asia/Shanghai"))
                .toEpochSecond() - Instant.now().getEpochSecond();
        assertThat(Long.parseLong(refused.header("Retry-After").getFirst())).isBetween(untilMidnight - 5, untilMidnight + 5);

        redis("DEL", dayKey());
        partner.get("/api/v1/catalog").expect(200);
    }

    /** One Redis command over RESP; any answer but an error. */
    private static void redis(String... args) throws IOException {
        try (Socket socket = new Socket("127.0.0.1", Integer.parseInt(System.getenv().getOrDefault("REDIS_PORT", "16379")))) {
            OutputStream out = socket.getOutputStream();
            InputStream in = socket.getInputStream();
            StringBuilder resp = new StringBuilder("*" + args.length + "\r\n");
            for (String a : args) {
                resp.append('$').append(a.getBytes(StandardCharsets.UTF_8).length).append("\r\n").append(a).append("\r\n");
            }
            out.write(resp.toString().getBytes(StandardCharsets.UTF_8));
            out.flush();
            StringBuilder reply = new StringBuilder();
            for (int c = in.read(); c != -1 && c != '\n'; c = in.read()) {
                reply.append((char) c);
            }
            assertThat(reply.toString()).as("Redis %s", args[0]).doesNotStartWith("-");
        }
    }
}
