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
 * changes (a department's batch or an import; a steady load stays far below it) the indexer rests {@code pause} after each
 * tick's step of work, until the live index has been behind for {@code max-lag}; from then on it follows at full speed
 * until it is at the heads again. Resting costs little in the end: a summary fetched later reflects more of the backlog
 * (the indexer skips the changes a stored document already reflects), so fewer summaries and document writes cover it.
 */
@Component
class BulkPacing {

    private final long backlog;
    private final Duration pause;
    private final Duration maxLag;
    private final Counter rests;

    BulkPacing(@Value("${platform.search.bulk.backlog:20000}") long backlog, @Value("${platform.search.bulk.pause:2s}") Duration pause,
            @Value("${platform.search.bulk.max-lag:180s}") Duration maxLag, MeterRegistry registry) {
        this.backlog = backlog;
        this.pause = pause;
        this.maxLag = maxLag;
        this.rests = Counter.builder("search.indexer.bulk.rests")
                .description("pauses the indexer took between ticks to leave the host to a bulk load").register(registry);
    }

    /**
     * How long to wait before the next tick of an indexer that is behind: {@code pause} while some feed of the live
     * index is a bulk load's backlog and none has been behind for {@code max-lag}, else nothing.
     */
    Duration restBeforeNextTick(Map<Feed, FeedStatus> feeds, Clock clock) {
        if (backlog <= 0 || pause.isZero()) {
            return Duration.ZERO;
        }
        boolean bulk = false;
        for (FeedStatus s : feeds.values()) {
            if (!s.active()) {
                continue;
            }
            if (s.lagSeconds(clock) >= maxLag.toMillis() / 1000.0) {
                return Duration.ZERO; // behind for long enough: catch up at full speed
            }
            bulk |= s.lagSequence() >= backlog;
        }
        if (!bulk) {
            return Duration.ZERO;
        }
        rests.increment();
        return pause;
    }
}
