package org.publiccredit.objection.cases;

import java.util.List;

/**
 * The states of both kinds of case (DOMAIN.md sections 4 and 5). Objection: SUBMITTED → ACCEPTED | NOT_ACCEPTED →
 * VERIFYING → CONCLUDED. Repair: SUBMITTED → ACCEPTED | NOT_ACCEPTED → REVIEWED → APPROVED | DENIED. Either kind ends
 * WITHDRAWN from any open state: withdrawn by its applicant, or moot because its record was revoked, corrected or
 * repaired by another path (the decision's outcome says which).
 */
public enum CaseState {
    SUBMITTED, ACCEPTED, NOT_ACCEPTED, VERIFYING, CONCLUDED, REVIEWED, APPROVED, DENIED, WITHDRAWN;

    /** The states in which a case is still open (at most one open case per record). */
    public static final List<CaseState> OPEN = List.of(SUBMITTED, ACCEPTED, VERIFYING, REVIEWED);

    public boolean open() {
        return OPEN.contains(this);
    }
}
