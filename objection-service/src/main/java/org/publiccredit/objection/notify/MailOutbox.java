package org.publiccredit.objection.notify;

import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The outbox of e-mails. {@link #enqueue} runs in the transaction of the change it tells about, so a mail exists exactly
 * when its change committed, and once per event id however often the event is planned. The worker leases due mails
 * ({@code FOR UPDATE SKIP LOCKED}, safe with replicas) and marks them SENT, retries them later, or gives them up (DEAD).
 */
@Repository
class MailOutbox {

    private final JdbcClient jdbc;

    MailOutbox(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** A mail to send. */
    record Mail(long id, String eventId, UUID caseId, String recipient, String subject, String body, int attempts) {
    }

    /** @return whether the event was new (false: planned before, nothing written) */
    boolean enqueue(String eventId, UUID caseId, String recipient, String language, String subject, String body, Instant now) {
        return jdbc.sql("""
                INSERT INTO mail_outbox (event_id, case_id, recipient, language, subject, body, next_attempt_at, created_at)
                VALUES (:event, :case, :to, :lang, :subject, :body, :now, :now)
                ON CONFLICT (event_id) DO NOTHING
                """)
                .param("event", eventId).param("case", caseId).param("to", recipient).param("lang", language)
                .param("subject", subject).param("body", body).param("now", utc(now))
                .update() == 1;
    }

    boolean exists(String eventId) {
        return jdbc.sql("SELECT count(*) FROM mail_outbox WHERE event_id = :e").param("e", eventId).query(Long.class).single() > 0;
    }

    List<Mail> claim(int batch, Instant now, Duration lease) {
        return jdbc.sql("""
                UPDATE mail_outbox m SET lease_until = :leaseUntil, attempts = m.attempts + 1
                WHERE m.id IN (
                    SELECT p.id FROM mail_outbox p
                    WHERE p.status = 'PENDING' AND p.next_attempt_at <= :now AND (p.lease_until IS NULL OR p.lease_until < :now)
                    ORDER BY p.id LIMIT :batch
                    FOR UPDATE SKIP LOCKED)
                RETURNING m.id, m.event_id, m.case_id, m.recipient, m.subject, m.body, m.attempts
                """)
                .param("leaseUntil", utc(now.plus(lease))).param("now", utc(now)).param("batch", batch)
                .query((rs, n) -> new Mail(rs.getLong("id"), rs.getString("event_id"), rs.getObject("case_id", UUID.class),
                        rs.getString("recipient"), rs.getString("subject"), rs.getString("body"), rs.getInt("attempts")))
                .list();
    }

    void sent(long id, Instant now) {
        jdbc.sql("UPDATE mail_outbox SET status = 'SENT', sent_at = :now, lease_until = NULL, last_error = NULL WHERE id = :id")
                .param("now", utc(now)).param("id", id).update();
    }

    void retryLater(long id, Instant next, String error) {
        jdbc.sql("UPDATE mail_outbox SET next_attempt_at = :next, lease_until = NULL, last_error = :error WHERE id = :id")
                .param("next", utc(next)).param("error", error).param("id", id).update();
    }

    void dead(long id, String error) {
        jdbc.sql("UPDATE mail_outbox SET status = 'DEAD', lease_until = NULL, last_error = :error WHERE id = :id")
                .param("error", error).param("id", id).update();
    }

    long count(String status) {
        return jdbc.sql("SELECT count(*) FROM mail_outbox WHERE status = :s").param("s", status).query(Long.class).single();
    }

    private static OffsetDateTime utc(Instant i) {
        return i.atOffset(ZoneOffset.UTC);
    }
}
