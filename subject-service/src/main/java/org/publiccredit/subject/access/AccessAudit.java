package org.publiccredit.subject.access;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.publiccredit.commons.security.Caller;
import org.publiccredit.commons.web.RequestIds;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/** The append-only audit of reads of personal identifiers (who, when, which subject, why). */
@Repository
class AccessAudit {

    enum Action { REVEAL, LOOKUP }

    /**
     * One audit entry.
     *
     * @param at         when
     * @param action     REVEAL or LOOKUP
     * @param actor      user name or service account
     * @param clientId   the client the token was issued to
     * @param department the actor's department
     * @param subjectId  the subject read (null when a lookup found none)
     * @param reason     the stated reason or purpose
     * @param requestId  the request id
     */
    record Entry(Instant at, Action action, String actor, String clientId, String department, UUID subjectId, String reason,
            String requestId) {
    }

    private final JdbcTemplate jdbc;

    AccessAudit(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    void record(Action action, Caller caller, UUID subjectId, String reason) {
        jdbc.update("INSERT INTO pii_access_audit (action, actor, actor_sub, client_id, department, subject_id, reason, request_id) "
                + "VALUES (?, ?, ?, ?, ?, ?, ?, ?)", action.name(), caller.username() != null ? caller.username() : "unknown",
                caller.subject(), caller.clientId(), caller.department(), subjectId, reason, RequestIds.current());
    }

    List<Entry> forSubject(UUID subjectId, int limit) {
        return jdbc.query("SELECT at, action, actor, client_id, department, subject_id, reason, request_id FROM pii_access_audit "
                + "WHERE subject_id = ? ORDER BY at DESC, id DESC LIMIT ?", (rs, n) -> new Entry(
                        rs.getTimestamp("at").toInstant(), Action.valueOf(rs.getString("action")), rs.getString("actor"),
                        rs.getString("client_id"), rs.getString("department"), rs.getObject("subject_id", UUID.class),
                        rs.getString("reason"), rs.getString("request_id")), subjectId, limit);
    }

}
