package org.publiccredit.search.indexer;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.publiccredit.search.feed.ChangePage;
import org.publiccredit.search.feed.Feed;
import org.publiccredit.search.feed.FeedCalls;
import org.publiccredit.search.feed.FeedClient;
import org.publiccredit.search.feed.Summary;
import org.publiccredit.search.index.Cursor;
import org.publiccredit.search.index.MetaStore;
import org.publiccredit.search.index.SubjectIndex;
import org.publiccredit.search.indexer.IndexerPhases.Phase;
import org.publiccredit.search.indexer.Pipeline.Pending;
import org.publiccredit.search.indexer.Pipeline.Prefetch;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.web.client.RestClientException;

/**
 * Pulls both change feeds, page by page, into one pipeline's index: the live index or a rebuild, with the same code
 * path. The cursor is saved after each applied page, never before its write has landed, so a failed step is applied
 * again from the cursor. In a backlog the next page is asked for while the current one is applied; the live record
 * feed also writes one page while the next one is read and summarised. Keeps the live index's lag per feed and the
 * counts of changes and documents applied.
 */
@Component
class FeedFollower {

    private static final Logger log = LoggerFactory.getLogger(FeedFollower.class);
    /** How long the live index follows a feed's backlog per tick (and a rebuild pages on, between live pages). */
    static final Duration STEP_BUDGET = Duration.ofSeconds(1);
    /** At most this many documents written since the last time at the feeds' head get an explicit refresh there. */
    static final int REFRESH_AT_HEAD_MAX = 100;

    private final ChangeApplier applier;
    private final SubjectIndex index;
    private final MetaStore meta;
    private final FeedClient feeds;
    private final Clock clock;
    private final IndexerPhases phases;
    private final Map<Feed, FeedStatus> status = new EnumMap<>(Feed.class);
    private final Map<Feed, Counter> applied = new EnumMap<>(Feed.class);
    private final Map<Feed, Counter> documents = new EnumMap<>(Feed.class);
    // what this tick did to the live index; touched only by the indexer thread
    private boolean liveBehind;
    private boolean liveApplied;

    FeedFollower(ChangeApplier applier, SubjectIndex index, MetaStore meta, FeedClient feeds, Clock clock, IndexerPhases phases,
            MeterRegistry registry) {
        this.applier = applier;
        this.index = index;
        this.meta = meta;
        this.feeds = feeds;
        this.clock = clock;
        this.phases = phases;
        for (Feed f : Feed.values()) {
            FeedStatus s = new FeedStatus();
            status.put(f, s);
            Gauge.builder("search.indexer.lag.sequence", s, x -> x.active() ? x.lagSequence() : Double.NaN)
                    .tag("feed", f.tag()).description("changes of the feed not yet in the live index").register(registry);
            Gauge.builder("search.indexer.lag.seconds", s, x -> x.lagSeconds(clock))
                    .tag("feed", f.tag()).description("seconds since the live index last was at the feed's head").register(registry);
            applied.put(f, Counter.builder("search.indexer.changes").tag("feed", f.tag())
                    .description("changes applied (live and rebuild)").register(registry));
            documents.put(f, Counter.builder("search.indexer.documents").tag("feed", f.tag())
                    .description("subject documents written or deleted for the feed's changes (live and rebuild)").register(registry));
        }
    }

    /** A new tick: what it does to the live index is told by {@link #liveBehind()} and {@link #liveApplied()}. */
    void newTick() {
        liveBehind = false;
        liveApplied = false;
    }

    /** Whether a feed of the live index still had changes ready when this tick's budget ran out. */
    boolean liveBehind() {
        return liveBehind;
    }

    /** Whether this tick applied changes to the live index (under a steady load the next tick starts at once). */
    boolean liveApplied() {
        return liveApplied;
    }

    /** The lag is measured from this live index's cursor now. */
    void track(Pipeline live) {
        Instant now = clock.instant();
        status.get(Feed.SUBJECT).reset(live.seq(Feed.SUBJECT), now);
        status.get(Feed.RECORD).reset(live.seq(Feed.RECORD), now);
    }

    /** Not the active indexer: no lag to tell. */
    void standby() {
        status.values().forEach(FeedStatus::standby);
    }

    /** The live index's lag per feed (health). */
    Map<Feed, FeedStatus> status() {
        return status;
    }

    /**
     * Pulls each feed, page by page, into the pipeline's index, saving the cursor after each page (the live index: for
     * up to {@link #STEP_BUDGET} per feed; a rebuild: one page per feed). Returns false when a feed failed (the other
     * one still moves on).
     */
    boolean follow(Pipeline p, int limit) throws IOException {
        boolean isLive = p.live();
        boolean allOk = true;
        Instant deadline = clock.instant().plus(STEP_BUDGET);
        if (p.pending != null && !p.prefetch.containsKey(Feed.RECORD)) {
            // the last record page is still being written: read the next one and have it summarised meanwhile
            p.prefetch.put(Feed.RECORD, prefetchRecords(p, p.pending.last(), limit, false));
        }
        for (Feed feed : Feed.values()) {
            try {
                boolean more;
                do {
                    more = pullOnce(p, feed, limit);
                } while (more && isLive && clock.instant().isBefore(deadline));
                if (more && isLive) {
                    liveBehind = true;
                }
            } catch (RestClientException e) {
                // the feed's service (or Keycloak) cannot answer: this feed waits, the other one moves on
                allOk = false;
                p.atHead.put(feed, false);
                String what = feed.tag() + " feed: " + describe(e);
                if (isLive) {
                    if (!what.equals(status.get(feed).lastError())) {
                        log.warn("cannot follow the {}", what);
                    }
                    status.get(feed).failed(what);
                }
            }
        }
        if (p.pending != null && p.caughtUp() && p.unpublished + p.pending.write().documents() <= REFRESH_AT_HEAD_MAX) {
            // a light load: what was just written is made searchable now (below), not one page later
            finishPending(p);
        }
        if (isLive && p.unpublished > 0 && p.caughtUp()) {
            if (p.unpublished <= REFRESH_AT_HEAD_MAX) {
                // at the feeds' head under a light load, what was just written becomes searchable now rather than at
                // the next scheduled refresh (up to refresh_interval = 1 s later)
                phases.time(Phase.REFRESH, () -> {
                    index.refresh(p.index);
                    return null;
                });
            }
            // under a steady load the scheduled refreshes publish it: a refresh per tick (up to 4/s, each one taking
            // 0.5 s of a loaded host and a new segment to merge) held the indexer back until it fell behind for good
            p.unpublished = 0;
        }
        return allOk;
    }

    /**
     * Waits for the live record page being written, then moves the cursor past it; a failed write is thrown (the tick
     * fails, and the page is applied again from the cursor).
     */
    void finishPending(Pipeline p) throws IOException {
        Pending done = p.pending;
        if (done == null) {
            return;
        }
        p.pending = null;
        int written = done.write().await();
        counted(p, Feed.RECORD, done.page(), written);
        advance(p, Feed.RECORD, done.page(), p.seq(Feed.RECORD), done.last());
    }

    private boolean pullOnce(Pipeline p, Feed feed, int limit) throws IOException {
        boolean pipelined = p.live() && feed == Feed.RECORD;
        Prefetch ahead = p.prefetch.get(feed);
        finishPending(p); // every read and write of the index comes after the last page's write
        long from = p.seq(feed);
        ChangePage page = nextPage(p, feed, from, limit);
        CompletableFuture<Map<String, Summary>> summaries = pipelined && ahead != null && ahead.answers(from, limit) ? ahead.summaries() : null;
        if (page.hasMore() && !page.changes().isEmpty()) {
            // a backlog: fetch the next page while this one is applied (used only if the cursor lands on its start)
            long after = page.lastSeq();
            p.prefetch.put(feed, pipelined ? prefetchRecords(p, after, limit, true)
                    : new Prefetch(after, limit, FeedCalls.start(() -> feeds.changes(feed, after, limit))));
        }
        long last = lastSeq(page, from);
        if (!page.changes().isEmpty() && pipelined) {
            // the write runs while the next page is read and summarised; the cursor moves once it has landed
            p.pending = new Pending(applier.applyRecordChanges(p.index, page.changes(), page.headSeq(), page.hasMore(), summaries, true),
                    page, last);
            liveApplied = true;
            return page.hasMore();
        }
        if (!page.changes().isEmpty()) {
            int written = feed == Feed.SUBJECT ? applier.applySubjectChanges(p.index, page.changes(), summariesReflect(p))
                    : applier.applyRecordChanges(p.index, page.changes(), page.headSeq(), page.hasMore());
            counted(p, feed, page, written);
        }
        advance(p, feed, page, from, last);
        return page.hasMore();
    }

    /** Where the cursor of a feed read {@code from} goes once the page is applied: its last seq, never back. */
    static long lastSeq(ChangePage page, long from) {
        long last = from;
        for (var c : page.changes()) {
            last = Math.max(last, c.seq());
        }
        return Math.max(last, page.changes().isEmpty() ? from : page.lastSeq());
    }

    /** The next record page of the live index, and (once read) the summaries of its subjects, fetched ahead. */
    private Prefetch prefetchRecords(Pipeline p, long after, int limit, boolean backlog) {
        CompletableFuture<ChangePage> page = FeedCalls.start(() -> feeds.changes(Feed.RECORD, after, limit));
        CompletableFuture<Map<String, Summary>> summaries = page.thenCompose(pg -> {
            CompletableFuture<Map<String, Summary>> s = applier.summariesAhead(p.index, pg.changes(), backlog || pg.hasMore());
            return s != null ? s : CompletableFuture.completedFuture(null);
        });
        // a failed read or summary call is not used: the page is read and summarised again when it is applied
        return new Prefetch(after, limit, page, summaries.exceptionally(e -> null));
    }

    private void counted(Pipeline p, Feed feed, ChangePage page, int written) {
        applied.get(feed).increment(page.changes().size());
        documents.get(feed).increment(written);
        if (p.live()) {
            p.unpublished += written;
            liveApplied = true;
        }
    }

    private void advance(Pipeline p, Feed feed, ChangePage page, long from, long last) throws IOException {
        if (last != from) {
            Cursor c = p.cursor.cursor();
            Cursor next = feed == Feed.SUBJECT ? c.advance(last, c.recordSeq(), clock.instant())
                    : c.advance(c.subjectSeq(), last, clock.instant());
            p.cursor = meta.saveCursor(next, p.cursor);
        }
        p.atHead.put(feed, !page.hasMore());
        long head = page.headSeq() != null ? Math.max(page.headSeq(), last) : page.hasMore() ? page.lastSeq() : last;
        p.head.put(feed, Math.max(p.head.get(feed), head));
        if (p.live()) {
            status.get(feed).applied(last, page.headSeq(), page.lastSeq(), page.hasMore(), clock.instant());
        }
    }

    /**
     * For a rebuild: the record feed seq a summary fetched now reflects (its cursor, or a head read since); every
     * change up to it was committed before it was read (commons' ChangeLogOrder). Null for the live index, whose
     * new subjects get their summaries from the record changes that follow them.
     */
    private static Long summariesReflect(Pipeline p) {
        return p.live() ? null : Math.max(p.seq(Feed.RECORD), p.head.get(Feed.RECORD));
    }

    private ChangePage nextPage(Pipeline p, Feed feed, long from, int limit) {
        Prefetch ahead = p.prefetch.remove(feed);
        if (ahead != null && ahead.answers(from, limit)) {
            return phases.time(Phase.FEED, () -> FeedCalls.join(ahead.page())); // only the wait for it, if any
        }
        return phases.time(Phase.FEED, () -> feeds.changes(feed, from, limit));
    }

    /** A failure in one log-safe line: its type and the start of its message, line breaks removed. */
    static String describe(Throwable e) {
        String m = e.getMessage();
        if (m != null && m.length() > 200) {
            m = m.substring(0, 200);
        }
        return e.getClass().getSimpleName() + (m != null ? ": " + m.replaceAll("[\\r\\n]", " ") : "");
    }
}
