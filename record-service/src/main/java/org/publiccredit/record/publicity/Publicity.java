package org.publiccredit.record.publicity;

import java.time.LocalDate;

/**
 * The answer of {@link PublicityPolicy} for one record on one day.
 *
 * @param publicNow whether anyone may see it now
 * @param reason why (PUBLIC when it is)
 * @param inForce whether it is live and within its window, whatever its publication (credit checks use this)
 * @param publicFrom first day of the window
 * @param publicUntil last day of the window (inclusive), null when open-ended
 * @param minPublicityUntil last day of the minimum publicity period, null when the rule has none
 * @param disputed whether it is under an accepted objection
 * @param label the label shown with it (异议中 when disputed), or null
 * @param nextChange the next day on which time alone changes the answer, or null
 * @param severity the class of its negative information (轻微 / 一般 / 严重) where the category classes its records, else null
 */
public record Publicity(boolean publicNow, PublicReason reason, boolean inForce, LocalDate publicFrom, LocalDate publicUntil,
        LocalDate minPublicityUntil, boolean disputed, String label, LocalDate nextChange, String severity) {

    /** The label of a disputed record. */
    public static final String DISPUTED_LABEL = "异议中";
}
