package org.publiccredit.search.indexer;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.publiccredit.search.config.SearchProperties;
import org.publiccredit.search.index.SubjectIndex.Shape;

/**
 * When a quiet live index is merged into one segment: after the quiet time, when enough of it lies outside its
 * largest segment, not while Elasticsearch merges it already, once per quiet spell; a change starts the spell again.
 */
class IndexUpkeepTest {

    private static final Duration IDLE = Duration.ofMinutes(2);
    private final IndexerFakes fakes = new IndexerFakes();
    private final IndexUpkeep upkeep = upkeep(IDLE);

    private IndexUpkeep upkeep(Duration idle) {
        SearchProperties properties = new SearchProperties(null, null, 0, null, null, "subjects", null, 0, null, null, null, 0, 0,
                null, idle);
        return new IndexUpkeep(fakes.index, properties, fakes.clock, fakes.registry);
    }

    /** Ticks with nothing applied every 250 ms for this long. */
    private void quietFor(IndexUpkeep u, Duration d) {
        for (long ms = 0; ms < d.toMillis(); ms += 250) {
            fakes.clock.advance(Duration.ofMillis(250));
            u.afterTick("subjects-a", false);
        }
    }

    private long merges() {
        return (long) fakes.registry.counter("search_index_merges_total").count();
    }

    @Test
    void aQuietIndexSpreadOverSegmentsIsMergedOnceAfterTheQuietTime() {
        fakes.index.shape = new Shape(13, 1_471_472, 300_682, 0);
        upkeep.afterTick("subjects-a", true);

        quietFor(upkeep, IDLE.minusSeconds(1));
        assertThat(fakes.events).as("not quiet long enough").isEmpty();
        assertThat(upkeep.settled()).isFalse();

        quietFor(upkeep, Duration.ofSeconds(2));
        assertThat(fakes.events).containsExactly("shape subjects-a", "merge subjects-a");
        assertThat(upkeep.settled()).isTrue();
        assertThat(upkeep.quietSince()).isEqualTo(IndexerFakes.T0);

        quietFor(upkeep, Duration.ofMinutes(10));
        assertThat(fakes.events("merge")).as("once per quiet spell").hasSize(1);
        assertThat(merges()).isEqualTo(1);

        upkeep.afterTick("subjects-a", true);
        assertThat(upkeep.settled()).isFalse();
        quietFor(upkeep, IDLE.plusSeconds(1));
        assertThat(fakes.events("merge")).as("a change starts a new spell").hasSize(2);
    }

    @Test
    void anIndexMostlyInOneSegmentIsLeftAlone() {
        // 9 % of the documents outside the largest segment: small segments that live indexing merges by itself
        fakes.index.shape = new Shape(6, 1_000_000, 910_000, 0);
        upkeep.afterTick("subjects-a", true);
        quietFor(upkeep, Duration.ofMinutes(10));

        assertThat(fakes.events).as("looked at once in the spell, not merged").containsExactly("shape subjects-a");
        assertThat(merges()).isZero();
        assertThat(upkeep.settled()).isTrue();
    }

    @Test
    void whileElasticsearchMergesItTheUpkeepLooksAgainLater() {
        fakes.index.shape = new Shape(13, 1_000_000, 100_000, 1);
        upkeep.afterTick("subjects-a", true);
        quietFor(upkeep, IDLE.plusSeconds(1));
        assertThat(fakes.events).containsExactly("shape subjects-a");
        assertThat(upkeep.settled()).as("Elasticsearch's own merge first").isFalse();

        fakes.index.shape = new Shape(13, 1_000_000, 100_000, 0);
        quietFor(upkeep, Duration.ofSeconds(30));
        assertThat(fakes.events).as("looked at once a minute").containsExactly("shape subjects-a");
        quietFor(upkeep, Duration.ofSeconds(31));
        assertThat(fakes.events).containsExactly("shape subjects-a", "shape subjects-a", "merge subjects-a");
    }

    @Test
    void aNewLiveIndexStartsItsOwnQuietTime() {
        fakes.index.shape = new Shape(13, 1_000_000, 100_000, 0);
        quietFor(upkeep, IDLE.minusSeconds(10));
        for (long ms = 0; ms < 20_000; ms += 250) {
            fakes.clock.advance(Duration.ofMillis(250));
            upkeep.afterTick("subjects-b", false);
        }
        assertThat(fakes.events).as("subjects-b has been live for 20 s only").isEmpty();
    }

    @Test
    void aZeroQuietTimeNeverMerges() {
        IndexUpkeep never = upkeep(Duration.ZERO);
        fakes.index.shape = new Shape(13, 1_000_000, 100_000, 0);
        quietFor(never, Duration.ofHours(1));
        assertThat(fakes.events).isEmpty();
    }
}
