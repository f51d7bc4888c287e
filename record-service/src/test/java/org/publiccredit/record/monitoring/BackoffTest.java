package org.publiccredit.record.monitoring;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class BackoffTest {

    private final Backoff backoff = new Backoff(Duration.ofSeconds(60));

    @Test
    void pausesDoubleFromOneSecondUpToTheCap() {
        assertThat(backoff.delay(1)).isEqualTo(Duration.ofSeconds(1));
        assertThat(backoff.delay(2)).isEqualTo(Duration.ofSeconds(2));
        assertThat(backoff.delay(3)).isEqualTo(Duration.ofSeconds(4));
        assertThat(backoff.delay(6)).isEqualTo(Duration.ofSeconds(32));
        assertThat(backoff.delay(7)).isEqualTo(Duration.ofSeconds(60));
        assertThat(backoff.delay(1000)).isEqualTo(Duration.ofSeconds(60));
        assertThat(backoff.delay(0)).isEqualTo(Duration.ofSeconds(1));
    }

    @Test
    void anEventIsGivenUpWhenItsNextAttemptWouldFallAfter24Hours() {
        Instant queued = Instant.parse("2026-12-01T00:00:00Z");
        Instant giveUp = queued.plus(Duration.ofHours(24));
        assertThat(backoff.next(3, queued.plusSeconds(10), giveUp)).isEqualTo(queued.plusSeconds(14));
        assertThat(backoff.next(500, giveUp.minusSeconds(61), giveUp)).isEqualTo(giveUp.minusSeconds(1));
        assertThat(backoff.next(500, giveUp.minusSeconds(30), giveUp)).isNull();
    }

    @Test
    void a24HourRunHasAboutOneAttemptAMinuteAfterTheFirstMinutes() {
        Instant t = Instant.parse("2026-12-01T00:00:00Z");
        Instant giveUp = t.plus(Duration.ofHours(24));
        int attempts = 0;
        while (t != null) {
            attempts++;
            t = backoff.next(attempts, t, giveUp);
        }
        assertThat(attempts).isBetween(1435, 1445);
    }
}
