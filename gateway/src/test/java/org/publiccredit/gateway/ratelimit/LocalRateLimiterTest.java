package org.publiccredit.gateway.ratelimit;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.publiccredit.gateway.ratelimit.RateLimitProperties.Tier;

class LocalRateLimiterTest {

    @Test
    void allowsTheBurstThenRefusesPerKey() {
        LocalRateLimiter limiter = new LocalRateLimiter();
        Tier tier = new Tier(1, 5);
        long allowed = IntStream.range(0, 20).filter(i -> limiter.tryAcquire("ip:a", tier)).count();
        assertThat(allowed).isEqualTo(5);
        assertThat(limiter.tryAcquire("ip:b", tier)).as("another key has its own bucket").isTrue();
    }
}
