package org.publiccredit.search.indexer;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.springframework.stereotype.Component;

/**
 * How long the indexer spends in each phase of applying a page ({@code search.indexer.phase{phase}}): where the lag
 * comes from when the indexer falls behind (the feeds, record-service's summaries, Elasticsearch's reads or writes).
 */
@Component
class IndexerPhases {

    /** The phases; summaries and stored documents are read at the same time at the feeds' head. */
    enum Phase {
        /** A page of a change feed (not counted when it was fetched ahead while the previous page was applied). */
        FEED,
        /** The stored documents of a page's subjects (Elasticsearch mget). */
        STORED,
        /** The public summaries of a page's subjects (record-service). */
        SUMMARIES,
        /** The page's documents written (Elasticsearch bulk). */
        BULK,
        /** An explicit refresh of the live index. */
        REFRESH
    }

    /** A step; {@code E} is what it may throw ({@code RuntimeException} for the feeds' calls, inferred). */
    interface Step<T, E extends Exception> {
        T run() throws E;
    }

    private final Map<Phase, Timer> timers = new EnumMap<>(Phase.class);
    private final Counter written;
    private final Counter unchanged;

    IndexerPhases(MeterRegistry registry) {
        written = Counter.builder("search.indexer.record.documents").tag("outcome", "written")
                .description("documents the live indexer wrote or left as they were after record changes").register(registry);
        unchanged = Counter.builder("search.indexer.record.documents").tag("outcome", "unchanged")
                .description("documents the live indexer wrote or left as they were after record changes").register(registry);
        for (Phase p : Phase.values()) {
            timers.put(p, Timer.builder("search.indexer.phase").tag("phase", p.name().toLowerCase(Locale.ROOT))
                    .description("time the indexer spends per phase of a page").register(registry));
        }
    }

    /** After record changes: how many documents were written and how many were left as they were (the same content). */
    void documents(int writtenNow, int unchangedNow) {
        written.increment(writtenNow);
        unchanged.increment(unchangedNow);
    }

    <T, E extends Exception> T time(Phase phase, Step<T, E> step) throws E {
        long start = System.nanoTime();
        try {
            return step.run();
        } finally {
            timers.get(phase).record(System.nanoTime() - start, TimeUnit.NANOSECONDS);
        }
    }
}
