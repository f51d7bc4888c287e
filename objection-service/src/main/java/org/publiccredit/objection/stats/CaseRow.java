package org.publiccredit.objection.stats;

import java.time.Instant;
import java.time.LocalDate;
import org.publiccredit.objection.cases.CaseKind;
import org.publiccredit.objection.cases.CaseState;

/**
 * What the statistics read of a case: its kind, state, the times of its steps and its stored next deadline.
 *
 * @param kind objection or repair
 * @param state current state
 * @param submittedAt filed
 * @param acceptedAt accepted (null when not)
 * @param decidedAt closed: refused, concluded or decided (null while open)
 * @param deadlineDue the next deadline of an open case (Asia/Shanghai), as the queues read it
 */
record CaseRow(CaseKind kind, CaseState state, Instant submittedAt, Instant acceptedAt, Instant decidedAt, LocalDate deadlineDue) {

    /** Concluded by the platform (refused, concluded, decided); a withdrawn or moot case was not concluded by anyone. */
    boolean closed() {
        return !state.open() && state != CaseState.WITHDRAWN && decidedAt != null;
    }
}
