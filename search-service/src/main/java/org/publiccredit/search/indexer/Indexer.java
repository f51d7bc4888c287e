package org.publiccredit.search.indexer;

import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.publiccredit.search.config.SearchProperties;
import org.publiccredit.search.feed.Feed;
import org.publiccredit.search.index.RebuildJob;
import org.publiccredit.search.index.SubjectIndex;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * The indexer: while this instance holds the lease, each tick pulls both change feeds into the live index (the one the
 * alias points to, {@link FeedFollower}) and, when a rebuild is asked for, pages of the rebuild between live pages
 * until the new index has caught up and takes the alias ({@link IndexVersions}). Cursors live in the meta index,
 * written after each applied page, so a restart of this service, of Redis or of Elasticsearch resumes where it stopped
 * and loses nothing (a lost index loses its cursor too and is built again from 0). A failed step is tried again from
 * the cursor, after a back-off. A live index that has been quiet for a while is merged into one segment
 * ({@link IndexUpkeep}). Instances without the lease only serve reads.
 */
@Component
public class Indexer implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(Indexer.class);
    private static final Duration REFRESH_SCAN = Duration.ofSeconds(2);
    private static final int REFRESH_BATCH = 200;

    private final IndexerLease lease;
    private final FeedFollower follower;
    private final IndexVersions versions;
    private final ChangeApplier applier;
    private final IndexUpkeep upkeep;
    private final BulkPacing pacing;
    private final SearchProperties properties;
    private final Clock clock;
    private ScheduledExecutorService executor;
    private volatile boolean running;

    // state of the active indexer; touched only by the indexer thread (volatile for the health indicator)
    private volatile Pipeline live;
    private volatile Pipeline rebuild;
    private volatile String lastError;
    private Instant nextRefreshScan = Instant.EPOCH;
    private int failures;
    /** Whether this tick left a rebuild unfinished: it goes on at once, not after the poll interval. */
    private boolean rebuildGoesOn;
    private Instant pausedUntil = Instant.EPOCH;

    Indexer(IndexerLease lease, FeedFollower follower, IndexVersions versions, ChangeApplier applier, IndexUpkeep upkeep,
            BulkPacing pacing, SearchProperties properties, Clock clock) {
        this.lease = lease;
        this.follower = follower;
        this.versions = versions;
        this.applier = applier;
        this.upkeep = upkeep;
        this.pacing = pacing;
        this.properties = properties;
        this.clock = clock;
    }

    @Override
    public void start() {
        executor = Executors.newSingleThreadScheduledExecutor(Thread.ofPlatform().name("indexer").daemon().factory());
        running = true;
        executor.schedule(this::loop, 500, TimeUnit.MILLISECONDS);
    }

    /**
     * One tick, then the next: at once while the live index is behind a feed (after a rest while the backlog is a bulk
     * load's, {@link BulkPacing}), else after the poll interval.
     */
    private void loop() {
        if (!running) {
            return;
        }
        try {
            tick();
        } catch (RuntimeException e) {
            log.warn("indexer tick failed: {}", FeedFollower.describe(e));
        }
        try {
            // changes keep coming: look again at once (waiting the poll interval added up to 250 ms to what the public
            // sees); the poll interval only once a tick found nothing
            boolean again = follower.liveBehind() || follower.liveApplied() || rebuildGoesOn;
            long delay = !again ? properties.pollInterval().toMillis()
                    : rebuildGoesOn ? 0 : pacing.restBeforeNextTick(follower.status(), clock).toMillis();
            executor.schedule(this::loop, delay, TimeUnit.MILLISECONDS);
        } catch (RejectedExecutionException e) {
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
        follower.newTick();
        rebuildGoesOn = false;
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
                live = versions.openLive();
                follower.track(live);
            }
            if (rebuild == null) {
                rebuild = versions.openRebuild(live);
            }
            boolean ok = follower.follow(live, properties.batchSize());
            if (rebuild != null) {
                ok &= rebuildStep();
            }
            int refreshed = 0;
            if (clock.instant().isAfter(nextRefreshScan)) {
                nextRefreshScan = clock.instant().plus(REFRESH_SCAN);
                follower.finishPending(live);
                refreshed = applier.refreshDue(live.index, REFRESH_BATCH);
                if (rebuild != null) {
                    applier.refreshDue(rebuild.index, REFRESH_BATCH);
                }
            }
            upkeep.afterTick(live.index, follower.liveApplied() || follower.liveBehind() || refreshed > 0 || rebuild != null);
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

    /**
     * Rebuild pages for up to a step's budget, with the live changes between them (a rebuild must not delay what the
     * public sees); once the new index has caught up with both feeds it takes the alias. Returns false when a live
     * feed failed.
     */
    private boolean rebuildStep() throws IOException {
        boolean ok = true;
        Instant deadline = clock.instant().plus(FeedFollower.STEP_BUDGET);
        do {
            follower.follow(rebuild, properties.rebuildBatchSize());
            ok &= follower.follow(live, properties.batchSize());
        } while (!rebuild.caughtUp() && clock.instant().isBefore(deadline));
        if (rebuild.caughtUp()) {
            follower.finishPending(live);
            Pipeline old = live;
            live = versions.swapIn(rebuild, old);
            rebuild = null;
            follower.track(live);
            versions.retire(old, live);
        } else {
            rebuildGoesOn = true;
            versions.progressed(rebuild);
        }
        return ok;
    }

    private void standby() {
        live = null;
        rebuild = null;
        follower.standby();
        applier.forgetReflected();
    }

    private void failed(Exception e) {
        failures++;
        String what = FeedFollower.describe(e);
        if (!what.equals(lastError)) {
            log.warn("indexer step failed, will retry from the cursor: {}", what);
        }
        lastError = what;
        // state is read again from Elasticsearch next time (an index may have been lost meanwhile)
        live = null;
        rebuild = null;
        pausedUntil = clock.instant().plusMillis(backoffMillis(failures));
    }

    /** How long the indexer waits after this many failed steps in a row: 0.5 s, doubling, at most 5 s. */
    static long backoffMillis(int failures) {
        return Math.min(5_000, 250L * (1L << Math.min(failures, 5)));
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
        return follower.status();
    }

    String lastError() {
        return lastError;
    }

    IndexerLease lease() {
        return lease;
    }

    IndexUpkeep upkeep() {
        return upkeep;
    }
}
