package org.publiccredit.commons.calendar;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/**
 * One year of the working-day calendar as the State Council General Office publishes it: public holidays and
 * make-up working days (调休).
 *
 * @param year the year
 * @param status OFFICIAL when taken from the published notice, PROVISIONAL when the notice was not yet known
 * @param source where the data comes from (the notice)
 * @param holidays the rest days that would otherwise be working days or weekend days inside a holiday, with names
 * @param workdays the make-up working days on a Saturday or Sunday, with names
 */
public record CalendarYear(int year, String status, String source, Map<LocalDate, String> holidays,
        Map<LocalDate, String> workdays) {

    public CalendarYear {
        holidays = Map.copyOf(holidays);
        workdays = Map.copyOf(workdays);
    }

    /** Monday to Friday, minus holidays, plus make-up working days. */
    public boolean isWorkingDay(LocalDate day) {
        if (day.getYear() != year) {
            throw new IllegalArgumentException(day + " is not in " + year);
        }
        if (workdays.containsKey(day)) {
            return true;
        }
        if (holidays.containsKey(day)) {
            return false;
        }
        DayOfWeek d = day.getDayOfWeek();
        return d != DayOfWeek.SATURDAY && d != DayOfWeek.SUNDAY;
    }

    /** The named days, sorted, for the public calendar view. */
    public List<Map.Entry<LocalDate, String>> sortedHolidays() {
        return holidays.entrySet().stream().sorted(Map.Entry.comparingByKey()).toList();
    }

    public List<Map.Entry<LocalDate, String>> sortedWorkdays() {
        return workdays.entrySet().stream().sorted(Map.Entry.comparingByKey()).toList();
    }
}
