package org.publiccredit.record.monitoring;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.publiccredit.commons.problem.ApiException;
import org.publiccredit.commons.problem.FieldProblem;
import org.publiccredit.commons.security.Caller;
import org.publiccredit.commons.security.Role;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * The delivery log a partner reads (its own events only; an admin reads a named client's) and the replay of its events
 * since a moment (same event ids, so receivers deduplicate).
 */
@Service
class Deliveries {

    private final JdbcClient jdbc;
    private final Outbox outbox;
    private final EventSender sender;
    private final MonitoringProperties properties;
    private final Clock clock;

    Deliveries(JdbcClient jdbc, Outbox outbox, EventSender sender, MonitoringProperties properties, Clock clock) {
        this.jdbc = jdbc;
        this.outbox = outbox;
        this.sender = sender;
        this.properties = properties;
        this.clock = clock;
    }

    /**
     * One event and its delivery.
     *
     * @param eventId the event id (X-Credit-Event-Id)
     * @param type NEW_LIST_ENTRY, SERIOUS_PENALTY, REPAIRED, WITHDRAWN or GRADE_CHANGED
     * @param subject the subject's code (a person's masked)
     * @param recordId the record, for record events
     * @param seq the change_log row it comes from
     * @param state PENDING, DELIVERED or FAILED
     * @param attempts attempts so far (since the last replay)
     * @param lastStatus the target's last HTTP status, when it answered
     * @param lastError why the last attempt failed
     * @param occurredAt when the change was written
     * @param queuedAt when the event was queued
     * @param lastAttemptAt the last attempt
     * @param nextAttemptAt the next attempt (PENDING)
     * @param deliveredAt when a 2xx came back
     */
    record Delivery(UUID eventId, String type, String subject, UUID recordId, long seq, String state, int attempts, Integer lastStatus,
            String lastError, Instant occurredAt, Instant queuedAt, Instant lastAttemptAt, Instant nextAttemptAt, Instant deliveredAt) {
    }

    /**
     * A page of the log, newest first.
     *
     * @param items this page
     * @param page 0-based
     * @param size page size
     * @param total events matching
     */
    record Page(List<Delivery> items, int page, int size, long total) {
    }

    /**
     * A replay.
     *
     * @param from the moment asked
     * @param requeued events queued again
     */
    record Replay(Instant from, int requeued) {
    }

    Page list(Caller caller, Instant since, String client, int page, int size) {
        String whose = whose(caller, client);
        Timestamp from = Timestamp.from(since == null ? Instant.EPOCH : since);
        long total = jdbc.sql("SELECT count(*) FROM monitor_event WHERE client_id = ? AND occurred_at >= ?").params(whose, from)
                .query(Long.class).single();
        List<Delivery> items = jdbc.sql("""
                SELECT event_id, type, subject_code, record_id, seq, state, attempts, last_status, last_error, occurred_at, created_at,
                       last_attempt_at, next_attempt_at, delivered_at
                FROM monitor_event WHERE client_id = ? AND occurred_at >= ? ORDER BY occurred_at DESC, id DESC LIMIT ? OFFSET ?""")
                .params(whose, from, size, (long) page * size)
                .query((rs, n) -> {
                    String state = rs.getString(6);
                    Object status = rs.getObject(8);
                    return new Delivery(rs.getObject(1, UUID.class), rs.getString(2), rs.getString(3), rs.getObject(4, UUID.class),
                            rs.getLong(5), state, rs.getInt(7), status == null ? null : ((Number) status).intValue(), rs.getString(9),
                            instant(rs.getTimestamp(10)), instant(rs.getTimestamp(11)), instant(rs.getTimestamp(12)),
                            state.equals("PENDING") ? instant(rs.getTimestamp(13)) : null, instant(rs.getTimestamp(14)));
                }).list();
        return new Page(items, page, size, total);
    }

    Replay replay(Caller caller, Instant from) {
        String client = MonitoringClients.clientOf(caller);
        Instant now = clock.instant();
        if (from == null || from.isAfter(now)) {
            throw ApiException.invalid("REPLAY_INVALID", "Give the moment to replay from",
                    List.of(new FieldProblem("from", from == null ? "FIELD_REQUIRED" : "FROM_IN_FUTURE", "an instant in the past (ISO-8601)")));
        }
        int requeued = outbox.replay(client, from, now, now.plus(properties.giveUpAfter()));
        sender.wake();
        return new Replay(from, requeued);
    }

    /** The caller's own client; an admin names the client whose log to read. */
    private static String whose(Caller caller, String client) {
        if (caller.has(Role.ADMIN) && !caller.has(Role.PARTNER)) {
            if (client == null || client.isBlank()) {
                throw ApiException.invalid("CLIENT_REQUIRED", "Name the client whose delivery log to read",
                        List.of(new FieldProblem("client", "FIELD_REQUIRED", "a partner client id")));
            }
            return client;
        }
        return MonitoringClients.clientOf(caller);
    }

    private static Instant instant(Timestamp t) {
        return t == null ? null : t.toInstant();
    }
}
