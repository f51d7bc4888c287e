package org.publiccredit.objection.notify;

import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.publiccredit.objection.client.CategoryNames;
import org.publiccredit.objection.naming.Departments;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Plans the e-mails a case change calls for, in the change's transaction (the mail exists exactly when the change
 * committed): the applicant is told when the case is accepted, refused, decided, withdrawn, ended as moot or overdue, in
 * the language of the filing; the supplying department's mailbox when a verification is handed to it or is overdue
 * (in Chinese). Each mail has an event id ({@code case:<id>:<event>}), so planning it twice sends it once. An applicant
 * without an address (the token had no {@code email} claim) is not mailed; the case page shows every change anyway.
 */
@Component
public class Notifications {

    private static final Logger log = LoggerFactory.getLogger(Notifications.class);

    private final MailOutbox outbox;
    private final MailTexts texts;
    private final Departments departments;
    private final CategoryNames categories;
    private final NotificationProperties properties;
    private final JdbcClient jdbc;

    Notifications(MailOutbox outbox, MailTexts texts, Departments departments, CategoryNames categories,
            NotificationProperties properties, JdbcClient jdbc) {
        this.outbox = outbox;
        this.texts = texts;
        this.departments = departments;
        this.categories = categories;
        this.properties = properties;
        this.jdbc = jdbc;
    }

    /** The applicant's address and language as stored at filing. */
    record Applicant(String email, String language) {
    }

    /** Plans the mails of one transition (inside its transaction). */
    public void plan(CaseEvent e, Instant now) {
        String event = switch (e.action()) {
            case "ACCEPT" -> "accept";
            case "REFUSE" -> "refuse";
            case "DECIDE" -> "decide";
            case "WITHDRAW" -> "withdraw";
            case "MOOT" -> "moot";
            case "ASSIGN" -> "assign";
            default -> null;
        };
        if (event == null) {
            return;
        }
        if (event.equals("assign")) {
            toDepartment(e, "assign", "case:" + e.caseId() + ":assign", now);
        } else {
            toApplicant(e, event, "case:" + e.caseId() + ":" + event, now);
        }
    }

    /**
     * The applicant's mail that the case is overdue (once per deadline: the event id carries its kind and date).
     *
     * @return whether a mail was planned
     */
    public boolean planOverdue(CaseEvent e, Instant now) {
        return toApplicant(e, "overdue", "case:" + e.caseId() + ":overdue:" + e.deadlineKind() + ":" + e.due(), now);
    }

    /** The department's mail that its verification is overdue (once per deadline). */
    public boolean planDepartmentOverdue(CaseEvent e, Instant now) {
        return toDepartment(e, "department-overdue", "case:" + e.caseId() + ":department-overdue:" + e.deadlineKind() + ":" + e.due(), now);
    }

    private boolean toApplicant(CaseEvent e, String event, String eventId, Instant now) {
        Optional<Applicant> applicant = jdbc.sql("SELECT applicant_email, applicant_language FROM credit_case WHERE id = :id")
                .param("id", e.caseId())
                .query((rs, n) -> new Applicant(rs.getString("applicant_email"), rs.getString("applicant_language"))).optional();
        if (applicant.isEmpty() || applicant.get().email() == null) {
            log.debug("case {}: no applicant address, {} not mailed", e.caseId(), event);
            return false;
        }
        String language = Languages.normalise(applicant.get().language());
        return enqueue(e, event, eventId, applicant.get().email(), language, now);
    }

    private boolean toDepartment(CaseEvent e, String event, String eventId, Instant now) {
        String mailbox = properties.departmentMailboxes().get(e.department());
        if (mailbox == null || mailbox.isBlank()) {
            log.debug("case {}: department {} has no mailbox configured, {} not mailed", e.caseId(), e.department(), event);
            return false;
        }
        return enqueue(e, event, eventId, mailbox.strip(), Languages.ZH, now);
    }

    private boolean enqueue(CaseEvent e, String event, String eventId, String to, String language, Instant now) {
        if (outbox.exists(eventId)) {
            return false;
        }
        MailTexts.Text text = texts.render(language, event, values(e, language));
        return outbox.enqueue(eventId, e.caseId(), to, language, text.subject(), text.body(), now);
    }

    private Map<String, String> values(CaseEvent e, String language) {
        Map<String, String> v = new LinkedHashMap<>();
        v.put("kind", texts.phrase(language, "kind." + e.kind(), e.kind()));
        v.put("caseId", e.caseId().toString());
        v.put("documentNumber", e.documentNumber() == null ? "" : e.documentNumber());
        v.put("department", departments.name(e.department(), language));
        v.put("category", categories.name(e.category(), language).orElse(e.category() == null ? "" : e.category()));
        v.put("outcome", e.outcome() == null ? "" : texts.phrase(language, "outcome." + e.outcome(), e.outcome()));
        v.put("reason", texts.reason(language, e.reason()));
        v.put("due", e.due() == null ? "" : e.due().toString());
        v.put("deadline", e.deadlineKind() == null ? "" : texts.phrase(language, "deadline." + e.deadlineKind(),
                e.deadlineKind().toLowerCase(Locale.ROOT)));
        v.put("url", properties.portalUrl().isEmpty() ? "" : properties.portalUrl() + "/cases/" + e.caseId());
        return v;
    }

    /** For tests and the overdue scan: a case event without a transition. */
    static CaseEvent overdue(UUID caseId, String kind, String department, String category, String documentNumber,
            String deadlineKind, LocalDate due) {
        return new CaseEvent(caseId, kind, "OVERDUE", null, null, null, null, department, category, documentNumber, deadlineKind, due);
    }
}
