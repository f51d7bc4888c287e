package org.publiccredit.objection.moot;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.publiccredit.objection.cases.CaseService;
import org.publiccredit.objection.client.RecordEffect;
import org.publiccredit.objection.client.RecordFeed;
import org.publiccredit.objection.effect.EffectOutbox;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Follows record-service's change feed (docs/contracts.md) and ends the open cases whose record was revoked, corrected
 * or repaired by another path ({@link MootRule}): outcome WITHDRAWN_MOOT with the reason, a timeline line, the applicant's
 * mail. The cursor lives in {@code feed_cursor} and moves in the same transaction as the cases it ended, so a page is
 * applied once however often it is read (a failure rolls both back and the page is read again). The cursor row is locked
 * with SKIP LOCKED: with several instances one follows at a time.
 */
@Component
class RecordFeedFollower {

    private static final Logger log = LoggerFactory.getLogger(RecordFeedFollower.class);
    private static final String FEED = "record";
    private static final Set<String> RELEVANT = Set.of("ACTIVE", "DISPUTED", "REVOKED", "REPAIRED");

    private final RecordFeed feed;
    private final CaseService cases;
    private final EffectOutbox effects;
    private final JdbcClient jdbc;
    private final TransactionTemplate tx;
    private final Clock clock;
    private final int pageSize;
    private final Duration budget;
    private final Counter ended;

    RecordFeedFollower(RecordFeed feed, CaseService cases, EffectOutbox effects, JdbcClient jdbc, TransactionTemplate tx, Clock clock,
            MeterRegistry meters, @Value("${platform.moot.page-size:2000}") int pageSize,
            @Value("${platform.moot.tick-budget:3s}") Duration budget) {
        this.feed = feed;
        this.cases = cases;
        this.effects = effects;
        this.jdbc = jdbc;
        this.tx = tx;
        this.clock = clock;
        this.pageSize = pageSize;
        this.budget = budget;
        this.ended = Counter.builder("objection.cases.moot").description("cases ended as moot by a change of their record")
                .register(meters);
    }

    @Scheduled(initialDelayString = "${platform.moot.initial-delay:5s}", fixedDelayString = "${platform.moot.poll-interval:1s}")
    void follow() {
        Instant stop = clock.instant().plus(budget);
        try {
            boolean more = true;
            while (more && clock.instant().isBefore(stop)) {
                Boolean result = tx.execute(s -> step());
                more = Boolean.TRUE.equals(result);
            }
        } catch (RuntimeException e) {
            log.warn("following record-service's change feed failed (the cursor stays): {}", e.getClass().getSimpleName());
        }
    }

    /** One page: read, judge, end the moot cases, move the cursor. Returns whether more changes are ready. */
    private boolean step() {
        Optional<Long> cursor = jdbc.sql("SELECT last_seq FROM feed_cursor WHERE feed = :f FOR UPDATE SKIP LOCKED")
                .param("f", FEED).query(Long.class).optional();
        if (cursor.isEmpty()) {
            return false; // another instance follows right now
        }
        RecordFeed.Page page = feed.changes(cursor.get(), pageSize);
        List<RecordFeed.Change> relevant = page.changes().stream()
                .filter(c -> "RECORD".equals(c.entityType()) && c.entityId() != null && RELEVANT.contains(c.state())
                        && !"RULE_CHANGED".equals(c.kind()) && !firstVersion(c))
                .toList();
        if (!relevant.isEmpty()) {
            apply(relevant);
        }
        if (page.lastSeq() != cursor.get()) {
            jdbc.sql("UPDATE feed_cursor SET last_seq = :s, updated_at = :now WHERE feed = :f")
                    .param("s", page.lastSeq()).param("now", clock.instant().atOffset(ZoneOffset.UTC)).param("f", FEED).update();
        }
        return page.hasMore();
    }

    /**
     * A record's first version, active: no case can be open against it yet (a case is filed against a version that
     * exists, and MootRule ends none for a version at or below it). A batch of new records is most of the feed, and
     * skipping them saves looking up cases for every page of it.
     */
    static boolean firstVersion(RecordFeed.Change c) {
        return "ACTIVE".equals(c.state()) && c.version() != null && c.version() == 1;
    }

    private record Open(UUID id, String recordId, Integer recordVersion) {
    }

    private void apply(List<RecordFeed.Change> changes) {
        List<String> recordIds = new ArrayList<>(new HashSet<>(changes.stream().map(RecordFeed.Change::entityId).toList()));
        Map<String, Open> open = new HashMap<>();
        jdbc.sql("""
                SELECT id, record_id, record_version FROM credit_case
                WHERE record_id IN (:ids) AND state IN ('SUBMITTED','ACCEPTED','VERIFYING','REVIEWED')
                """)
                .param("ids", recordIds)
                .query((rs, n) -> new Open(rs.getObject("id", UUID.class), rs.getString("record_id"),
                        (Integer) rs.getObject("record_version")))
                .list().forEach(o -> open.put(o.recordId(), o));
        for (RecordFeed.Change change : changes) {
            Open c = open.get(change.entityId());
            if (c == null) {
                continue;
            }
            MootRule.OpenCase subject = new MootRule.OpenCase(true, c.recordVersion(), ownEffects(c.id()));
            Optional<MootRule.Cause> cause = MootRule.judge(subject,
                    new MootRule.RecordChange(change.kind(), change.state(), change.version()));
            if (cause.isEmpty()) {
                continue;
            }
            // the record still carries (or may yet get) this objection's dispute: clear it
            boolean mayBeDisputed = "DISPUTED".equals(change.state())
                    || ("ACTIVE".equals(change.state()) && effects.undelivered(c.id(), RecordEffect.DISPUTE));
            if (cases.endAsMoot(c.id(), cause.get().reason(), mayBeDisputed)) {
                ended.increment();
                log.info("case {} ended as moot: record {} is {} (feed seq {})", c.id(), change.entityId(), change.state(), change.seq());
            }
            open.remove(change.entityId());
        }
    }

    /** The effects the case planned that were not cancelled or refused (they are the case's own changes of the record). */
    private Set<String> ownEffects(UUID caseId) {
        Set<String> own = new HashSet<>();
        for (EffectOutbox.Status s : effects.statusOf(caseId)) {
            if (!"CANCELLED".equals(s.status()) && !"FAILED".equals(s.status())) {
                own.add(s.effect());
            }
        }
        return own;
    }
}
