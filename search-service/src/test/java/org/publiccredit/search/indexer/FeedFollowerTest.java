package org.publiccredit.search.indexer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.publiccredit.search.indexer.IndexerFakes.T0;
import static org.publiccredit.search.indexer.IndexerFakes.recordChange;
import static org.publiccredit.search.indexer.IndexerFakes.subjectChange;

import java.io.IOException;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.publiccredit.search.feed.ChangePage;
import org.publiccredit.search.feed.Feed;
import org.publiccredit.search.index.Cursor;
import org.publiccredit.search.index.RebuildJob;

/**
 * How pages of the feeds reach an index and move its cursor, against stand-ins (IndexerFakes): the live record feed
 * writes a page while the next one is read, and its cursor moves only once the write has landed; a failed write leaves
 * the cursor where it was, so the page is applied again from it; one feed failing does not hold up the other; a rebuild
 * goes one page per feed and step, each subject with a summary as of the record feed's head.
 */
class FeedFollowerTest {

    private static final String LIVE = "subjects-live";

    private final IndexerFakes fakes = new IndexerFakes();
    private final FeedFollower follower = fakes.follower();

    private Pipeline live() {
        return new Pipeline(LIVE, fakes.meta.saveCursor(Cursor.start(LIVE, T0), null), null);
    }

    private long recordCursor() {
        return fakes.meta.cursor(LIVE).orElseThrow().cursor().recordSeq();
    }

    @Test
    void aLiveRecordPageIsWrittenWhileTheNextIsReadAndTheCursorMovesOnlyOnceItsWriteHasLanded() throws IOException {
        fakes.feeds.add(Feed.RECORD, recordChange(1, "s1"), recordChange(2, "s2"), recordChange(3, "s3"), recordChange(4, "s4"));
        Pipeline live = live();
        follower.track(live);

        follower.newTick();
        follower.follow(live, 2);

        assertThat(fakes.at("write record [1, 2] to " + LIVE)).isLessThan(fakes.at("landed record [1, 2]"));
        assertThat(fakes.at("landed record [1, 2]")).isLessThan(fakes.at("cursor " + LIVE + " subject=0 record=2"));
        assertThat(fakes.at("cursor " + LIVE + " subject=0 record=2")).as("the next page is written after the cursor moved")
                .isLessThan(fakes.at("write record [3, 4] to " + LIVE));
        assertThat(fakes.events("landed record [3, 4]")).as("still being written: not waited for yet").isEmpty();
        assertThat(recordCursor()).as("not past a page whose write has not landed").isEqualTo(2);
        assertThat(fakes.feeds.reads).as("the page fetched ahead is the one used").containsOnlyOnce("record 2 2");
        assertThat(follower.status().get(Feed.RECORD).lagSequence()).isEqualTo(2);
        assertThat(follower.liveApplied()).isTrue();
        assertThat(fakes.events("refresh ")).as("not at the head yet").isEmpty();

        follower.newTick();
        follower.follow(live, 2);

        assertThat(fakes.at("landed record [3, 4]")).isLessThan(fakes.at("cursor " + LIVE + " subject=0 record=4"));
        assertThat(fakes.at("cursor " + LIVE + " subject=0 record=4")).isLessThan(fakes.at("refresh " + LIVE));
        assertThat(fakes.events("refresh ")).as("at the head under a light load: searchable at once").hasSize(1);
        assertThat(fakes.events("write record")).hasSize(2);
        assertThat(recordCursor()).isEqualTo(4);
        assertThat(follower.status().get(Feed.RECORD).lagSequence()).isZero();
        assertThat(live.unpublished).isZero();
    }

    @Test
    void aFailedWriteLeavesTheCursorSoThePageIsAppliedAgainFromIt() throws IOException {
        fakes.feeds.add(Feed.RECORD, recordChange(1, "s1"), recordChange(2, "s2"));
        fakes.applier.failWrites = true;
        Pipeline live = live();
        follower.follow(live, 2);

        assertThatThrownBy(() -> follower.follow(live, 2)).as("the write is awaited before anything else").isInstanceOf(IOException.class)
                .hasMessage("bulk refused");
        assertThat(fakes.events("failed record [1, 2]")).hasSize(1);
        assertThat(recordCursor()).isZero();
        assertThat(fakes.events("cursor " + LIVE + " subject=0 record=2")).isEmpty();

        // the indexer opens the index again from its stored cursor (Indexer.failed, then IndexVersions.openLive)
        fakes.applier.failWrites = false;
        Pipeline reopened = new Pipeline(LIVE, fakes.meta.cursor(LIVE).orElseThrow(), null);
        follower.follow(reopened, 2);
        follower.follow(reopened, 2);

        assertThat(fakes.feeds.reads.stream().filter("record 0 2"::equals)).as("read again from the cursor").hasSize(2);
        assertThat(fakes.events("write record [1, 2] to " + LIVE)).as("applied again").hasSize(2);
        assertThat(fakes.at("landed record [1, 2]")).isLessThan(fakes.at("cursor " + LIVE + " subject=0 record=2"));
        assertThat(recordCursor()).isEqualTo(2);
    }

    @Test
    void aLightPageAtTheHeadIsSearchableInTheSameStep() throws IOException {
        Pipeline live = live();
        follower.follow(live, 2); // nothing yet: at both heads
        fakes.feeds.add(Feed.RECORD, recordChange(1, "s1"));
        fakes.applier.documentsPerWrite = FeedFollower.REFRESH_AT_HEAD_MAX;

        follower.follow(live, 2);

        assertThat(recordCursor()).isEqualTo(1);
        assertThat(fakes.at("cursor " + LIVE + " subject=0 record=1")).isLessThan(fakes.at("refresh " + LIVE));
        assertThat(live.pending).isNull();
    }

    @Test
    void aHeavyPageAtTheHeadIsLeftToTheScheduledRefresh() throws IOException {
        Pipeline live = live();
        follower.follow(live, 2);
        fakes.feeds.add(Feed.RECORD, recordChange(1, "s1"));
        fakes.applier.documentsPerWrite = FeedFollower.REFRESH_AT_HEAD_MAX + 1;

        follower.follow(live, 2);

        assertThat(live.pending).as("still being written when the step ends").isNotNull();
        assertThat(fakes.events("landed ")).isEmpty();
        assertThat(recordCursor()).isZero();
        assertThat(fakes.events("refresh ")).isEmpty();
    }

    @Test
    void aFeedThatCannotAnswerWaitsWhileTheOtherMovesOn() throws IOException {
        fakes.feeds.add(Feed.SUBJECT, subjectChange(1, "s1"));
        fakes.feeds.add(Feed.RECORD, recordChange(1, "s1"));
        fakes.feeds.down.add(Feed.SUBJECT);
        Pipeline live = live();
        follower.track(live);

        boolean ok = follower.follow(live, 2);
        follower.follow(live, 2);

        assertThat(ok).isFalse();
        assertThat(fakes.events("apply subject")).isEmpty();
        assertThat(recordCursor()).as("the record feed moved on").isEqualTo(1);
        assertThat(fakes.meta.cursor(LIVE).orElseThrow().cursor().subjectSeq()).isZero();
        assertThat(live.atHead.get(Feed.SUBJECT)).isFalse();
        assertThat(follower.status().get(Feed.SUBJECT).lastError()).startsWith("subject feed: ResourceAccessException");
        assertThat(follower.status().get(Feed.RECORD).lastError()).isNull();

        fakes.feeds.down.clear();
        assertThat(follower.follow(live, 2)).isTrue();
        assertThat(fakes.events("apply subject [1] to " + LIVE)).hasSize(1);
        assertThat(follower.status().get(Feed.SUBJECT).lastError()).as("cleared by the next page").isNull();
    }

    @Test
    void aRebuildTakesOnePagePerFeedAndStepWithoutPipeliningAndWithSummariesAsOfTheRecordHead() throws IOException {
        fakes.feeds.add(Feed.SUBJECT, subjectChange(1, "s1"), subjectChange(2, "s2"), subjectChange(3, "s3"), subjectChange(4, "s4"),
                subjectChange(5, "s5"));
        fakes.feeds.add(Feed.RECORD, recordChange(5, "s1"), recordChange(6, "s1"), recordChange(7, "s2"));
        String name = "subjects-new";
        RebuildJob job = RebuildJob.requested("job-1", "requested", "admin1", T0).running(name, LIVE, T0);
        // the record feed from its head when the rebuild started (5)
        Pipeline rebuild = new Pipeline(name, fakes.meta.saveCursor(Cursor.start(name, T0).advance(0, 5, T0), null), job);

        follower.newTick();
        follower.follow(rebuild, 2);

        assertThat(fakes.events("apply subject")).containsExactly("apply subject [1, 2] to " + name);
        assertThat(fakes.applier.reflects).as("new subjects' summaries reflect the record feed up to its head").containsExactly(5L);
        assertThat(fakes.events("apply record")).containsExactly("apply record [6, 7] to " + name);
        assertThat(fakes.events("write record")).as("a rebuild writes its record pages at once").isEmpty();
        assertThat(fakes.events("cursor " + name)).containsExactly("cursor " + name + " subject=0 record=5",
                "cursor " + name + " subject=2 record=5", "cursor " + name + " subject=2 record=7");
        assertThat(rebuild.caughtUp()).isFalse();
        assertThat(rebuild.head.get(Feed.SUBJECT)).isEqualTo(5);
        assertThat(follower.liveApplied()).as("the public sees nothing of a rebuild").isFalse();
        assertThat(fakes.events("refresh ")).isEmpty();
    }

    @Test
    void theCursorGoesToThePagesLastSeqAndNeverBack() {
        assertThat(FeedFollower.lastSeq(new ChangePage(List.of(), 9, false, 9L), 3)).as("an empty page leaves it").isEqualTo(3);
        assertThat(FeedFollower.lastSeq(new ChangePage(List.of(recordChange(4, "s"), recordChange(5, "s")), 7, true, 9L), 3))
                .as("past changes the feed left out of the page").isEqualTo(7);
        assertThat(FeedFollower.lastSeq(new ChangePage(List.of(recordChange(6, "s")), 2, false, null), 3)).isEqualTo(6);
        assertThat(FeedFollower.lastSeq(new ChangePage(List.of(recordChange(2, "s")), 2, false, null), 3)).isEqualTo(3);
    }
}
