package org.publiccredit.commons.calendar;

import org.publiccredit.commons.problem.ApiException;
import org.springframework.http.HttpStatus;

/** A date falls in a year for which no calendar data exists: the platform says so instead of guessing. */
public class CalendarYearMissingException extends ApiException {

    private final int year;

    public CalendarYearMissingException(int year) {
        super(HttpStatus.NOT_FOUND, "CALENDAR_YEAR_MISSING",
                "No working-day calendar is loaded for " + year + "; an administrator must add the year's data");
        this.year = year;
    }

    public int year() {
        return year;
    }
}
