package org.publiccredit.record.monitoring;

import java.time.Duration;
import java.time.Instant;

/**
 * When to try a failed delivery again: 1 s after the first attempt, then 2 s, 4 s, 8 s … up to {@code max}; an event
 * whose next attempt would fall after its {@code giveUpAt} (24 h after it was queued or replayed) is given up (FAILED).
 *
 * @param max the longest pause
 */
record Backoff(Duration max) {

    /** The pause after {@code attempts} failed attempts (1 → 1 s, 2 → 2 s, 3 → 4 s …, capped). */
    Duration delay(int attempts) {
        int exponent = Math.clamp(attempts - 1, 0, 30);
        long millis = Math.min(max.toMillis(), 1000L << Math.min(exponent, 20));
        return Duration.ofMillis(Math.max(1000, millis));
    }

    /** The next attempt after a failure, or null when the event is to be given up. */
    Instant next(int attempts, Instant now, Instant giveUpAt) {
        Instant next = now.plus(delay(attempts));
        return next.isAfter(giveUpAt) ? null : next;
    }
}
