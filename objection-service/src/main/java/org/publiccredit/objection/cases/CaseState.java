package org.publiccredit.objection.cases;

import java.util.List;

/**
 * The states of both kinds of case (DOMAIN.md sections 4 and 5). Objection: SUBMITTED → ACCEPTED | NOT_ACCEPTED →
 * VERIFYING → CONCLUDED. Repair: SUBMITTED → ACCEPTED | NOT_ACCEPTED → REVIEWED → APPROVED | DENIED.
 */
public enum CaseState {
    SUBMITTED, ACCEPTED, NOT_ACCEPTED, VERIFYING, CONCLUDED, REVIEWED, APPROVED, DENIED;

    /** The states in which a case is still open (at most one open case per record). */
    public static final List<CaseState> OPEN = List.of(SUBMITTED, ACCEPTED, VERIFYING, REVIEWED);

    public boolean open() {
        return OPEN.contains(this);
    }
}
