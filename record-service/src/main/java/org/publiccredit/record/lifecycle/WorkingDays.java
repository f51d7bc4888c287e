package org.publiccredit.record.lifecycle;

import java.time.DayOfWeek;
import java.time.LocalDate;

/**
 * Working days for the 双公示 timeliness figure: Monday to Friday only. Public holidays and make-up working days
 * (调休) are not taken into account here (the calendar lives in objection-service); docs/services/record-service.md
 * says so.
 */
public final class WorkingDays {

    /** A decision must be published within this many working days (DOMAIN.md section 2). */
    public static final int PUBLICATION_LIMIT = 7;

    private WorkingDays() {
    }

    /** Working days after {@code from} up to and including {@code to}; 0 when {@code to} is not after {@code from}. */
    public static int between(LocalDate from, LocalDate to) {
        int days = 0;
        for (LocalDate d = from.plusDays(1); !d.isAfter(to); d = d.plusDays(1)) {
            if (d.getDayOfWeek() != DayOfWeek.SATURDAY && d.getDayOfWeek() != DayOfWeek.SUNDAY) {
                days++;
            }
            if (days > PUBLICATION_LIMIT) {
                return days;
            }
        }
        return days;
    }

    public static boolean timely(LocalDate decisionDate, LocalDate publishedOn) {
        return between(decisionDate, publishedOn) <= PUBLICATION_LIMIT;
    }
}
