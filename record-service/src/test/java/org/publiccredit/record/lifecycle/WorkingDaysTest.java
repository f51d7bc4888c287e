package org.publiccredit.record.lifecycle;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.publiccredit.commons.calendar.CalendarFiles;

/**
 * 双公示 timeliness against the real calendar data (commons {@code calendar/2026.txt}): 国庆节 2026-10-01..10-07 off,
 * make-up working days Sun 2026-09-20 and Sat 2026-10-10; 劳动节 2026-05-01..05-05 off, make-up Sat 2026-05-09;
 * 元旦 2026-01-01..01-03 off, make-up Sun 2026-01-04. 2023-2025 have no data: Monday to Friday count there.
 */
class WorkingDaysTest {

    static final WorkingDays WORKING_DAYS = new WorkingDays(CalendarFiles.load("classpath:calendar/"));

    @Test
    void aDecisionBeforeNationalDayPublishedAfterItIsTimelyOnlyBecauseOfTheHoliday() {
        // decided Wed 30 Sep 2026; 1-7 Oct off; Thu 8 (1), Fri 9 (2), Sat 10 make-up (3), Sun 11 off, Mon 12 (4)
        LocalDate decided = LocalDate.of(2026, 9, 30);
        assertThat(WORKING_DAYS.between(decided, LocalDate.of(2026, 10, 12))).isEqualTo(4);
        assertThat(WORKING_DAYS.timely(decided, LocalDate.of(2026, 10, 12))).isTrue();
        // Monday to Friday alone would count Thu 1, Fri 2, Mon 5, Tue 6, Wed 7, Thu 8, Fri 9, Mon 12 = 8: late
    }

    @Test
    void theSeventhWorkingDayAfterNationalDayIsTheLastTimelyOne() {
        // after Wed 30 Sep 2026: 8 (1), 9 (2), 10 Sat make-up (3), 12 (4), 13 (5), 14 (6), Thu 15 (7), Fri 16 Oct (8)
        LocalDate decided = LocalDate.of(2026, 9, 30);
        assertThat(WORKING_DAYS.timely(decided, LocalDate.of(2026, 10, 15))).isTrue();
        assertThat(WORKING_DAYS.timely(decided, LocalDate.of(2026, 10, 16))).isFalse();
    }

    @Test
    void aMakeUpWorkingDayMakesAPublicationLate() {
        // decided Wed 6 May 2026 (after 劳动节): Thu 7 (1), Fri 8 (2), Sat 9 make-up (3), Mon 11 (4), 12 (5), 13 (6),
        // Thu 14 (7), Fri 15 (8). Monday to Friday alone would count 7 and call it timely.
        LocalDate decided = LocalDate.of(2026, 5, 6);
        assertThat(WORKING_DAYS.between(decided, LocalDate.of(2026, 5, 15))).isEqualTo(8);
        assertThat(WORKING_DAYS.timely(decided, LocalDate.of(2026, 5, 15))).isFalse();
        assertThat(WORKING_DAYS.timely(decided, LocalDate.of(2026, 5, 14))).isTrue();
    }

    @Test
    void aDecisionIn2024CountsMondayToFriday() {
        // no data for 2024, so its own National Day holiday is unknown here: after Mon 30 Sep 2024,
        // Tue 1 (1), 2 (2), 3 (3), Fri 4 (4), Mon 7 (5), Tue 8 (6), Wed 9 (7), Thu 10 Oct (8)
        LocalDate decided = LocalDate.of(2024, 9, 30);
        assertThat(WORKING_DAYS.between(decided, LocalDate.of(2024, 10, 9))).isEqualTo(7);
        assertThat(WORKING_DAYS.timely(decided, LocalDate.of(2024, 10, 9))).isTrue();
        assertThat(WORKING_DAYS.timely(decided, LocalDate.of(2024, 10, 10))).isFalse();
    }

    @Test
    void aPeriodFrom2025Into2026CountsWeekdaysThenTheCalendar() {
        // after Wed 24 Dec 2025 (no data): Thu 25 (1), Fri 26 (2), Mon 29 (3), Tue 30 (4), Wed 31 (5);
        // 2026 data: 1-3 Jan off, Sun 4 Jan make-up (6), Mon 5 Jan (7)
        LocalDate decided = LocalDate.of(2025, 12, 24);
        assertThat(WORKING_DAYS.between(decided, LocalDate.of(2026, 1, 5))).isEqualTo(7);
        assertThat(WORKING_DAYS.timely(decided, LocalDate.of(2026, 1, 5))).isTrue();
    }

    @Test
    void countingStopsJustPastTheLimit() {
        assertThat(WORKING_DAYS.between(LocalDate.of(2023, 1, 1), LocalDate.of(2026, 12, 31)))
                .isEqualTo(WorkingDays.PUBLICATION_LIMIT + 1);
    }

    @Test
    void aPublicationOnOrBeforeTheDecisionDateCountsNothing() {
        LocalDate decided = LocalDate.of(2026, 10, 8);
        assertThat(WORKING_DAYS.between(decided, decided)).isZero();
        assertThat(WORKING_DAYS.between(decided, decided.minusDays(3))).isZero();
        assertThat(WORKING_DAYS.timely(decided, decided)).isTrue();
    }
}
