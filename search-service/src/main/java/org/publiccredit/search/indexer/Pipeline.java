package org.publiccredit.search.indexer;

import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.publiccredit.search.feed.ChangePage;
import org.publiccredit.search.feed.Feed;
import org.publiccredit.search.feed.Summary;
import org.publiccredit.search.index.MetaStore.VersionedCursor;
import org.publiccredit.search.index.RebuildJob;

/**
 * One concrete index being filled from the feeds, with its cursor: the live index (the one the alias points to) or,
 * with its rebuild job, a rebuild. Touched only by the indexer thread.
 */
final class Pipeline {

    /**
     * A page being fetched ahead: {@code after} and {@code limit} it was asked with; for the live record feed also the
     * summaries of its subjects, asked for once it has been read (null when not).
     */
    record Prefetch(long after, int limit, CompletableFuture<ChangePage> page, CompletableFuture<Map<String, Summary>> summaries) {

        Prefetch(long after, int limit, CompletableFuture<ChangePage> page) {
            this(after, limit, page, null);
        }

        /** Whether it is the page a read {@code after} with {@code limit} asks for. */
        boolean answers(long from, int size) {
            return after == from && limit == size;
        }
    }

    /**
     * A record page of the live index whose bulk request is still running: the cursor moves past it (and its counters
     * count it) once the write has landed ({@link FeedFollower#finishPending}).
     *
     * @param last the record seq the cursor moves to then
     */
    record Pending(ChangeApplier.PendingWrite write, ChangePage page, long last) {
    }

    final String index;
    VersionedCursor cursor;
    /** The rebuild job; null for the live index. */
    RebuildJob job;
    final Map<Feed, Boolean> atHead = new EnumMap<>(Map.of(Feed.SUBJECT, false, Feed.RECORD, false));
    final Map<Feed, Long> head = new EnumMap<>(Map.of(Feed.SUBJECT, 0L, Feed.RECORD, 0L));
    /** The next page of a feed, asked for while the current one is applied (backlog only). */
    final Map<Feed, Prefetch> prefetch = new EnumMap<>(Feed.class);
    /** Documents written since the indexer last was at the feeds' head (live only). */
    int unpublished;
    /** The live record page being written while the next one is read and summarised, or null. */
    Pending pending;

    Pipeline(String index, VersionedCursor cursor, RebuildJob job) {
        this.index = index;
        this.cursor = cursor;
        this.job = job;
    }

    /** The live index: the one the public reads (a rebuild has its job). */
    boolean live() {
        return job == null;
    }

    /** The feed's last applied seq. */
    long seq(Feed f) {
        return f == Feed.SUBJECT ? cursor.cursor().subjectSeq() : cursor.cursor().recordSeq();
    }

    /** Whether the last page read of both feeds said no more were ready. */
    boolean caughtUp() {
        return atHead.get(Feed.SUBJECT) && atHead.get(Feed.RECORD);
    }
}
