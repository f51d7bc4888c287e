package org.publiccredit.record.creditrecord;

import java.time.LocalDate;
import java.util.Optional;
import org.publiccredit.commons.problem.FieldProblem;

/**
 * The one rule for a record's decision date, read by every write path (push, batch row, correction): not in the
 * future, not before 1990 (no record of this platform's catalog is older).
 */
public final class DecisionDate {

    /** The earliest decision date accepted. */
    public static final LocalDate EARLIEST = LocalDate.of(1990, 1, 1);

    private DecisionDate() {
    }

    /** Why the date is refused (field {@code decisionDate}), or empty when it is acceptable. */
    public static Optional<FieldProblem> check(LocalDate date, LocalDate today) {
        if (date.isAfter(today)) {
            return Optional.of(new FieldProblem("decisionDate", "DECISION_DATE_IN_FUTURE", "the decision date is in the future"));
        }
        if (date.isBefore(EARLIEST)) {
            return Optional.of(new FieldProblem("decisionDate", "DECISION_DATE_TOO_OLD", "the decision date is before " + EARLIEST));
        }
        return Optional.empty();
    }
}
