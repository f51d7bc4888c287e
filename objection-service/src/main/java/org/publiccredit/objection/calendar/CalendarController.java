package org.publiccredit.objection.calendar;

import org.publiccredit.commons.calendar.PlatformZone;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import java.time.LocalDate;
import java.util.List;
import org.publiccredit.commons.calendar.CalendarYear;
import org.publiccredit.commons.calendar.CalendarYearMissingException;
import org.publiccredit.commons.calendar.WorkingCalendar;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/** The public working-day calendar: {@code GET /api/v1/calendar/{year}}. */
@RestController
class CalendarController {

    private final WorkingCalendar calendar;

    CalendarController(WorkingCalendar calendar) {
        this.calendar = calendar;
    }

    record Day(LocalDate date, String name) {
    }

    record CalendarView(int year, String status, String source, String timeZone, String rule, List<Day> holidays,
            List<Day> makeUpWorkdays, int workingDays) {
    }

    @GetMapping("/api/v1/calendar/{year}")
    @Operation(operationId = "getCalendarYear", summary = "The working-day calendar of a year (public): holidays and make-up working days")
    @ApiResponse(responseCode = "200", description = "the calendar")
    @ApiResponse(responseCode = "404", description = "CALENDAR_YEAR_MISSING")
    CalendarView year(@PathVariable int year) {
        CalendarYear y = calendar.year(year).orElseThrow(() -> new CalendarYearMissingException(year));
        int working = 0;
        for (LocalDate d = LocalDate.of(year, 1, 1); d.getYear() == year; d = d.plusDays(1)) {
            if (y.isWorkingDay(d)) {
                working++;
            }
        }
        return new CalendarView(year, y.status(), y.source(), PlatformZone.ZONE.getId(),
                "Monday to Friday are working days, except the holidays; the make-up working days are working days",
                y.sortedHolidays().stream().map(e -> new Day(e.getKey(), e.getValue())).toList(),
                y.sortedWorkdays().stream().map(e -> new Day(e.getKey(), e.getValue())).toList(), working);
    }
}
