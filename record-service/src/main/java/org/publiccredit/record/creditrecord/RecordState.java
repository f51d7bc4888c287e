package org.publiccredit.record.creditrecord;

import java.util.Map;
import java.util.Set;
import org.publiccredit.commons.problem.ApiException;

/**
 * The lifecycle of a credit record (信用记录). {@link #after(Transition)} is the whole state machine:
 * <pre>
 *   ACTIVE   --DISPUTE-->        DISPUTED
 *   DISPUTED --CLEAR_DISPUTE-->  ACTIVE
 *   ACTIVE | DISPUTED --UPDATE-->  same state (a new version pushed by the department)
 *   ACTIVE | DISPUTED --CORRECT--> ACTIVE   (a new version; the replaced version is kept in history as CORRECTED)
 *   ACTIVE | DISPUTED --REVOKE-->  REVOKED  (terminal)
 *   ACTIVE   --REPAIR-->         REPAIRED (terminal)
 * </pre>
 * CORRECTED is the state of a version that a correction replaced; the current record never stays in it.
 */
public enum RecordState {
    ACTIVE, DISPUTED, CORRECTED, REVOKED, REPAIRED;

    private static final Map<Transition, Set<RecordState>> FROM = Map.of(
            Transition.DISPUTE, Set.of(ACTIVE),
            Transition.CLEAR_DISPUTE, Set.of(DISPUTED),
            Transition.UPDATE, Set.of(ACTIVE, DISPUTED),
            Transition.CORRECT, Set.of(ACTIVE, DISPUTED),
            Transition.REVOKE, Set.of(ACTIVE, DISPUTED),
            Transition.REPAIR, Set.of(ACTIVE));

    public boolean allows(Transition t) {
        return FROM.get(t).contains(this);
    }

    /** The state after the transition, or a 409 problem ILLEGAL_TRANSITION. */
    public RecordState after(Transition t) {
        if (!allows(t)) {
            throw ApiException.conflict("ILLEGAL_TRANSITION", "A record in state " + this + " cannot be " + t.pastTense());
        }
        return switch (t) {
            case DISPUTE -> DISPUTED;
            case CLEAR_DISPUTE, CORRECT -> ACTIVE;
            case UPDATE -> this;
            case REVOKE -> REVOKED;
            case REPAIR -> REPAIRED;
        };
    }

    /** Whether the record can still take part in publicity and checks (not revoked, repaired or replaced). */
    public boolean live() {
        return this == ACTIVE || this == DISPUTED;
    }
}
