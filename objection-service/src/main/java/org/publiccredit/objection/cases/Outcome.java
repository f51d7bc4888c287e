package org.publiccredit.objection.cases;

import java.util.Set;

/**
 * What a department proposes and a reviewer decides. Objections: CORRECTED (the record is corrected), DELETED (the
 * record was wrong and is revoked) or UPHELD (the record stands). Repairs: APPROVED or DENIED. Either kind can end
 * WITHDRAWN (by its applicant) or WITHDRAWN_MOOT (its record was revoked, corrected or repaired by another path); nobody
 * proposes or decides these two.
 */
public enum Outcome {
    CORRECTED, DELETED, UPHELD, APPROVED, DENIED, WITHDRAWN, WITHDRAWN_MOOT;

    public static Set<Outcome> allowedFor(CaseKind kind) {
        return kind == CaseKind.OBJECTION ? Set.of(CORRECTED, DELETED, UPHELD) : Set.of(APPROVED, DENIED);
    }
}
