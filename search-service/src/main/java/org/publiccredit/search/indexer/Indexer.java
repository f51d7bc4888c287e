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
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.publiccredit.search.config.SearchProperties;
import org.publiccredit.search.feed.ChangePage;
import org.publiccredit.search.feed.Feed;
import org.publiccredit.search.feed.FeedCalls;
import org.publiccredit.search.feed.FeedClient;
import org.publiccredit.search.feed.Summary;
import org.publiccredit.search.index.Cursor;
import org.publiccredit.search.index.MetaStore;
import org.publiccredit.search.index.MetaStore.VersionedCursor;
import org.publiccredit.search.index.RebuildJob;
import org.publiccredit.search.index.SubjectIndex;
import org.publiccredit.search.indexer.IndexerPhases.Phase;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;
import org.springframework.web.client.RestClientException;

/**
 * The indexer: while this instance holds the lease, it pulls both change feeds into the live index (the one the
 * alias points to) and, when a rebuild is asked for, into a new index from subject sequence 0 with the same code path
 * (there each new subject comes with its summary, so the record feed is followed from its head at the start);
 * once the new index has caught up with both feeds the alias is swapped in one atomic action and the old index
 * deleted. Cursors live in the meta index, written after each applied page, so a restart of this service, of
 * Redis or of Elasticsearch resumes where it stopped and loses nothing (a lost index loses its cursor too and is
 * built again from 0). Instances without the lease only serve reads.
 */
@Component
public class Indexer implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(Indexer.class);
    private static final Duration STEP_BUDGET = Duration.ofSeconds(1);
    private static final Duration REFRESH_SCAN = Duration.ofSeconds(2);
    private static final int REFRESH_BATCH = 200;
    /** At most this many documents written since the last time at the feeds' head get an explicit refresh there. */
    static final int REFRESH_AT_HEAD_MAX = 100;

    private final IndexerLease lease;
    private final ChangeApplier applier;
    private final SubjectIndex index;
    private final MetaStore meta;
    private final FeedClient feeds;
    private final SearchProperties properties;
    private final Clock clock;
    private final IndexerPhases phases;
    private final Map<Feed, FeedStatus> status = new EnumMap<>(Feed.class);
    private final Map<Feed, Counter> applied = new EnumMap<>(Feed.class);
    private final Map<Feed, Counter> documents = new EnumMap<>(Feed.class);
    private ScheduledExecutorService executor;
    private volatile boolean running;

    // state of the active indexer; touched only by the indexer thread (volatile for the health indicator)
    private volatile Pipeline live;
    private volatile Pipeline rebuild;
    private volatile String lastError;
    private Instant nextRefreshScan = Instant.EPOCH;
    private Instant nextJobSave = Instant.EPOCH;
    private int failures;
    private boolean liveBehind;
    /** Whether this tick applied changes to the live index: under a steady load the next tick starts at once. */
    private boolean liveApplied;
    private Instant pausedUntil = Instant.EPOCH;

    Indexer(IndexerLease lease, ChangeApplier applier, SubjectIndex index, MetaStore meta, FeedClient feeds,
            SearchProperties properties, Clock clock, IndexerPhases phases, MeterRegistry registry) {
        this.lease = lease;
        this.applier = applier;
        this.index = index;
        this.meta = meta;
        this.feeds = feeds;
        this.properties = properties;
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

    /**
     * A page being fetched ahead: {@code after} and {@code limit} it was asked with; for the live record feed also the
     * summaries of its subjects, asked for once it has been read (null when not).
     */
    record Prefetch(long after, int limit, CompletableFuture<ChangePage> page, CompletableFuture<Map<String, Summary>> summaries) {

        Prefetch(long after, int limit, CompletableFuture<ChangePage> page) {
            this(after, limit, page, null);
        }
    }

    /**
     * A record page of the live index whose bulk request is still running: the cursor moves past it (and its counters
     * count it) once the write has landed ({@link #finishPending}).
     */
    record Pending(ChangeApplier.PendingWrite write, ChangePage page, long last) {
    }

    /** One concrete index being filled, with its cursor (and its rebuild job, if it is a rebuild). */
    static final class Pipeline {
        final String index;
        VersionedCursor cursor;
        RebuildJob job;
        final Map<Feed, Boolean> atHead = new EnumMap<>(Map.of(Feed.SUBJECT, false, Feed.RECORD, false));
        final Map<Feed, Long> head = new EnumMap<>(Map.of(Feed.SUBJECT, 0L, Feed.RECORD, 0L));
        /** The next page of a feed, asked for while the current one is applied (live backlog only). */
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

        long seq(Feed f) {
            return f == Feed.SUBJECT ? cursor.cursor().subjectSeq() : cursor.cursor().recordSeq();
        }

        boolean caughtUp() {
            return atHead.get(Feed.SUBJECT) && atHead.get(Feed.RECORD);
        }
    }

    @Override
    public void start() {
        executor = Executors.newSingleThreadScheduledExecutor(Thread.ofPlatform().name("indexer").daemon().factory());
        running = true;
        executor.schedule(this::loop, 500, TimeUnit.MILLISECONDS);
    }

    /** One tick, then the next: at once while the live index is behind a feed, else after the poll interval. */
    private void loop() {
        if (!running) {
            return;
        }
        liveBehind = false;
        liveApplied = false;
        try {
            tick();
        } catch (RuntimeException e) {
            log.warn("indexer tick failed: {}", describe(e));
        }
        try {
            // changes keep coming: look again at once (waiting the poll interval added up to 250 ms to what the public
            // sees); the poll interval only once a tick found nothing
            boolean again = liveBehind || liveApplied;
            executor.schedule(this::loop, again ? 0 : properties.pollInterval().toMillis(), TimeUnit.MILLISECONDS);
        } catch (java.util.concurrent.RejectedExecutionException e) {
            // stopping
        }
    }

    @Override
    public void stop() {
        running = false;
        if (executor != null) {
            executor.shutdown();
            try {
                executor.awaitTermination(10, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        lease.release();
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    void tick() {
        Instant now = clock.instant();
        if (now.isBefore(pausedUntil)) {
            return;
        }
        if (!lease.hold()) {
            if (live != null) {
                log.info("not the active indexer any more: serving reads only");
            }
            standby();
            return;
        }
        try {
            if (live == null) {
                live = openLive();
            }
            if (rebuild == null) {
                rebuild = openRebuild();
            }
            boolean ok = follow(live, properties.batchSize(), true);
            if (rebuild != null) {
                Instant deadline = clock.instant().plus(STEP_BUDGET);
                do {
                    follow(rebuild, properties.rebuildBatchSize(), false);
                    // live changes between rebuild pages: a rebuild must not delay what the public sees
                    ok &= follow(live, properties.batchSize(), true);
                } while (!rebuild.caughtUp() && clock.instant().isBefore(deadline));
                if (rebuild.caughtUp()) {
                    finishPending(live);
                    takeOver();
                } else {
                    liveBehind = true; // the rebuild goes on at once, not after the poll interval
                    if (clock.instant().isAfter(nextJobSave)) {
                        saveProgress(rebuild);
                    }
                }
            }
            if (clock.instant().isAfter(nextRefreshScan)) {
                nextRefreshScan = clock.instant().plus(REFRESH_SCAN);
                finishPending(live);
                applier.refreshDue(live.index, REFRESH_BATCH);
                if (rebuild != null) {
                    applier.refreshDue(rebuild.index, REFRESH_BATCH);
                }
            }
            if (ok) {
                failures = 0;
                lastError = null;
            }
        } catch (SubjectIndex.ConflictException e) {
            log.warn("another indexer wrote meanwhile ({}); stepping back", e.getMessage());
            lease.release();
            standby();
        } catch (Exception e) {
            failed(e);
        }
    }

    private void standby() {
        live = null;
        rebuild = null;
        status.values().forEach(FeedStatus::standby);
    }

    private void failed(Exception e) {
        failures++;
        String what = describe(e);
        if (!what.equals(lastError)) {
            log.warn("indexer step failed, will retry from the cursor: {}", what);
        }
        lastError = what;
        // state is read again from Elasticsearch next time (an index may have been lost meanwhile)
        live = null;
        rebuild = null;
        pausedUntil = clock.instant().plusMillis(Math.min(5_000, 250L * (1L << Math.min(failures, 5))));
    }

    /**
     * Pulls each feed, page by page, into the pipeline's index, saving the cursor after each page. Returns false
     * when a feed failed (the other one still moves on).
     */
    private boolean follow(Pipeline p, int limit, boolean isLive) throws IOException {
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
                    more = pullOnce(p, feed, limit, isLive);
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

    private boolean pullOnce(Pipeline p, Feed feed, int limit, boolean isLive) throws IOException {
        boolean pipelined = isLive && feed == Feed.RECORD && p.job == null;
        Prefetch ahead = p.prefetch.get(feed);
        finishPending(p); // every read and write of the index comes after the last page's write
        long from = p.seq(feed);
        ChangePage page = nextPage(p, feed, from, limit);
        CompletableFuture<Map<String, Summary>> summaries = pipelined && ahead != null && ahead.after() == from && ahead.limit() == limit
                ? ahead.summaries() : null;
        if (page.hasMore() && !page.changes().isEmpty()) {
            // a backlog: fetch the next page while this one is applied (used only if the cursor lands on its start)
            long after = page.lastSeq();
            p.prefetch.put(feed, pipelined ? prefetchRecords(p, after, limit, true)
                    : new Prefetch(after, limit, FeedCalls.start(() -> feeds.changes(feed, after, limit))));
        }
        long last = from;
        for (var c : page.changes()) {
            last = Math.max(last, c.seq());
        }
        last = Math.max(last, page.changes().isEmpty() ? from : page.lastSeq());
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
            counted(p, feed, page, written, isLive);
        }
        advance(p, feed, page, from, last, isLive);
        return page.hasMore();
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

    /**
     * Waits for the live record page being written, then moves the cursor past it; a failed write is thrown (the tick
     * fails, and the page is applied again from the cursor).
     */
    private void finishPending(Pipeline p) throws IOException {
        Pending done = p.pending;
        if (done == null) {
            return;
        }
        p.pending = null;
        int written = done.write().await();
        counted(p, Feed.RECORD, done.page(), written, true);
        advance(p, Feed.RECORD, done.page(), p.seq(Feed.RECORD), done.last(), true);
    }

    private void counted(Pipeline p, Feed feed, ChangePage page, int written, boolean isLive) {
        applied.get(feed).increment(page.changes().size());
        documents.get(feed).increment(written);
        if (isLive) {
            p.unpublished += written;
            liveApplied = true;
        }
    }

    private void advance(Pipeline p, Feed feed, ChangePage page, long from, long last, boolean isLive) throws IOException {
        if (last != from) {
            Cursor c = p.cursor.cursor();
            Cursor next = feed == Feed.SUBJECT ? c.advance(last, c.recordSeq(), clock.instant())
                    : c.advance(c.subjectSeq(), last, clock.instant());
            p.cursor = meta.saveCursor(next, p.cursor);
        }
        p.atHead.put(feed, !page.hasMore());
        long head = page.headSeq() != null ? Math.max(page.headSeq(), last) : page.hasMore() ? page.lastSeq() : last;
        p.head.put(feed, Math.max(p.head.get(feed), head));
        if (isLive) {
            status.get(feed).applied(last, page.headSeq(), page.lastSeq(), page.hasMore(), clock.instant());
        }
    }

    /**
     * For a rebuild: the record feed seq a summary fetched now reflects (its cursor, or a head read since); every
     * change up to it was committed before it was read (commons' ChangeLogOrder). Null for the live index, whose
     * new subjects get their summaries from the record changes that follow them.
     */
    private static Long summariesReflect(Pipeline p) {
        return p.job == null ? null : Math.max(p.seq(Feed.RECORD), p.head.get(Feed.RECORD));
    }

    private ChangePage nextPage(Pipeline p, Feed feed, long from, int limit) {
        Prefetch ahead = p.prefetch.remove(feed);
        if (ahead != null && ahead.after() == from && ahead.limit() == limit) {
            return phases.time(Phase.FEED, () -> FeedCalls.join(ahead.page())); // only the wait for it, if any
        }
        return phases.time(Phase.FEED, () -> feeds.changes(feed, from, limit));
    }

    /** The index the alias points to, with its cursor; a new one from 0 when there is none (first start, or lost). */
    private Pipeline openLive() throws IOException {
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
        Pipeline p = new Pipeline(current, cursor, null);
        status.get(Feed.SUBJECT).reset(p.seq(Feed.SUBJECT), now);
        status.get(Feed.RECORD).reset(p.seq(Feed.RECORD), now);
        return p;
    }

    /** The pending or running rebuild, if any, with its new index and cursor. */
    private Pipeline openRebuild() throws IOException {
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

    private void saveProgress(Pipeline p) throws IOException {
        nextJobSave = clock.instant().plusSeconds(1);
        p.job = p.job.progress(p.seq(Feed.SUBJECT), p.seq(Feed.RECORD), p.head.get(Feed.SUBJECT), p.head.get(Feed.RECORD));
        meta.saveProgress(p.job);
    }

    /** The rebuilt index is at both feeds' heads: it takes the alias, the old index goes. */
    private void takeOver() throws IOException {
        Pipeline next = rebuild;
        Pipeline old = live;
        index.refreshInterval(next.index, SubjectIndex.REFRESH_INTERVAL);
        index.refresh(next.index);
        index.swapAlias(next.index, old.index);
        long docs = index.count(next.index);
        next.job = next.job.progress(next.seq(Feed.SUBJECT), next.seq(Feed.RECORD), next.head.get(Feed.SUBJECT), next.head.get(Feed.RECORD))
                .done(docs, clock.instant());
        meta.saveJob(next.job);
        live = new Pipeline(next.index, next.cursor, null);
        rebuild = null;
        Instant now = clock.instant();
        status.get(Feed.SUBJECT).reset(live.seq(Feed.SUBJECT), now);
        status.get(Feed.RECORD).reset(live.seq(Feed.RECORD), now);
        log.info("rebuild {} done: alias {} now on {} ({} documents); deleting {}", next.job.id(), index.alias(), next.index, docs, old.index);
        if (!old.index.equals(next.index)) {
            index.delete(old.index);
            meta.deleteCursor(old.index);
        }
    }

    private static String describe(Throwable e) {
        String m = e.getMessage();
        if (m != null && m.length() > 200) {
            m = m.substring(0, 200);
        }
        return e.getClass().getSimpleName() + (m != null ? ": " + m.replaceAll("[\\r\\n]", " ") : "");
    }

    // --- for the health indicator -----------------------------------------------------------

    boolean active() {
        return lease.held() && live != null;
    }

    String liveIndex() {
        Pipeline p = live;
        return p != null ? p.index : null;
    }

    RebuildJob rebuildJob() {
        Pipeline p = rebuild;
        return p != null ? p.job : null;
    }

    Map<Feed, FeedStatus> feeds() {
        return status;
    }

    String lastError() {
        return lastError;
    }

    IndexerLease lease() {
        return lease;
    }
}
