package org.publiccredit.search.indexer;

import java.io.IOException;
import java.time.Clock;
import java.time.Instant;
import java.util.UUID;
import org.publiccredit.search.feed.Feed;
import org.publiccredit.search.feed.FeedClient;
import org.publiccredit.search.index.Cursor;
import org.publiccredit.search.index.MetaStore;
import org.publiccredit.search.index.MetaStore.VersionedCursor;
import org.publiccredit.search.index.RebuildJob;
import org.publiccredit.search.index.SubjectIndex;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Which concrete index the alias points to, and new ones built beside it: the live index with its cursor (a first one
 * from sequence 0 when there is none), and a rebuild into a new index from subject sequence 0 (each new subject comes
 * with its summary, so the record feed is followed from its head at the start) that takes the alias in one atomic
 * action once it has caught up with both feeds, under traffic; the old index is deleted then. The pages themselves are
 * pulled by {@link FeedFollower}, the same code path as the live index.
 */
@Component
class IndexVersions {

    private static final Logger log = LoggerFactory.getLogger(IndexVersions.class);

    private final SubjectIndex index;
    private final MetaStore meta;
    private final FeedClient feeds;
    private final Clock clock;
    private Instant nextProgressSave = Instant.EPOCH;

    IndexVersions(SubjectIndex index, MetaStore meta, FeedClient feeds, Clock clock) {
        this.index = index;
        this.meta = meta;
        this.feeds = feeds;
        this.clock = clock;
    }

    /** The index the alias points to, with its cursor; a new one from 0 when there is none (first start, or lost). */
    Pipeline openLive() throws IOException {
        meta.ensureIndex();
        var targets = index.aliasTargets();
        String current = targets.isEmpty() ? null : targets.getLast();
        Instant now = clock.instant();
        VersionedCursor cursor;
        if (current == null) {
            current = index.newIndexName(now);
            log.info("no subject index behind alias {}: creating {} and indexing from sequence 0", index.alias(), current);
            index.create(current);
            index.swapAlias(current, null);
            meta.deleteCursor(current);
            cursor = meta.saveCursor(Cursor.start(current, now), null);
        } else {
            String name = current;
            var stored = meta.cursor(name);
            if (stored.isPresent()) {
                cursor = stored.get();
            } else {
                log.info("no cursor for {}: replaying both feeds from 0 into it", name);
                cursor = meta.saveCursor(Cursor.start(name, now), null);
            }
            if (!index.currentMapping(name) && meta.activeJob().isEmpty()) {
                log.info("{} has an older mapping: rebuilding into a {} index", name, SubjectIndex.MAPPING_VERSION);
                meta.saveJob(RebuildJob.requested(UUID.randomUUID().toString(), "mapping-change", "indexer", now));
            }
        }
        return new Pipeline(current, cursor, null);
    }

    /** The pending or running rebuild, if any, with its new index and cursor; null when there is none. */
    Pipeline openRebuild(Pipeline live) throws IOException {
        var active = meta.activeJob();
        if (active.isEmpty()) {
            return null;
        }
        RebuildJob job = active.get();
        Instant now = clock.instant();
        if (job.state() == RebuildJob.State.RUNNING && job.index() != null && job.index().equals(live.index)) {
            // the swap happened but the job was not marked: finish the bookkeeping
            meta.saveJob(job.done(index.count(live.index), now));
            return null;
        }
        if (job.state() == RebuildJob.State.PENDING || job.index() == null || !index.exists(job.index())) {
            // the subject feed from 0, each subject with its summary of now: the record feed from its head of now
            // (read before the index is created: if record-service cannot answer, no index is left behind)
            long recordHead = recordHead();
            String name = index.newIndexName(now);
            index.create(name);
            index.refreshInterval(name, "-1"); // not searched before it takes over: no refreshes while it is filled
            meta.deleteCursor(name);
            VersionedCursor cursor = meta.saveCursor(Cursor.start(name, now).advance(0, recordHead, now), null);
            job = job.running(name, live.index, now);
            meta.saveJob(job);
            log.info("rebuild {} started: {} from subject sequence 0 with summaries reflecting record sequence {} (replacing {})",
                    job.id(), name, recordHead, live.index);
            return new Pipeline(name, cursor, job);
        }
        String name = job.index();
        VersionedCursor cursor = meta.cursor(name).orElse(null);
        if (cursor == null) {
            cursor = meta.saveCursor(Cursor.start(name, now), null);
        }
        log.info("rebuild {} resumed: {} at subject {} / record {}", job.id(), name, cursor.cursor().subjectSeq(), cursor.cursor().recordSeq());
        return new Pipeline(name, cursor, job);
    }

    /** The record feed's head (0 when the feed does not tell it: the rebuild then replays the record feed from 0). */
    private long recordHead() {
        Long head = feeds.changes(Feed.RECORD, 0, 1).headSeq();
        return head != null ? head : 0;
    }

    /** The rebuild's sequences and heads reached, written to its job about once a second (what its API shows). */
    void progressed(Pipeline rebuild) throws IOException {
        if (!clock.instant().isAfter(nextProgressSave)) {
            return;
        }
        nextProgressSave = clock.instant().plusSeconds(1);
        rebuild.job = reached(rebuild);
        meta.saveProgress(rebuild.job);
    }

    /**
     * The rebuilt index is at both feeds' heads: it takes the alias (the old index still exists until {@link #retire})
     * and its job is done. Returns the live pipeline on it, at the rebuild's cursor.
     */
    Pipeline swapIn(Pipeline next, Pipeline old) throws IOException {
        index.refreshInterval(next.index, SubjectIndex.REFRESH_INTERVAL);
        index.refresh(next.index);
        index.swapAlias(next.index, old.index);
        long docs = index.count(next.index);
        next.job = reached(next).done(docs, clock.instant());
        meta.saveJob(next.job);
        log.info("rebuild {} done: alias {} now on {} ({} documents); deleting {}", next.job.id(), index.alias(), next.index, docs, old.index);
        return new Pipeline(next.index, next.cursor, null);
    }

    /** The index the alias left, and its cursor, deleted. */
    void retire(Pipeline old, Pipeline live) throws IOException {
        if (!old.index.equals(live.index)) {
            index.delete(old.index);
            meta.deleteCursor(old.index);
        }
    }

    private static RebuildJob reached(Pipeline p) {
        return p.job.progress(p.seq(Feed.SUBJECT), p.seq(Feed.RECORD), p.head.get(Feed.SUBJECT), p.head.get(Feed.RECORD));
    }
}
