package org.publiccredit.objection.cases;

import java.time.LocalDate;

/**
 * The next deadline of a case: what must happen by when, in Asia/Shanghai dates. {@code due} is null and
 * {@code problem} says why when the calendar of the year is missing (the platform does not guess).
 *
 * @param kind ACCEPT, VERIFY, CONCLUDE or DECIDE
 * @param due the last day (inclusive)
 * @param problem CALENDAR_YEAR_MISSING when it cannot be computed
 */
public record Deadline(String kind, LocalDate due, String problem) {

    public static Deadline unknown(String kind, String problem) {
        return new Deadline(kind, null, problem);
    }

    public boolean overdue(LocalDate today) {
        return due != null && today.isAfter(due);
    }
}
