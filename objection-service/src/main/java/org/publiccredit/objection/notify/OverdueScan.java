package org.publiccredit.objection.notify;

import org.publiccredit.commons.calendar.PlatformZone;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Once a minute: open cases past their deadline (Asia/Shanghai) that have not been told yet get their overdue mail, the
 * applicant's for every open case with an address, the department's for a verification or review in its turn. The event
 * id carries the deadline's kind and date, so each deadline is told once.
 */
@Component
class OverdueScan {

    private static final ZoneId ZONE = PlatformZone.ZONE;
    private static final String OPEN = "state IN ('SUBMITTED','ACCEPTED','VERIFYING','REVIEWED')";
    private static final String DEPARTMENT_TURN = "((kind = 'OBJECTION' AND state = 'VERIFYING' AND proposal_outcome IS NULL)"
            + " OR (kind = 'REPAIR' AND state = 'ACCEPTED' AND assigned_at IS NOT NULL))";

    private final Notifications notifications;
    private final JdbcClient jdbc;
    private final TransactionTemplate tx;
    private final Clock clock;

    OverdueScan(Notifications notifications, JdbcClient jdbc, TransactionTemplate tx, Clock clock) {
        this.notifications = notifications;
        this.jdbc = jdbc;
        this.tx = tx;
        this.clock = clock;
    }

    private record Overdue(UUID id, String kind, String department, String category, String documentNumber, String deadlineKind,
            LocalDate due) {
    }

    @Scheduled(initialDelayString = "${platform.mail.overdue-initial-delay:20s}", fixedDelayString = "${platform.mail.overdue-scan:60s}")
    void scan() {
        LocalDate today = clock.instant().atZone(ZONE).toLocalDate();
        tx.executeWithoutResult(s -> {
            for (Overdue o : overdue(today, "applicant_email IS NOT NULL", "overdue")) {
                notifications.planOverdue(event(o), clock.instant());
            }
            for (Overdue o : overdue(today, DEPARTMENT_TURN, "department-overdue")) {
                notifications.planDepartmentOverdue(event(o), clock.instant());
            }
        });
    }

    private List<Overdue> overdue(LocalDate today, String condition, String event) {
        return jdbc.sql("SELECT id, kind, record_department, record_category, record_document_number, deadline_kind, deadline_due"
                        + " FROM credit_case c WHERE " + OPEN + " AND " + condition + " AND deadline_due < :today"
                        + " AND NOT EXISTS (SELECT 1 FROM mail_outbox m WHERE m.event_id = 'case:' || c.id || ':" + event
                        + ":' || c.deadline_kind || ':' || c.deadline_due) ORDER BY deadline_due LIMIT 200")
                .param("today", today)
                .query((rs, n) -> new Overdue(rs.getObject("id", UUID.class), rs.getString("kind"), rs.getString("record_department"),
                        rs.getString("record_category"), rs.getString("record_document_number"), rs.getString("deadline_kind"),
                        rs.getObject("deadline_due", LocalDate.class)))
                .list();
    }

    private static CaseEvent event(Overdue o) {
        return Notifications.overdue(o.id(), o.kind(), o.department(), o.category(), o.documentNumber(), o.deadlineKind(), o.due());
    }
}
