package org.publiccredit.objection.effect;

import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.publiccredit.objection.client.RecordEffect;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * The outbox of effects on records. {@link #enqueue} runs inside the transition's transaction, so an effect exists
 * exactly when its transition committed. Each effect has a deterministic operation id, so record-service applies it
 * once however often it is sent. Effects on one record are delivered in the order they were planned.
 */
@Repository
public class EffectOutbox {

    private static final TypeReference<Map<String, Object>> MAP = new TypeReference<>() { };

    private final JdbcClient jdbc;
    private final JsonMapper json;

    EffectOutbox(JdbcClient jdbc, JsonMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    /** One effect to deliver. */
    public record Pending(long id, String operationId, UUID caseId, String recordId, RecordEffect effect,
            Map<String, Object> payload, int attempts, int serverErrors) {
    }

    /** An effect's delivery status, for the case view. */
    public record Status(String effect, String operationId, String status, int attempts, String lastError, Instant createdAt,
            Instant doneAt) {
    }

    /** {@code objection-service:<case>:<effect>}: the same case never plans the same effect twice. */
    public static String operationId(UUID caseId, RecordEffect effect) {
        return "objection-service:" + caseId + ":" + effect.name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    public void enqueue(UUID caseId, String recordId, List<PlannedEffect> effects, Instant now) {
        for (PlannedEffect e : effects) {
            String operationId = operationId(caseId, e.effect());
            Map<String, Object> body = new LinkedHashMap<>(e.payload());
            jdbc.sql("""
                    INSERT INTO record_effect (operation_id, case_id, record_id, effect, payload, next_attempt_at, created_at)
                    VALUES (:op, :case, :record, :effect, CAST(:payload AS jsonb), :now, :now)
                    """)
                    .param("op", operationId).param("case", caseId).param("record", recordId)
                    .param("effect", e.effect().name()).param("payload", json.writeValueAsString(body))
                    .param("now", utc(now))
                    .update();
        }
    }

    /**
     * Leases up to {@code batch} due effects whose record has no earlier effect still to deliver (PENDING, or DEAD until a
     * reviewer retries it; a FAILED or CANCELLED one is over and holds nothing up). Safe with several
     * instances: rows are locked with SKIP LOCKED and leased until {@code now + lease}.
     */
    public List<Pending> claim(int batch, Instant now, Duration lease) {
        return jdbc.sql("""
                UPDATE record_effect e SET lease_until = :leaseUntil, attempts = e.attempts + 1
                WHERE e.id IN (
                    SELECT p.id FROM record_effect p
                    WHERE p.status = 'PENDING' AND p.next_attempt_at <= :now
                      AND (p.lease_until IS NULL OR p.lease_until < :now)
                      AND NOT EXISTS (SELECT 1 FROM record_effect q
                                      WHERE q.record_id = p.record_id AND q.status IN ('PENDING', 'DEAD') AND q.id < p.id)
                    ORDER BY p.id
                    LIMIT :batch
                    FOR UPDATE SKIP LOCKED)
                RETURNING e.id, e.operation_id, e.case_id, e.record_id, e.effect, e.payload, e.attempts, e.server_errors
                """)
                .param("leaseUntil", utc(now.plus(lease))).param("now", utc(now)).param("batch", batch)
                .query((rs, n) -> new Pending(rs.getLong("id"), rs.getString("operation_id"), rs.getObject("case_id", UUID.class),
                        rs.getString("record_id"), RecordEffect.valueOf(rs.getString("effect")),
                        json.readValue(rs.getString("payload"), MAP), rs.getInt("attempts"), rs.getInt("server_errors")))
                .list();
    }

    public void done(long id, Instant now) {
        jdbc.sql("UPDATE record_effect SET status = 'DONE', done_at = :now, lease_until = NULL, last_error = NULL WHERE id = :id")
                .param("now", utc(now)).param("id", id).update();
    }

    /** Tries again at {@code next}; {@code serverError} when the failure counts towards the dead-letter bound. */
    public void retryLater(long id, Instant next, String error, boolean serverError) {
        jdbc.sql("""
                UPDATE record_effect SET next_attempt_at = :next, lease_until = NULL, last_error = :error,
                    server_errors = server_errors + :inc
                WHERE id = :id
                """)
                .param("next", utc(next)).param("error", error).param("inc", serverError ? 1 : 0).param("id", id).update();
    }

    /** record-service answered with server errors too often: a dead letter, kept until a reviewer retries it. */
    public void dead(long id, int serverErrors, String error) {
        jdbc.sql("UPDATE record_effect SET status = 'DEAD', server_errors = :n, lease_until = NULL, last_error = :error WHERE id = :id")
                .param("n", serverErrors).param("error", error).param("id", id).update();
    }

    /** What {@link #retryDead} found. */
    public enum RetryOutcome { RETRYING, NOT_DEAD, UNKNOWN }

    /**
     * Puts a DEAD effect of the case back in the queue, due now and with its server-error count reset (the row is
     * locked, so two retries of one effect cannot both pass).
     */
    public RetryOutcome retryDead(UUID caseId, String operationId, Instant now) {
        return jdbc.sql("SELECT status FROM record_effect WHERE case_id = :c AND operation_id = :op FOR UPDATE")
                .param("c", caseId).param("op", operationId).query(String.class).optional()
                .map(status -> {
                    if (!"DEAD".equals(status)) {
                        return RetryOutcome.NOT_DEAD;
                    }
                    jdbc.sql("""
                            UPDATE record_effect SET status = 'PENDING', server_errors = 0, next_attempt_at = :now, lease_until = NULL
                            WHERE case_id = :c AND operation_id = :op
                            """)
                            .param("now", utc(now)).param("c", caseId).param("op", operationId).update();
                    return RetryOutcome.RETRYING;
                })
                .orElse(RetryOutcome.UNKNOWN);
    }

    /** record-service refused the effect for good (e.g. 409: the record is in a state that does not allow it). */
    public void failed(long id, String error) {
        jdbc.sql("UPDATE record_effect SET status = 'FAILED', lease_until = NULL, last_error = :error WHERE id = :id")
                .param("error", error).param("id", id).update();
    }

    /**
     * Cancels the case's effect while it has not reached record-service: PENDING or DEAD and not leased by a worker right
     * now (a leased one may be on the wire).
     *
     * @return whether an effect was cancelled
     */
    public boolean cancelUndelivered(UUID caseId, RecordEffect effect, Instant now) {
        return jdbc.sql("""
                UPDATE record_effect SET status = 'CANCELLED', lease_until = NULL, last_error = 'cancelled: the case ended first'
                WHERE case_id = :c AND effect = :e AND status IN ('PENDING', 'DEAD') AND (lease_until IS NULL OR lease_until < :now)
                """)
                .param("c", caseId).param("e", effect.name()).param("now", utc(now)).update() > 0;
    }

    /** Whether the case's effect reached record-service or may still reach it (DONE, or PENDING/DEAD not cancelled). */
    public boolean mayReachRecord(UUID caseId, RecordEffect effect) {
        return jdbc.sql("SELECT count(*) FROM record_effect WHERE case_id = :c AND effect = :e AND status IN ('DONE', 'PENDING', 'DEAD')")
                .param("c", caseId).param("e", effect.name()).query(Long.class).single() > 0;
    }

    /** Whether the case's effect is still to be delivered (PENDING or DEAD). */
    public boolean undelivered(UUID caseId, RecordEffect effect) {
        return jdbc.sql("SELECT count(*) FROM record_effect WHERE case_id = :c AND effect = :e AND status IN ('PENDING', 'DEAD')")
                .param("c", caseId).param("e", effect.name()).query(Long.class).single() > 0;
    }

    public List<Status> statusOf(UUID caseId) {
        return jdbc.sql("SELECT * FROM record_effect WHERE case_id = :c ORDER BY id").param("c", caseId)
                .query((rs, n) -> new Status(rs.getString("effect"), rs.getString("operation_id"), rs.getString("status"),
                        rs.getInt("attempts"), rs.getString("last_error"),
                        rs.getObject("created_at", OffsetDateTime.class).toInstant(),
                        rs.getObject("done_at") == null ? null : rs.getObject("done_at", OffsetDateTime.class).toInstant()))
                .list();
    }

    public long deadCount() {
        return jdbc.sql("SELECT count(*) FROM record_effect WHERE status = 'DEAD'").query(Long.class).single();
    }

    public long pendingCount() {
        return jdbc.sql("SELECT count(*) FROM record_effect WHERE status = 'PENDING'").query(Long.class).single();
    }

    private static OffsetDateTime utc(Instant i) {
        return i.atOffset(ZoneOffset.UTC);
    }
}
