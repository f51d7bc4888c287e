package org.publiccredit.record.monitoring;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;
import org.publiccredit.commons.feed.ChangeLogOrder;
import org.publiccredit.record.catalog.Catalog;
import org.publiccredit.record.catalog.CatalogEntry;
import org.publiccredit.record.catalog.RecordKind;
import org.publiccredit.record.catalog.Sharing;
import org.publiccredit.record.creditrecord.CreditRecord;
import org.publiccredit.record.creditrecord.RecordFeedPayload;
import org.publiccredit.record.creditrecord.RecordRepository;
import org.publiccredit.record.creditrecord.RecordState;
import org.publiccredit.record.creditrecord.TextColumns;
import org.publiccredit.record.publicity.Publicity;
import org.publiccredit.record.publicity.RecordViews;
import org.publiccredit.record.sharing.SharingGrants;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.json.JsonMapper;

/**
 * Follows record-service's {@code change_log} (the servable prefix of each page, as every feed reader:
 * {@code ChangeLogOrder.page}, so the position never passes a row it has not read) and turns the changes of WATCHED subjects into events for each
 * watching client, written to the outbox ({@code monitor_event}) in the same transaction as the follower's position —
 * so an event exists exactly once per change, whatever crashes. Replicas take turns (an advisory lock taken without a
 * transaction id, so no feed reader is held back while a batch is computed).
 * <p>
 * What a client is told is what it may see, as the exchange feed decides: the public view, or the shared view for a
 * 有条件共享 category its department holds a grant in force for.
 * <ul>
 * <li>NEW_LIST_ENTRY: a new red, black or abnormal-list record in force, visible to the client;
 * <li>SERIOUS_PENALTY: a new penalty of class 严重, visible to the client;
 * <li>REPAIRED / WITHDRAWN (revoked, or no longer visible): a list entry or 严重 penalty the client could see before;
 * <li>GRADE_CHANGED: an organisation's evaluation grade now differs from the grade last told the client (the grade when
 *     it was added, at first).
 * </ul>
 * Changes written before the subject was added to the client's list are no events; RULE_CHANGED rows only re-grade.
 */
@Component
class ChangeFollower {

    private static final Logger log = LoggerFactory.getLogger(ChangeFollower.class);
    /** The advisory lock replicas take turns with ("monitor" in ASCII). */
    private static final long LOCK = 0x6d6f6e69746f72L;

    private final JdbcClient jdbc;
    private final JdbcTemplate template;
    private final TransactionTemplate tx;
    private final JsonMapper json;
    private final Catalog catalog;
    private final RecordRepository records;
    private final RecordViews views;
    private final SharingGrants grants;
    private final Grades grades;
    private final EventSender sender;
    private final Outbox outbox;
    private final MonitoringProperties properties;
    private final Clock clock;

    ChangeFollower(JdbcClient jdbc, JdbcTemplate template, TransactionTemplate tx, JsonMapper json, Catalog catalog,
            RecordRepository records, RecordViews views, SharingGrants grants, Grades grades, EventSender sender,
            Outbox outbox, MonitoringProperties properties, Clock clock) {
        this.jdbc = jdbc;
        this.template = template;
        this.tx = tx;
        this.json = json;
        this.catalog = catalog;
        this.records = records;
        this.views = views;
        this.grants = grants;
        this.grades = grades;
        this.sender = sender;
        this.outbox = outbox;
        this.properties = properties;
        this.clock = clock;
    }

    /** One change_log row of a record, as written. */
    record Row(long seq, UUID recordId, String kind, Instant at, UUID subjectId, String category, RecordState state, int version,
            boolean publicNow) {
    }

    /** A client's watch of a subject. */
    private record Watch(String client, UUID subjectId, String kind, String code, String name, String lastGrade, Instant addedAt) {
    }

    /** An event to queue. */
    record Event(UUID eventId, String client, UUID subjectId, String subjectCode, String type, UUID recordId, long seq, Instant at,
            String body) {
    }

    @Scheduled(initialDelayString = "${platform.monitoring.initial-delay:5s}",
            fixedDelayString = "${platform.monitoring.follow-interval:100ms}")
    void follow() {
        if (!properties.enabled()) {
            return;
        }
        try {
            for (int i = 0; i < 50; i++) {
                long t0 = System.nanoTime();
                Integer rows = tx.execute(s -> step());
                stats.stepped(rows == null ? 0 : rows, System.nanoTime() - t0);
                analyzeAfterBursts();
                if (rows == null || rows < properties.followBatch()) {
                    return;
                }
            }
        } catch (RuntimeException e) {
            log.warn("monitoring: following the change log failed ({}); trying again", e.toString());
        }
    }

    private final StepStats stats = new StepStats();

    /**
     * Where the follower's time goes, one log line every 10 s while it works: steps, rows, events, and the time in the
     * whole transactions, reading the page, evaluating grades and writing the events.
     */
    private static final class StepStats {
        private long since = System.nanoTime();
        private long steps;
        private long rows;
        private long events;
        private long stepNanos;
        private long readNanos;
        private long gradeNanos;
        private long watchNanos;
        private long recordNanos;
        private long writeNanos;

        void stepped(int rows, long nanos) {
            if (rows == 0) {
                return;
            }
            steps++;
            this.rows += rows;
            stepNanos += nanos;
            long now = System.nanoTime();
            if (now - since > 10_000_000_000L) {
                log.info("monitoring follower: {} steps ({} ms), {} rows, {} events; reading {} ms, watches {} ms, records {} ms,"
                        + " grades {} ms, writing events {} ms", steps, stepNanos / 1_000_000, this.rows, events, readNanos / 1_000_000,
                        watchNanos / 1_000_000, recordNanos / 1_000_000, gradeNanos / 1_000_000, writeNanos / 1_000_000);
                since = now;
                steps = 0;
                this.rows = 0;
                events = 0;
                stepNanos = 0;
                readNanos = 0;
                gradeNanos = 0;
                watchNanos = 0;
                recordNanos = 0;
                writeNanos = 0;
            }
        }
    }

    private int queuedSinceAnalyze;
    private long analyzedAt;
    private final AtomicBoolean analyzing = new AtomicBoolean();

    /**
     * After 2,000 events queued (at most every 10 s): fresh statistics of the outbox, whose pending share swings from none
     * to tens of thousands within seconds, faster than autovacuum analyzes; with stale ones the planner scanned the partial
     * index of pending events whole for every claim (seconds per claim).
     */
    private void analyzeAfterBursts() {
        long now = System.nanoTime();
        if (queuedSinceAnalyze >= 2_000 && now - analyzedAt > 10_000_000_000L && analyzing.compareAndSet(false, true)) {
            queuedSinceAnalyze = 0;
            analyzedAt = now;
            // beside the follower, never in its way: on the loaded host the sample of the outbox took seconds, and the
            // follower queued nothing meanwhile (the first seconds of a burst, exactly when it is needed)
            Thread.ofVirtual().name("monitoring-analyze").start(() -> {
                try {
                    outbox.analyze();
                } catch (RuntimeException e) {
                    log.warn("monitoring: analyzing the outbox failed ({})", e.toString());
                } finally {
                    analyzing.set(false);
                }
            });
        }
    }

    /** One batch in one transaction; the number of rows read (0 when another replica holds the turn). */
    int step() {
        Boolean mine = jdbc.sql("SELECT pg_try_advisory_xact_lock(?)").param(LOCK).query(Boolean.class).single();
        if (!Boolean.TRUE.equals(mine)) {
            return 0;
        }
        CustomPlans.forThisTransaction(jdbc);
        long t0 = System.nanoTime();
        long after = jdbc.sql("SELECT last_seq FROM monitor_position WHERE id = 1").query(Long.class).single();
        List<Row> rows = jdbc.sql(ChangeLogOrder.page("seq, entity_id, change_kind, changed_at, payload::text", "entity_type = 'RECORD'"))
                .params(after, properties.followBatch())
                .query((rs, n) -> row(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getTimestamp(4).toInstant(), rs.getString(5)))
                .list();
        if (rows.isEmpty()) {
            return 0;
        }
        stats.readNanos += System.nanoTime() - t0;
        List<Event> events = events(rows);
        long t1 = System.nanoTime();
        stats.events += events.size();
        if (!events.isEmpty()) {
            // one statement, in the order given (the outbox's ids are the delivery order per subject)
            Instant giveUp = clock.instant().plus(properties.giveUpAfter());
            TextColumns c = new TextColumns(events.size(), 10);
            events.forEach(e -> c.add(e.eventId(), e.client(), e.subjectId(), e.subjectCode(), e.type(), e.recordId(), e.seq(),
                    e.body(), e.at(), giveUp));
            template.update(con -> c.bind(con.prepareStatement("""
                        INSERT INTO monitor_event (event_id, client_id, subject_id, subject_code, type, record_id, seq, body,
                                                   occurred_at, give_up_at, next_attempt_at)
                        SELECT u.event_id::uuid, u.client_id, u.subject_id::uuid, u.subject_code, u.type, u.record_id::uuid,
                               u.seq::bigint, u.body, u.occurred_at::timestamptz, u.give_up_at::timestamptz, now()
                        FROM unnest(?::text[], ?::text[], ?::text[], ?::text[], ?::text[], ?::text[], ?::text[], ?::text[],
                                    ?::text[], ?::text[]) WITH ORDINALITY
                            AS u(event_id, client_id, subject_id, subject_code, type, record_id, seq, body, occurred_at, give_up_at, n)
                        ORDER BY u.n"""), con));
        }
        jdbc.sql("UPDATE monitor_position SET last_seq = ?, moved_at = now() WHERE id = 1").param(rows.getLast().seq()).update();
        stats.writeNanos += System.nanoTime() - t1;
        if (!events.isEmpty()) {
            queuedSinceAnalyze += events.size();
            sender.wakeAfterCommit();
        }
        return rows.size();
    }

    /** A row as written: the payload read as {@link RecordFeedPayload} (older rows' extra fields are ignored). */
    private Row row(long seq, String entityId, String kind, Instant at, String payload) {
        RecordFeedPayload p = payload == null ? new RecordFeedPayload(null, null, null, null, null)
                : json.readValue(payload, RecordFeedPayload.class);
        return new Row(seq, UUID.fromString(entityId), kind, at, p.subjectId(), p.category(), p.state(),
                p.version() == null ? 0 : p.version(), Boolean.TRUE.equals(p.publicNow()));
    }

    /** The events of these rows, in seq order per client and subject (record events, then the batch's grade changes). */
    List<Event> events(List<Row> rows) {
        Set<UUID> subjects = new HashSet<>();
        rows.forEach(r -> {
            if (r.subjectId() != null) {
                subjects.add(r.subjectId());
            }
        });
        long w0 = System.nanoTime();
        Map<UUID, List<Watch>> watchers = new HashMap<>();
        jdbc.sql("""
                SELECT client_id, subject_id, subject_kind, subject_code, subject_name, last_grade, added_at FROM watch_subject
                WHERE subject_id = ANY(?)""").param(subjects.toArray(UUID[]::new))
                .query(rs -> {
                    Watch w = new Watch(rs.getString(1), rs.getObject(2, UUID.class), rs.getString(3), rs.getString(4), rs.getString(5),
                            rs.getString(6), rs.getTimestamp(7).toInstant());
                    watchers.computeIfAbsent(w.subjectId(), k -> new ArrayList<>()).add(w);
                });
        if (watchers.isEmpty()) {
            return List.of();
        }
        List<Row> watched = rows.stream().filter(r -> r.subjectId() != null && watchers.containsKey(r.subjectId())).toList();
        Map<String, Set<String>> granted = new HashMap<>();
        Set<String> clients = new HashSet<>();
        watchers.values().forEach(ws -> ws.forEach(w -> clients.add(w.client())));
        Map<String, String> departments = new HashMap<>();
        jdbc.sql("SELECT client_id, department FROM monitor_client WHERE client_id = ANY(?)").param(clients.toArray(String[]::new))
                .query(rs -> {
                    departments.put(rs.getString(1), rs.getString(2));
                });
        clients.forEach(c -> granted.put(c, grants.grantedToday(departments.get(c))));
        long w1 = System.nanoTime();
        stats.watchNanos += w1 - w0;
        Map<UUID, CreditRecord> current = new HashMap<>();
        records.findByIds(watched.stream().filter(r -> !"RULE_CHANGED".equals(r.kind())).map(Row::recordId).distinct().toList())
                .forEach(r -> current.put(r.id(), r));

        stats.recordNanos += System.nanoTime() - w1;
        List<Event> events = new ArrayList<>();
        // per watch: the last row of the batch that touched it (the grade is compared once per batch)
        Map<Watch, Row> touched = new LinkedHashMap<>();
        for (Row row : watched) {
            CatalogEntry entry = row.category() == null ? null : catalog.find(row.category()).orElse(null);
            CreditRecord record = current.get(row.recordId());
            Publicity publicity = record == null ? null : views.publicity(record);
            Map<String, Optional<Row>> previous = new HashMap<>();
            for (Watch w : watchers.get(row.subjectId())) {
                if (row.at().isBefore(w.addedAt())) {
                    continue; // written before the client watched the subject
                }
                touched.put(w, row);
                if (entry == null || record == null || "RULE_CHANGED".equals(row.kind()) || row.state() == null) {
                    continue;
                }
                String type = null;
                String reason = null;
                Set<String> clientGrants = granted.get(w.client());
                boolean visible = visible(entry, clientGrants, row.state(), row.publicNow(), publicity);
                boolean serious = entry.kind() == RecordKind.PENALTY && publicity != null && "严重".equals(publicity.severity());
                if (row.version() == 1) {
                    if (row.state().live() && visible) {
                        type = entry.kind().listEntry() ? "NEW_LIST_ENTRY" : serious ? "SERIOUS_PENALTY" : null;
                    }
                } else if (entry.kind().listEntry() || serious) {
                    boolean stateChange = row.state() == RecordState.REPAIRED || row.state() == RecordState.REVOKED
                            || (row.state().live() && !visible);
                    if (stateChange) {
                        Optional<Row> before = previous.computeIfAbsent("", k -> previous(row));
                        boolean wasVisible = before.isPresent() && before.get().state() != null
                                && visible(entry, clientGrants, before.get().state(), before.get().publicNow(), null);
                        if (wasVisible) {
                            if (row.state() == RecordState.REPAIRED) {
                                type = "REPAIRED";
                            } else {
                                type = "WITHDRAWN";
                                reason = row.state() == RecordState.REVOKED ? "REVOKED" : "NOT_PUBLIC";
                            }
                        }
                    }
                }
                if (type != null) {
                    Map<String, Object> extra = new LinkedHashMap<>();
                    extra.put("recordId", row.recordId());
                    extra.put("category", row.category());
                    if (reason != null) {
                        extra.put("reason", reason);
                    }
                    events.add(event(w, type, row, extra));
                }
            }
        }
        events.addAll(gradeEvents(touched));
        return events;
    }

    /** Whether a client sees a record in this state: the shared view (granted conditional category, in force) or the public one. */
    private static boolean visible(CatalogEntry entry, Set<String> granted, RecordState state, boolean publicNow, Publicity now) {
        if (entry.sharing() == Sharing.CONDITIONAL && granted != null && granted.contains(entry.code())) {
            return state.live() && (now == null || now.inForce());
        }
        return publicNow;
    }

    /** The record's row before this one (not a RULE_CHANGED one): what it was when last written. */
    private Optional<Row> previous(Row row) {
        return jdbc.sql("""
                SELECT seq, entity_id, change_kind, changed_at, payload::text FROM change_log
                WHERE entity_type = 'RECORD' AND entity_id = ? AND seq < ? AND change_kind <> 'RULE_CHANGED'
                ORDER BY seq DESC LIMIT 1""")
                .params(row.recordId().toString(), row.seq())
                .query((rs, n) -> row(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getTimestamp(4).toInstant(), rs.getString(5)))
                .optional();
    }

    /** GRADE_CHANGED for each touched organisation whose grade now differs from the last told; the new grade is kept. */
    private List<Event> gradeEvents(Map<Watch, Row> touched) {
        List<Watch> organisations = touched.keySet().stream().filter(w -> "USCC".equals(w.kind())).toList();
        if (organisations.isEmpty()) {
            return List.of();
        }
        long t0 = System.nanoTime();
        Map<UUID, String> now = grades.of(organisations.stream().map(Watch::subjectId).toList());
        List<Event> events = new ArrayList<>();
        List<Watch> regraded = new ArrayList<>();
        for (Watch w : organisations) {
            String grade = now.get(w.subjectId());
            if (grade == null || grade.equals(w.lastGrade())) {
                continue;
            }
            regraded.add(w);
            if (w.lastGrade() != null) {
                Map<String, Object> extra = new LinkedHashMap<>();
                extra.put("grade", grade);
                extra.put("previousGrade", w.lastGrade());
                events.add(event(w, "GRADE_CHANGED", touched.get(w), extra));
            }
        }
        if (!regraded.isEmpty()) {
            // one statement for the step: a JDBC batch of single-row updates cost milliseconds a row under load, and the
            // burst of first list entries re-grades nearly every watched subject at once
            TextColumns c = new TextColumns(regraded.size(), 3);
            regraded.forEach(w -> c.add(now.get(w.subjectId()), w.client(), w.subjectId()));
            template.update(con -> c.bind(con.prepareStatement("""
                    UPDATE watch_subject w SET last_grade = u.grade FROM unnest(?::text[], ?::text[], ?::text[]) AS u(grade, client, subject)
                    WHERE w.client_id = u.client AND w.subject_id = u.subject::uuid"""), con));
        }
        stats.gradeNanos += System.nanoTime() - t0;
        return events;
    }

    private Event event(Watch w, String type, Row row, Map<String, Object> extra) {
        UUID id = UUID.randomUUID();
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("eventId", id);
        body.put("type", type);
        Map<String, Object> subject = new LinkedHashMap<>();
        subject.put("code", w.code());
        subject.put("name", w.name());
        body.put("subject", subject);
        body.putAll(extra);
        body.put("occurredAt", row.at().toString());
        body.put("seq", row.seq());
        return new Event(id, w.client(), w.subjectId(), w.code(), type, (UUID) extra.get("recordId"), row.seq(), row.at(),
                json.writeValueAsString(body));
    }
}
