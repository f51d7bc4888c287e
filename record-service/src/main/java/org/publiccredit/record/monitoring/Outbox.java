package org.publiccredit.record.monitoring;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.function.Supplier;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The event outbox ({@code monitor_event}). The sender leases due events with {@code FOR UPDATE SKIP LOCKED} (safe with
 * replicas), never one while an earlier event of the same client and subject is still pending (in order per subject);
 * the attempt number is the lease's fence: an outcome is stored only while the row is still that attempt.
 * <p>
 * The order rule is a scalar sub-select on purpose: written as NOT EXISTS, PostgreSQL makes it an anti-join, and with
 * statistics taken while few events were pending (a fresh table, a replay of thousands) it chose a join that compared
 * every pending event with every other (seconds per claim at 70,000 pending); a sub-select is always looked up per
 * candidate through {@code monitor_event_subject_open}. That index's predicate ({@code state NOT IN ('DELIVERED',
 * 'FAILED')}, the pending events) is written as the sub-select writes it, so that {@code monitor_event_due}
 * ({@code state = 'PENDING'}) cannot answer it: with both costed at one row, PostgreSQL once walked all pending events of
 * lower id for every candidate instead (V9).
 * <p>
 * Claims and outcomes commit without waiting for the WAL flush ({@code synchronous_commit = off}, for these transactions
 * only): a claim or an outcome lost in a database crash means the event is delivered again, which at-least-once delivery
 * allows and the event id lets the partner see. Waiting for the flush behind the ingestion's WAL made each of them
 * slower than the deliveries themselves.
 */
@Repository
class Outbox {

    private final JdbcClient jdbc;
    private final TransactionTemplate tx;

    Outbox(JdbcClient jdbc, TransactionTemplate tx) {
        this.jdbc = jdbc;
        this.tx = tx;
    }

    /** The work in one transaction that commits without waiting for the WAL flush (see above). */
    private <T> T unflushed(Supplier<T> work) {
        return tx.execute(s -> {
            jdbc.sql("SET LOCAL synchronous_commit = off").update();
            return work.get();
        });
    }

    /** A leased event. */
    record Leased(long id, UUID eventId, String client, String body, int attempts, Instant giveUpAt) {
    }

    List<Leased> claim(int batch, Instant now, Duration lease) {
        return unflushed(() -> jdbc.sql("""
                UPDATE monitor_event m SET lease_until = :leaseUntil, attempts = m.attempts + 1, last_attempt_at = :now
                WHERE m.id IN (
                    SELECT p.id FROM monitor_event p
                    WHERE p.state = 'PENDING' AND p.next_attempt_at <= :now AND (p.lease_until IS NULL OR p.lease_until < :now)
                      AND NOT (SELECT EXISTS (SELECT 1 FROM monitor_event e WHERE e.state NOT IN ('DELIVERED', 'FAILED')
                                              AND e.client_id = p.client_id
                                              AND e.subject_id = p.subject_id AND e.id < p.id))
                    ORDER BY p.id LIMIT :batch
                    FOR UPDATE SKIP LOCKED)
                RETURNING m.id, m.event_id, m.client_id, m.body, m.attempts, m.give_up_at""")
                .param("leaseUntil", Timestamp.from(now.plus(lease))).param("now", Timestamp.from(now)).param("batch", batch)
                .query((rs, n) -> new Leased(rs.getLong(1), rs.getObject(2, UUID.class), rs.getString(3), rs.getString(4), rs.getInt(5),
                        rs.getTimestamp(6).toInstant()))
                .list());
    }

    /**
     * What became of one attempt.
     *
     * @param event the leased event
     * @param state DELIVERED, PENDING (try again at {@code next}) or FAILED
     * @param status the target's HTTP status, when it answered
     * @param error why it failed, or null
     * @param at when
     * @param next the next attempt (PENDING)
     */
    record Outcome(Leased event, String state, Integer status, String error, Instant at, Instant next) {
    }

    /**
     * Stores attempts' outcomes with one statement (one connection and one round trip, however many deliveries ran; a
     * JDBC batch of single-row updates cost ~3 ms a row on the loaded test machine), fenced by the attempt number alone
     * (a replay sets it to 0): no {@code state = 'PENDING'} here, which would let the planner pick the partial index and,
     * with statistics taken while little was pending, scan it whole for every outcome.
     */
    void record(List<Outcome> outcomes) {
        if (outcomes.isEmpty()) {
            return;
        }
        int n = outcomes.size();
        Long[] ids = new Long[n];
        Integer[] attempts = new Integer[n];
        String[] states = new String[n];
        Integer[] statuses = new Integer[n];
        String[] errors = new String[n];
        String[] at = new String[n];
        String[] next = new String[n];
        for (int i = 0; i < n; i++) {
            Outcome o = outcomes.get(i);
            ids[i] = o.event().id();
            attempts[i] = o.event().attempts();
            states[i] = o.state();
            statuses[i] = o.status();
            errors[i] = o.error();
            at[i] = o.at().toString();
            next[i] = o.next() == null ? null : o.next().toString();
        }
        unflushed(() -> jdbc.sql("""
                UPDATE monitor_event m SET state = o.state, last_status = o.status, last_error = o.error, lease_until = NULL,
                       delivered_at = CASE WHEN o.state = 'DELIVERED' THEN o.at::timestamptz ELSE m.delivered_at END,
                       next_attempt_at = COALESCE(o.next::timestamptz, m.next_attempt_at)
                FROM unnest(?::bigint[], ?::int[], ?::text[], ?::int[], ?::text[], ?::text[], ?::text[])
                     AS o(id, attempts, state, status, error, at, next)
                WHERE m.id = o.id AND m.attempts = o.attempts""")
                .params(ids, attempts, states, statuses, errors, at, next).update());
    }

    /** Queues a client's events that occurred since {@code from} again (same event ids); how many. */
    int replay(String client, Instant from, Instant now, Instant giveUpAt) {
        return jdbc.sql("""
                UPDATE monitor_event SET state = 'PENDING', attempts = 0, next_attempt_at = ?, give_up_at = ?, lease_until = NULL,
                       delivered_at = NULL
                WHERE client_id = ? AND occurred_at >= ?""")
                .params(Timestamp.from(now), Timestamp.from(giveUpAt), client, Timestamp.from(from)).update();
    }

    /**
     * Fresh statistics: the pending share swings from none to tens of thousands within seconds (a burst, a replay), faster
     * than autovacuum's analyze, and stale numbers make the planner scan the partial index of pending events.
     */
    void analyze() {
        jdbc.sql("ANALYZE monitor_event").update();
    }

    long count(String state) {
        return jdbc.sql("SELECT count(*) FROM monitor_event WHERE state = ?").param(state).query(Long.class).single();
    }
}
