package org.publiccredit.commons.calendar;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The working-day calendar (DOMAIN.md section 7): Monday to Friday, minus public holidays, plus make-up working
 * days, per year from data. The one place deadlines are counted; a year without data is refused with
 * {@link CalendarYearMissingException}, never guessed. The one exception is
 * {@link #workingDaysBetweenOrWeekdays(LocalDate, LocalDate, int)}, for figures about the past (双公示 timeliness)
 * that must be computed for years the data does not cover.
 */
public final class WorkingCalendar {

    private final Map<Integer, CalendarYear> years;

    public WorkingCalendar(Map<Integer, CalendarYear> years) {
        this.years = new TreeMap<>(years);
    }

    public Optional<CalendarYear> year(int year) {
        return Optional.ofNullable(years.get(year));
    }

    public java.util.Set<Integer> years() {
        return java.util.Collections.unmodifiableSet(years.keySet());
    }

    public boolean isWorkingDay(LocalDate day) {
        return yearOf(day).isWorkingDay(day);
    }

    /**
     * The day on which a period of {@code n} working days that starts after {@code from} ends: counting begins on
     * the next day, so "within 2 working days of a Friday submission" ends on Tuesday. {@code n = 0} is
     * {@code from} itself.
     */
    public LocalDate addWorkingDays(LocalDate from, int n) {
        if (n < 0) {
            throw new IllegalArgumentException("n must not be negative");
        }
        LocalDate day = from;
        int left = n;
        while (left > 0) {
            day = day.plusDays(1);
            if (isWorkingDay(day)) {
                left--;
            }
        }
        return day;
    }

    /** Working days strictly after {@code from} up to and including {@code to} (0 when {@code to} is not after {@code from}). */
    public int workingDaysBetween(LocalDate from, LocalDate to) {
        int count = 0;
        for (LocalDate d = from.plusDays(1); !d.isAfter(to); d = d.plusDays(1)) {
            if (isWorkingDay(d)) {
                count++;
            }
        }
        return count;
    }

    /**
     * Like {@link #workingDaysBetween(LocalDate, LocalDate)}, but a day in a year without calendar data counts as a
     * working day when it is Monday to Friday (holidays and make-up working days of that year are unknown) instead
     * of being refused. Counting stops as soon as the count exceeds {@code stopAbove}, so the result is
     * {@code min(working days, stopAbove + 1)}: enough to tell whether a limit was kept.
     */
    public int workingDaysBetweenOrWeekdays(LocalDate from, LocalDate to, int stopAbove) {
        int count = 0;
        for (LocalDate d = from.plusDays(1); !d.isAfter(to) && count <= stopAbove; d = d.plusDays(1)) {
            CalendarYear y = years.get(d.getYear());
            boolean working = y != null ? y.isWorkingDay(d)
                    : d.getDayOfWeek() != DayOfWeek.SATURDAY && d.getDayOfWeek() != DayOfWeek.SUNDAY;
            if (working) {
                count++;
            }
        }
        return count;
    }

    private CalendarYear yearOf(LocalDate day) {
        CalendarYear y = years.get(day.getYear());
        if (y == null) {
            throw new CalendarYearMissingException(day.getYear());
        }
        return y;
    }
}
