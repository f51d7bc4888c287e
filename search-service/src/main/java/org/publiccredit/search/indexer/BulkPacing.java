package org.publiccredit.search.indexer;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import org.publiccredit.search.feed.Feed;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Lets a bulk load have the host (decision 0011). While a feed's backlog is at least {@code platform.search.bulk.backlog}
 * changes (a department's batch or an import; a steady load stays far below it) and its head still grows by a tenth of
 * that between ticks (the load goes on), the indexer rests {@code pause} after each tick's step of work, until the live
 * index has been behind for {@code max-lag}; from then on, and as soon as the load stops, it follows at full speed until
 * it is at the heads again. Resting costs little in the end: a summary fetched later reflects more of the backlog (the
 * indexer skips the changes an applied summary already reflects), so fewer summaries and document writes cover it.
 */
@Component
class BulkPacing {

    private final long backlog;
    private final Duration pause;
    private final Duration maxLag;
    private final Counter rests;
    /** The heads seen at the last decision (the indexer thread only). */
    private final Map<Feed, Long> lastHeads = new java.util.EnumMap<>(Feed.class);

    BulkPacing(@Value("${platform.search.bulk.backlog:20000}") long backlog, @Value("${platform.search.bulk.pause:4s}") Duration pause,
            @Value("${platform.search.bulk.max-lag:180s}") Duration maxLag, MeterRegistry registry) {
        this.backlog = backlog;
        this.pause = pause;
        this.maxLag = maxLag;
        this.rests = Counter.builder("search.indexer.bulk.rests")
                .description("pauses the indexer took between ticks to leave the host to a bulk load").register(registry);
    }

    /**
     * How long to wait before the next tick of an indexer that is behind: {@code pause} while some feed of the live
     * index is a bulk load's backlog whose head grew by a tenth of the threshold since the last call, and none has been
     * behind for {@code max-lag}; else nothing.
     */
    Duration restBeforeNextTick(Map<Feed, FeedStatus> feeds, Clock clock) {
        if (backlog <= 0 || pause.isZero()) {
            return Duration.ZERO;
        }
        boolean bulk = false;
        boolean tooLate = false;
        for (Map.Entry<Feed, FeedStatus> e : feeds.entrySet()) {
            FeedStatus s = e.getValue();
            Long before = lastHeads.put(e.getKey(), s.head());
            if (!s.active()) {
                continue;
            }
            tooLate |= s.lagSeconds(clock) >= maxLag.toMillis() / 1000.0;
            // still loading: the head grew by a tenth of the backlog threshold since the last tick (a trickle of other
            // changes does not keep the indexer resting)
            bulk |= s.lagSequence() >= backlog && before != null && s.head() - before >= backlog / 10;
        }
        if (tooLate || !bulk) {
            return Duration.ZERO; // no bulk load, or behind for long enough: follow at full speed
        }
        rests.increment();
        return pause;
    }
}
