package org.publiccredit.search.indexer;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import java.util.EnumMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.publiccredit.search.feed.Feed;

/** When the indexer rests between ticks: only in a bulk load's backlog, and never once it has been behind too long. */
class BulkPacingTest {

    private final IndexerFakes.TestClock clock = new IndexerFakes.TestClock();
    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
    private final BulkPacing pacing = new BulkPacing(20_000, Duration.ofSeconds(2), Duration.ofMinutes(3), registry);
    private final Map<Feed, FeedStatus> feeds = new EnumMap<>(Feed.class);

    BulkPacingTest() {
        for (Feed f : Feed.values()) {
            FeedStatus s = new FeedStatus();
            s.reset(1_000, clock.instant());
            s.applied(1_000, 1_000L, 1_000, false, clock.instant());
            feeds.put(f, s);
        }
    }

    /** The record feed applied up to {@code cursor} with the head at {@code head} (more to come). */
    private void recordFeedAt(long cursor, long head) {
        feeds.get(Feed.RECORD).applied(cursor, head, cursor, true, clock.instant());
    }

    @Test
    void aSteadyLoadsSmallBacklogIsFollowedAtOnce() {
        clock.advance(Duration.ofSeconds(1));
        recordFeedAt(5_000, 8_000); // 3,000 behind: a thousand changes a second with a few seconds of lag
        clock.advance(Duration.ofMinutes(10));
        assertThat(pacing.restBeforeNextTick(feeds, clock)).isZero();
    }

    @Test
    void aBulkLoadsBacklogGetsARestAfterEachTickWhileItGrows() {
        assertThat(pacing.restBeforeNextTick(feeds, clock)).isZero(); // at the heads
        clock.advance(Duration.ofSeconds(1));
        recordFeedAt(5_000, 105_000);
        assertThat(pacing.restBeforeNextTick(feeds, clock)).isEqualTo(Duration.ofSeconds(2));
        clock.advance(Duration.ofSeconds(170));
        recordFeedAt(50_000, 400_000);
        assertThat(pacing.restBeforeNextTick(feeds, clock)).isEqualTo(Duration.ofSeconds(2));
        assertThat(registry.counter("search.indexer.bulk.rests").count()).isEqualTo(2);

        // the load stopped (the head stays), or only a trickle goes on: the rest of the backlog at full speed
        clock.advance(Duration.ofSeconds(3));
        recordFeedAt(60_000, 400_000);
        assertThat(pacing.restBeforeNextTick(feeds, clock)).isZero();
        clock.advance(Duration.ofSeconds(1));
        recordFeedAt(70_000, 401_500);
        assertThat(pacing.restBeforeNextTick(feeds, clock)).isZero();
        // and when it picks up again, rests again
        recordFeedAt(80_000, 420_000);
        assertThat(pacing.restBeforeNextTick(feeds, clock)).isEqualTo(Duration.ofSeconds(2));
    }

    @Test
    void behindForTheMaximumLagItCatchesUpAtFullSpeed() {
        pacing.restBeforeNextTick(feeds, clock);
        clock.advance(Duration.ofSeconds(1));
        recordFeedAt(5_000, 105_000);
        clock.advance(Duration.ofMinutes(3));
        assertThat(pacing.restBeforeNextTick(feeds, clock)).isZero();
    }

    @Test
    void anyFeedBehindTooLongLiftsTheRest() {
        clock.advance(Duration.ofSeconds(1));
        feeds.get(Feed.SUBJECT).applied(1_200, 1_500L, 1_200, true, clock.instant()); // small, but behind since now
        pacing.restBeforeNextTick(feeds, clock);
        clock.advance(Duration.ofMinutes(4));
        recordFeedAt(5_000, 105_000);
        assertThat(pacing.restBeforeNextTick(feeds, clock)).isZero();
    }

    @Test
    void aStandbyInstanceOrAZeroSettingNeverRests() {
        pacing.restBeforeNextTick(feeds, clock);
        clock.advance(Duration.ofSeconds(1));
        recordFeedAt(5_000, 105_000);
        assertThat(new BulkPacing(0, Duration.ofSeconds(2), Duration.ofMinutes(3), registry).restBeforeNextTick(feeds, clock)).isZero();
        assertThat(new BulkPacing(20_000, Duration.ZERO, Duration.ofMinutes(3), registry).restBeforeNextTick(feeds, clock)).isZero();
        feeds.values().forEach(FeedStatus::standby);
        assertThat(pacing.restBeforeNextTick(feeds, clock)).isZero();
    }
}
