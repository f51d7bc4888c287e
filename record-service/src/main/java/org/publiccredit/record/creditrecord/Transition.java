package org.publiccredit.record.creditrecord;

import java.util.Locale;

/** What can happen to a record; the history's {@code action} column. */
public enum Transition {
    UPDATE, CORRECT, DISPUTE, CLEAR_DISPUTE, REVOKE, REPAIR;

    String pastTense() {
        return switch (this) {
            case UPDATE -> "updated";
            case CORRECT -> "corrected";
            case DISPUTE -> "disputed";
            case CLEAR_DISPUTE -> "cleared of a dispute";
            case REVOKE -> "revoked";
            case REPAIR -> "repaired";
        };
    }

    /** The history action name, e.g. DISPUTE_CLEARED. */
    public String action() {
        return switch (this) {
            case CLEAR_DISPUTE -> "DISPUTE_CLEARED";
            default -> name().endsWith("E") ? name() + "D" : name().toUpperCase(Locale.ROOT) + "ED";
        };
    }
}
