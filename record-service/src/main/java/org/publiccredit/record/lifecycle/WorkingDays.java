package org.publiccredit.record.lifecycle;

import java.time.LocalDate;
import org.publiccredit.commons.calendar.WorkingCalendar;
import org.springframework.stereotype.Component;

/**
 * Working days for the 双公示 timeliness figure, counted with the platform's {@link WorkingCalendar}: public holidays
 * and make-up working days (调休) count as the calendar data says. Decision dates reach back into years without
 * calendar data; there Monday to Friday count (see {@link WorkingCalendar#workingDaysBetweenOrWeekdays}).
 */
@Component
public class WorkingDays {

    /** A decision must be published within this many working days (DOMAIN.md section 2). */
    public static final int PUBLICATION_LIMIT = 7;

    private final WorkingCalendar calendar;

    public WorkingDays(WorkingCalendar calendar) {
        this.calendar = calendar;
    }

    /**
     * Working days after {@code from} up to and including {@code to}; 0 when {@code to} is not after {@code from}.
     * Stops counting past {@link #PUBLICATION_LIMIT} (this runs for every ingested row), so the result is at most
     * {@code PUBLICATION_LIMIT + 1}.
     */
    public int between(LocalDate from, LocalDate to) {
        return calendar.workingDaysBetweenOrWeekdays(from, to, PUBLICATION_LIMIT);
    }

    public boolean timely(LocalDate decisionDate, LocalDate publishedOn) {
        return between(decisionDate, publishedOn) <= PUBLICATION_LIMIT;
    }
}
