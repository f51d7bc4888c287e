package org.publiccredit.search.indexer;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.publiccredit.search.config.SearchProperties;
import org.publiccredit.search.index.SubjectIndex;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Merges the live index into one segment once it has been quiet for {@link SearchProperties#mergeAfterIdle()}. A search
 * reads every segment: the term look-ups of its twenty-odd clauses and the facets' ordinals are paid once per segment,
 * and the 10-15 segments that live indexing leaves at 1 M subjects (merged segments are capped at 128 MB, so that a
 * merge never stalls the indexer for long) cost a search about a third of its time (bench/RESULTS.md, "Segments").
 * <p>
 * Merged only when it pays: when at least {@link #WORTH_MERGING} of the documents (deleted ones included, a search still
 * reads past them) lie outside the largest segment, that is after an index was built, rebuilt or rewritten in good part
 * since its last merge; never while Elasticsearch merges it already, and once per quiet spell. The one large segment
 * left is then above the merge cap, so live indexing leaves it alone and writes new segments beside it until the next
 * quiet spell; a merge takes one core 1.5-2.5 minutes per GB of index (1.47 M documents, measured), the searches go on
 * meanwhile.
 * Run on the indexer's thread, by the instance that holds the lease; Elasticsearch does the merge after the call returns.
 */
@Component
class IndexUpkeep {

    private static final Logger log = LoggerFactory.getLogger(IndexUpkeep.class);
    /** The share of documents outside the largest segment from which a quiet index is merged. */
    static final double WORTH_MERGING = 0.10;
    /** How often a quiet index's segments are looked at. */
    static final Duration LOOK_EVERY = Duration.ofMinutes(1);

    private final SubjectIndex index;
    private final Duration idle;
    private final Clock clock;
    private final Counter merges;

    private String tracked;
    private volatile Instant lastChange;
    private Instant nextLook = Instant.EPOCH;
    /** The last change before the quiet spell the index was last looked at in full (merged or found not worth it). */
    private volatile Instant settledAfter;

    IndexUpkeep(SubjectIndex index, SearchProperties properties, Clock clock, MeterRegistry registry) {
        this.index = index;
        this.idle = properties.mergeAfterIdle();
        this.clock = clock;
        this.merges = Counter.builder("search_index_merges_total")
                .description("Live indices merged into one segment after a quiet spell").register(registry);
    }

    /** When the live index last took a change (or became the live index); null before the first tick. */
    Instant quietSince() {
        return lastChange;
    }

    /** Whether this quiet spell's index has been looked at: merged (Elasticsearch may still be at it) or left as it is. */
    boolean settled() {
        Instant last = lastChange;
        return last != null && last.equals(settledAfter);
    }

    /**
     * After each tick of the active indexer: {@code changed} when the tick applied changes to the live index or a
     * rebuild is under way (a rebuilt index is merged once it is live and quiet).
     */
    void afterTick(String live, boolean changed) {
        Instant now = clock.instant();
        if (!live.equals(tracked) || changed) {
            tracked = live;
            lastChange = now;
            return;
        }
        if (idle.isZero() || idle.isNegative() || now.isBefore(lastChange.plus(idle)) || now.isBefore(nextLook)
                || lastChange.equals(settledAfter)) {
            return;
        }
        nextLook = now.plus(LOOK_EVERY);
        try {
            SubjectIndex.Shape shape = index.shape(live);
            if (shape.merging() > 0) {
                return;
            }
            settledAfter = lastChange;
            if (shape.segments() > 1 && shape.outsideLargest() >= WORTH_MERGING) {
                log.info("index {} quiet for {} s: merging its {} segments into one ({} of {} documents outside the largest)", live,
                        Duration.between(lastChange, now).toSeconds(), shape.segments(), shape.documents() - shape.inLargest(),
                        shape.documents());
                index.mergeIntoOne(live);
                merges.increment();
            }
        } catch (Exception e) {
            // tried again at the next look; searches are served all the same, only slower
            log.warn("could not look at or merge the segments of {}: {}", live, FeedFollower.describe(e));
        }
    }
}
