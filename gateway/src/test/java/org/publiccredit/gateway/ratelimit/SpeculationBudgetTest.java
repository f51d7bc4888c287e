package org.publiccredit.gateway.ratelimit;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.publiccredit.gateway.ratelimit.RateLimitProperties.Tier;

class SpeculationBudgetTest {

    private static final Tier TIER = new Tier(20, 40);
    private static final long MS = 1_000_000L;

    @Test
    void anUnknownKeyGoesAheadAsFarAsItsBucketReachesAndNoFurther() {
        SpeculationBudget budget = new SpeculationBudget();
        long ahead = IntStream.range(0, 100).filter(i -> budget.tryAhead("ip:a", TIER, 0)).count();
        assertThat(ahead).as("40 pending at once, the burst capacity").isEqualTo(40);
        assertThat(budget.tryAhead("ip:b", TIER, 0)).as("another key has its own view").isTrue();
    }

    @Test
    void aSettledRequestFreesItsPlaceAndRedisRemainingCounts() {
        SpeculationBudget budget = new SpeculationBudget();
        assertThat(budget.tryAhead("ip:a", TIER, 0)).isTrue();
        budget.settled("ip:a", TIER, true, 1, true, 0);
        assertThat(budget.tryAhead("ip:a", TIER, 0)).as("Redis said one token is left").isTrue();
        assertThat(budget.tryAhead("ip:a", TIER, 0)).as("and that one is pending now").isFalse();
        assertThat(budget.tryAhead("ip:a", TIER, 50 * MS)).as("20/s refill one token in 50 ms").isTrue();
    }

    @Test
    void afterARefusalTheKeyWaitsForRedisForOneSecond() {
        SpeculationBudget budget = new SpeculationBudget();
        budget.settled("ip:flood", TIER, false, 0, false, 0);
        assertThat(budget.tryAhead("ip:flood", TIER, 900 * MS)).as("refused 0.9 s ago: ask Redis first").isFalse();
        assertThat(budget.tryAhead("ip:flood", TIER, 1_001 * MS)).as("a second later, refilled").isTrue();
    }

    @Test
    void withoutRedisRemainingAnAllowedAnswerKeepsTheEstimate() {
        SpeculationBudget budget = new SpeculationBudget();
        Tier small = new Tier(1, 2);
        assertThat(budget.tryAhead("ip:a", small, 0)).isTrue();
        budget.settled("ip:a", small, true, -1, true, 0);
        assertThat(budget.tryAhead("ip:a", small, 0)).isTrue();
        assertThat(budget.tryAhead("ip:a", small, 0)).isTrue();
        assertThat(budget.tryAhead("ip:a", small, 0)).as("per-instance mode tells no remaining: the capacity bounds it").isFalse();
    }
}
