package org.publiccredit.objection.notify;

import java.time.LocalDate;
import java.util.UUID;

/**
 * What a transition did to a case, as the notifications need it (no personal data; the applicant's address is read from
 * the case row in the same transaction).
 *
 * @param caseId the case
 * @param kind OBJECTION or REPAIR
 * @param action FILE, ACCEPT, REFUSE, ASSIGN, PROPOSE, DECIDE, WITHDRAW, MOOT …
 * @param from the state before (null when filed)
 * @param to the state after
 * @param outcome the decision's outcome, or null
 * @param reason the decision's reason (or the transition's note)
 * @param department the record's supplying department (code)
 * @param category the record's category (code)
 * @param documentNumber the record's decision document number
 * @param deadlineKind the next deadline's kind, or null
 * @param due the next deadline's date, or null
 */
public record CaseEvent(UUID caseId, String kind, String action, String from, String to, String outcome, String reason,
        String department, String category, String documentNumber, String deadlineKind, LocalDate due) {
}
