package org.publiccredit.search.indexer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.publiccredit.search.indexer.IndexerFakes.PROPERTIES;
import static org.publiccredit.search.indexer.IndexerFakes.T0;
import static org.publiccredit.search.indexer.IndexerFakes.recordChange;
import static org.publiccredit.search.indexer.IndexerFakes.subjectChange;

import java.time.Clock;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.publiccredit.search.feed.Feed;
import org.publiccredit.search.index.Cursor;
import org.publiccredit.search.index.RebuildJob;

/**
 * The indexer's ticks against stand-ins (IndexerFakes): a failed step backs off and is tried again from the stored
 * cursor; without the lease nothing is read; a rebuild fills a new index beside the live one and takes the alias once
 * it has caught up, the old index and its cursor deleted.
 */
class IndexerTest {

    private final IndexerFakes fakes = new IndexerFakes();
    private final Lease lease = new Lease(fakes.clock);
    private final Indexer indexer = new Indexer(lease, fakes.follower(), fakes.versions(), fakes.applier,
            new IndexUpkeep(fakes.index, PROPERTIES, fakes.clock, fakes.registry),
            new BulkPacing(20_000, java.time.Duration.ofSeconds(2), java.time.Duration.ofMinutes(3), fakes.registry), PROPERTIES, fakes.clock);

    /** A lease this instance holds until told otherwise. */
    static final class Lease extends IndexerLease {

        volatile boolean holds = true;

        Lease(Clock clock) {
            super(null, clock, PROPERTIES);
        }

        @Override
        boolean hold() {
            return holds;
        }

        @Override
        boolean held() {
            return holds;
        }

        @Override
        void release() {
            holds = false;
        }
    }

    private long recordCursor(String index) {
        return fakes.meta.cursor(index).orElseThrow().cursor().recordSeq();
    }

    @Test
    void aFailedStepBacksOffAndIsTriedAgainFromTheStoredCursor() {
        fakes.feeds.add(Feed.RECORD, recordChange(1, "s1"), recordChange(2, "s2"));
        fakes.applier.failWrites = true;

        indexer.tick(); // the first index is created; the page's write fails when it is awaited
        String live = fakes.index.aliased;

        assertThat(live).isNotNull();
        assertThat(fakes.events("failed record [1, 2]")).hasSize(1);
        assertThat(indexer.lastError()).contains("bulk refused");
        assertThat(indexer.active()).as("state is read again next time").isFalse();
        assertThat(recordCursor(live)).isZero();

        fakes.applier.failWrites = false;
        int reads = fakes.feeds.reads.size();
        fakes.clock.advance(Duration.ofMillis(Indexer.backoffMillis(1) - 1));
        indexer.tick();
        assertThat(fakes.feeds.reads).as("backing off: nothing read").hasSize(reads);

        fakes.clock.advance(Duration.ofMillis(1));
        indexer.tick();
        indexer.tick();

        assertThat(fakes.feeds.reads.stream().filter("record 0 2"::equals)).as("read again from the cursor").hasSize(2);
        assertThat(fakes.events("write record [1, 2] to " + live)).hasSize(2);
        assertThat(recordCursor(live)).isEqualTo(2);
        assertThat(indexer.active()).isTrue();
        assertThat(indexer.lastError()).isNull();
        assertThat(fakes.events("create ")).as("the same index, not a new one").hasSize(1);
    }

    @Test
    void aLiveIndexQuietForTheMergeTimeIsMergedIntoOneSegment() {
        fakes.feeds.add(Feed.RECORD, recordChange(1, "s1"));
        fakes.index.shape = new org.publiccredit.search.index.SubjectIndex.Shape(12, 1_000_000, 90_000, 0);
        indexer.tick();
        String live = fakes.index.aliased;

        for (int i = 0; i < 4 * 60 * 2 - 1; i++) {
            fakes.clock.advance(Duration.ofMillis(250));
            indexer.tick();
        }
        assertThat(fakes.events("merge ")).as("two minutes without a change: not yet").isEmpty();

        fakes.clock.advance(Duration.ofMillis(250));
        indexer.tick();
        assertThat(fakes.events("merge ")).containsExactly("merge " + live);
    }

    @Test
    void theBackOffDoublesUpToFiveSeconds() {
        assertThat(Indexer.backoffMillis(1)).isEqualTo(500);
        assertThat(Indexer.backoffMillis(2)).isEqualTo(1000);
        assertThat(Indexer.backoffMillis(4)).isEqualTo(4000);
        assertThat(Indexer.backoffMillis(5)).isEqualTo(5000);
        assertThat(Indexer.backoffMillis(30)).isEqualTo(5000);
    }

    @Test
    void withoutTheLeaseNothingIsReadOrWritten() {
        fakes.feeds.add(Feed.SUBJECT, subjectChange(1, "s1"));
        lease.holds = false;

        indexer.tick();

        assertThat(fakes.feeds.reads).isEmpty();
        assertThat(fakes.events).isEmpty();
        assertThat(indexer.active()).isFalse();
    }

    @Test
    void aRebuildFillsANewIndexBesideTheLiveOneAndTakesTheAliasOnceCaughtUp() {
        String old = fakes.index.newIndexName(T0.minusSeconds(3600));
        fakes.index.create(old);
        fakes.index.swapAlias(old, null);
        fakes.meta.saveCursor(Cursor.start(old, T0).advance(2, 1, T0), null);
        fakes.feeds.add(Feed.SUBJECT, subjectChange(1, "s1"), subjectChange(2, "s2"));
        fakes.feeds.add(Feed.RECORD, recordChange(1, "s1"));
        fakes.meta.saveJob(RebuildJob.requested("job-1", "requested", "admin1", T0));

        indexer.tick();

        RebuildJob job = fakes.meta.job("job-1").orElseThrow();
        String rebuilt = job.index();
        assertThat(job.state()).isEqualTo(RebuildJob.State.DONE);
        assertThat(rebuilt).isNotEqualTo(old);
        assertThat(job.previousIndex()).isEqualTo(old);
        assertThat(job.documents()).isEqualTo(42);
        assertThat(job.subjectSeq()).isEqualTo(2);
        assertThat(job.recordSeq()).as("the record feed followed from its head at the start").isEqualTo(1);
        assertThat(fakes.events("apply subject")).as("the live index had them all; the new one from 0")
                .containsExactly("apply subject [1, 2] to " + rebuilt);
        assertThat(fakes.applier.reflects).containsExactly(1L);
        assertThat(fakes.at("create " + rebuilt)).isLessThan(fakes.at("apply subject [1, 2] to " + rebuilt));
        assertThat(fakes.at("apply subject [1, 2] to " + rebuilt)).isLessThan(fakes.at("refresh interval " + rebuilt + " 1s"));
        assertThat(fakes.at("refresh " + rebuilt)).isLessThan(fakes.at("alias " + rebuilt));
        assertThat(fakes.at("alias " + rebuilt)).isLessThan(fakes.at("job DONE " + rebuilt));
        assertThat(fakes.at("job DONE " + rebuilt)).isLessThan(fakes.at("delete " + old));
        assertThat(fakes.index.aliased).isEqualTo(rebuilt);
        assertThat(fakes.meta.cursor(old)).as("the old index's cursor goes with it").isEmpty();
        assertThat(indexer.liveIndex()).isEqualTo(rebuilt);
        assertThat(indexer.rebuildJob()).isNull();

        fakes.feeds.add(Feed.SUBJECT, subjectChange(3, "s3"));
        indexer.tick();
        assertThat(fakes.events("apply subject [3]")).as("the rebuilt index is the live one now").containsExactly("apply subject [3] to " + rebuilt);
    }
}
