package org.publiccredit.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.Test;
import org.publiccredit.testkit.Api;
import org.publiccredit.testkit.Burst;
import org.publiccredit.testkit.IntegrationTest;
import org.publiccredit.testkit.Reply;
import org.publiccredit.testkit.Stack;
import org.publiccredit.testkit.Tokens;

/**
 * Spring Cloud Gateway's Redis rate limiter fails open without Redis; ours falls back to per-instance buckets:
 * requests keep being served, a burst is still limited, and health says which mode is in force.
 */
@IntegrationTest
class RateLimitWithoutRedisIT {

    @Test
    void withoutRedisRequestsAreServedAndBurstsAreStillLimited() throws Exception {
        Stack.stop("redis");
        try {
            // .254 is kept for the other caller below: the same address would find its bucket emptied by the burst
            Api anonymous = Api.gateway().header("X-Forwarded-For", "192.0.2." + ThreadLocalRandom.current().nextInt(1, 254));
            long start = System.nanoTime();
            anonymous.get("/api/v1/identifiers/91450200MA5K00012P").expect(200);
            assertThat(Duration.ofNanos(System.nanoTime() - start)).as("no hang while Redis is down").isLessThan(Duration.ofSeconds(2));

            List<Reply> replies = Burst.of(120, 16, n -> anonymous.get("/api/v1/identifiers/91450200MA5K00012P"));
            assertThat(replies).anySatisfy(r -> assertThat(r.status()).isEqualTo(200));
            assertThat(replies.stream().filter(r -> r.status() == 429)).as("never unlimited").isNotEmpty();

            String health = Api.gateway().as(Tokens.user("admin1")).get("/actuator/health").text();
            assertThat(health).contains("per-instance");
        } finally {
            Stack.start("redis");
        }
        Api.gateway().header("X-Forwarded-For", "192.0.2.254").get("/api/v1/identifiers/91450200MA5K00012P").expect(200);
    }
}
