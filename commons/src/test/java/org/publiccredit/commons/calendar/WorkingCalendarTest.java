package org.publiccredit.commons.calendar;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class WorkingCalendarTest {

    static final WorkingCalendar CALENDAR = CalendarFiles.load("classpath:calendar/");

    @Test
    void loadsBothYearsWith2026AsOfficial() {
        assertThat(CALENDAR.years()).contains(2026, 2027);
        assertThat(CALENDAR.year(2026)).get().extracting(CalendarYear::status).isEqualTo("OFFICIAL");
        assertThat(CALENDAR.year(2027)).get().extracting(CalendarYear::status).isEqualTo("PROVISIONAL");
    }

    @Test
    void nationalDay2026IsSevenDaysOffWithTwoMakeUpDays() {
        for (int d = 1; d <= 7; d++) {
            assertThat(CALENDAR.isWorkingDay(LocalDate.of(2026, 10, d))).as("Oct %d", d).isFalse();
        }
        assertThat(CALENDAR.isWorkingDay(LocalDate.of(2026, 9, 20))).as("Sun Sep 20, make-up day").isTrue();
        assertThat(CALENDAR.isWorkingDay(LocalDate.of(2026, 10, 10))).as("Sat Oct 10, make-up day").isTrue();
        assertThat(CALENDAR.isWorkingDay(LocalDate.of(2026, 10, 8))).isTrue();
        assertThat(CALENDAR.isWorkingDay(LocalDate.of(2026, 10, 11))).as("an ordinary Sunday").isFalse();
    }

    @Test
    void acceptanceDeadlineOfASubmissionBeforeNationalDaySkipsTheHoliday() {
        // submitted Wed 30 Sep 2026: the next working days are Thu 8 Oct and Fri 9 Oct
        assertThat(CALENDAR.addWorkingDays(LocalDate.of(2026, 9, 30), 2)).isEqualTo(LocalDate.of(2026, 10, 9));
        // submitted Tue 29 Sep: Wed 30 Sep, then Thu 8 Oct
        assertThat(CALENDAR.addWorkingDays(LocalDate.of(2026, 9, 29), 2)).isEqualTo(LocalDate.of(2026, 10, 8));
    }

    @Test
    void tenWorkingDaysAcrossNationalDayCountTheSaturdayMakeUpDay() {
        // accepted Mon 28 Sep: 29, 30 Sep, 8, 9, 10 (Sat, make-up), 12, 13, 14, 15, 16 Oct
        assertThat(CALENDAR.addWorkingDays(LocalDate.of(2026, 9, 28), 10)).isEqualTo(LocalDate.of(2026, 10, 16));
        assertThat(CALENDAR.workingDaysBetween(LocalDate.of(2026, 9, 28), LocalDate.of(2026, 10, 16))).isEqualTo(10);
    }

    @Test
    void aSundayMakeUpDayCountsAsTheFirstWorkingDay() {
        // submitted Sat 19 Sep 2026: Sun 20 Sep is a working day (国庆节调休), then Mon 21 Sep
        assertThat(CALENDAR.addWorkingDays(LocalDate.of(2026, 9, 19), 2)).isEqualTo(LocalDate.of(2026, 9, 21));
    }

    @Test
    void springFestival2026() {
        // Fri 13 Feb: Sat 14 Feb is a make-up day, 15-23 Feb are off, Tue 24 Feb is the second working day
        assertThat(CALENDAR.addWorkingDays(LocalDate.of(2026, 2, 13), 2)).isEqualTo(LocalDate.of(2026, 2, 24));
        assertThat(CALENDAR.isWorkingDay(LocalDate.of(2026, 2, 28))).isTrue();
    }

    @Test
    void countsAcrossTheYearEndIntoTheNextYearsData() {
        // Thu 31 Dec 2026: 1-3 Jan 2027 off, Mon 4 and Tue 5 Jan
        assertThat(CALENDAR.addWorkingDays(LocalDate.of(2026, 12, 31), 2)).isEqualTo(LocalDate.of(2027, 1, 5));
    }

    @Test
    void workingDaysOf2026AddUp() {
        // 261 weekdays − 19 holidays on weekdays + 6 make-up days
        int working = 0;
        for (LocalDate d = LocalDate.of(2026, 1, 1); d.getYear() == 2026; d = d.plusDays(1)) {
            working += CALENDAR.isWorkingDay(d) ? 1 : 0;
        }
        assertThat(working).isEqualTo(248);
    }

    @Test
    void aYearWithoutDataIsRefusedNotGuessed() {
        assertThatThrownBy(() -> CALENDAR.addWorkingDays(LocalDate.of(2027, 12, 30), 5))
                .isInstanceOf(CalendarYearMissingException.class)
                .hasMessageContaining("2028")
                .satisfies(e -> assertThat(((CalendarYearMissingException) e).code()).isEqualTo("CALENDAR_YEAR_MISSING"));
        assertThatThrownBy(() -> CALENDAR.isWorkingDay(LocalDate.of(2025, 6, 1))).isInstanceOf(CalendarYearMissingException.class);
    }

    @Test
    void theWeekdayFallbackUsesTheDataWhereItExists() {
        // after Wed 30 Sep 2026: 1-7 Oct off, Thu 8, Fri 9, Sat 10 (make-up), Mon 12
        assertThat(CALENDAR.workingDaysBetweenOrWeekdays(LocalDate.of(2026, 9, 30), LocalDate.of(2026, 10, 12), 7)).isEqualTo(4);
        assertThat(CALENDAR.workingDaysBetweenOrWeekdays(LocalDate.of(2026, 9, 28), LocalDate.of(2026, 10, 16), 10))
                .isEqualTo(CALENDAR.workingDaysBetween(LocalDate.of(2026, 9, 28), LocalDate.of(2026, 10, 16)));
    }

    @Test
    void theWeekdayFallbackCountsMondayToFridayInAYearWithoutData() {
        // 2025 has no data: Thu 25, Fri 26, Mon 29, Tue 30, Wed 31 Dec 2025; then 2026 data: 1-3 Jan off, Sun 4 (make-up), Mon 5
        assertThat(CALENDAR.workingDaysBetweenOrWeekdays(LocalDate.of(2025, 12, 24), LocalDate.of(2026, 1, 5), 10)).isEqualTo(7);
        // Sat 7 to Sun 15 Jun 2025: Mon 9 to Fri 13
        assertThat(CALENDAR.workingDaysBetweenOrWeekdays(LocalDate.of(2025, 6, 6), LocalDate.of(2025, 6, 15), 10)).isEqualTo(5);
        // the strict count still refuses the same period
        assertThatThrownBy(() -> CALENDAR.workingDaysBetween(LocalDate.of(2025, 12, 24), LocalDate.of(2026, 1, 5)))
                .isInstanceOf(CalendarYearMissingException.class).hasMessageContaining("2025");
    }

    @Test
    void theWeekdayFallbackStopsOnceTheCountExceedsTheLimit() {
        assertThat(CALENDAR.workingDaysBetweenOrWeekdays(LocalDate.of(2023, 1, 1), LocalDate.of(2028, 12, 31), 7)).isEqualTo(8);
        assertThat(CALENDAR.workingDaysBetweenOrWeekdays(LocalDate.of(2026, 10, 8), LocalDate.of(2026, 10, 8), 7)).isZero();
        assertThat(CALENDAR.workingDaysBetweenOrWeekdays(LocalDate.of(2026, 10, 8), LocalDate.of(2026, 10, 1), 7)).isZero();
    }

    @Test
    void zeroWorkingDaysIsTheDayItself() {
        assertThat(CALENDAR.addWorkingDays(LocalDate.of(2026, 10, 3), 0)).isEqualTo(LocalDate.of(2026, 10, 3));
    }

    @Test
    void malformedFilesAreRefusedWithTheLine() {
        assertThatThrownBy(() -> CalendarFiles.parse(2026, "status OFFICIAL\nworkday 2026-10-09 a Friday"))
                .hasMessageContaining("line 2").hasMessageContaining("Saturday or Sunday");
        assertThatThrownBy(() -> CalendarFiles.parse(2026, "status OFFICIAL\nholiday 2027-01-01 2027-01-02 x"))
                .hasMessageContaining("not in 2026");
        assertThatThrownBy(() -> CalendarFiles.parse(2026, "holiday 2026-01-01 2026-01-01 x"))
                .hasMessageContaining("status");
        assertThatThrownBy(() -> CalendarFiles.parse(2026, "status OFFICIAL\nholiday 2026-13-01 2026-01-01 x"))
                .hasMessageContaining("line 2");
    }
}
