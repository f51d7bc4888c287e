package org.publiccredit.search.indexer;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/**
 * What the active indexer knows of one feed for the live index: its cursor, the head it last saw, and when it last
 * was at the head. Lag in seconds is the time since it last saw the feed's head (so it grows while a backlog is
 * worked off, and while the feed or Elasticsearch cannot be reached); lag in sequence is head minus cursor.
 */
final class FeedStatus {

    private volatile long cursor;
    private volatile long head;
    private volatile Instant caughtUpAt;
    private volatile String lastError;
    private volatile boolean active;

    void reset(long cursorSeq, Instant now) {
        cursor = cursorSeq;
        head = Math.max(head, cursorSeq);
        caughtUpAt = caughtUpAt != null ? caughtUpAt : now;
        active = true;
    }

    void standby() {
        active = false;
    }

    /**
     * A page was applied.
     *
     * @param cursorSeq the cursor now
     * @param headSeq the feed's head as the feed reported it, or null when it does not report one
     * @param lastSeq the page's last seq
     * @param hasMore whether the feed said more were ready
     * @param now the time
     */
    void applied(long cursorSeq, Long headSeq, long lastSeq, boolean hasMore, Instant now) {
        cursor = cursorSeq;
        if (headSeq != null) {
            head = headSeq;
        } else {
            // without the head in the answer: at least one more change is waiting while the feed has more
            head = hasMore ? Math.max(head, lastSeq + 1) : lastSeq;
        }
        head = Math.max(head, cursorSeq);
        if (!hasMore) {
            caughtUpAt = now;
        }
        lastError = null;
    }

    void failed(String error) {
        lastError = error;
    }

    boolean active() {
        return active;
    }

    long cursor() {
        return cursor;
    }

    long head() {
        return head;
    }

    long lagSequence() {
        return Math.max(0, head - cursor);
    }

    double lagSeconds(Clock clock) {
        if (!active || caughtUpAt == null) {
            return Double.NaN;
        }
        return Math.max(0, Duration.between(caughtUpAt, clock.instant()).toMillis() / 1000.0);
    }

    String lastError() {
        return lastError;
    }
}
