package org.publiccredit.search.indexer;

import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;
import org.publiccredit.search.feed.Feed;
import org.publiccredit.search.index.RebuildJob;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.stereotype.Component;

/**
 * Health {@code indexer}: whether this instance is the active indexer or a standby (reads only), the live index,
 * and per feed the cursor, the head last seen and the lag in sequence and seconds. Down when the active indexer
 * has not been at a feed's head for {@link #STALE_SECONDS} seconds. Not part of readiness: a lagging indexer
 * does not stop reads.
 */
@Component("indexerHealthIndicator")
class IndexerHealthIndicator implements HealthIndicator {

    static final double STALE_SECONDS = 120;

    private final Indexer indexer;
    private final Clock clock;

    IndexerHealthIndicator(Indexer indexer, Clock clock) {
        this.indexer = indexer;
        this.clock = clock;
    }

    @Override
    public Health health() {
        boolean active = indexer.active();
        Health.Builder b = Health.up();
        b.withDetail("role", active ? "active" : "standby");
        b.withDetail("instance", indexer.lease().instance());
        if (indexer.lease().problem() != null) {
            b.withDetail("lease", "Redis unreachable: " + indexer.lease().problem());
        }
        if (!active) {
            return b.build();
        }
        b.withDetail("index", indexer.liveIndex());
        Map<String, Object> feeds = new LinkedHashMap<>();
        boolean stale = false;
        for (var e : indexer.feeds().entrySet()) {
            FeedStatus s = e.getValue();
            Map<String, Object> f = new LinkedHashMap<>();
            f.put("cursor", s.cursor());
            f.put("head", s.head());
            f.put("lagSequence", s.lagSequence());
            double lag = s.lagSeconds(clock);
            f.put("lagSeconds", Double.isNaN(lag) ? null : Math.round(lag * 10) / 10.0);
            if (s.lastError() != null) {
                f.put("error", s.lastError());
            }
            stale |= lag > STALE_SECONDS;
            feeds.put(e.getKey() == Feed.SUBJECT ? "subject" : "record", f);
        }
        b.withDetail("feeds", feeds);
        Map<String, Object> upkeep = new LinkedHashMap<>();
        upkeep.put("quietSince", indexer.upkeep().quietSince());
        upkeep.put("settled", indexer.upkeep().settled());
        b.withDetail("segments", upkeep);
        RebuildJob job = indexer.rebuildJob();
        if (job != null) {
            b.withDetail("rebuild", Map.of("id", job.id(), "index", job.index()));
        }
        if (indexer.lastError() != null) {
            b.withDetail("error", indexer.lastError());
        }
        return stale ? b.down().build() : b.build();
    }
}
