package org.publiccredit.objection.stats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZonedDateTime;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.publiccredit.commons.calendar.CalendarFiles;
import org.publiccredit.objection.cases.CaseKind;
import org.publiccredit.objection.cases.CaseState;
import org.publiccredit.objection.cases.DeadlineRules;
import org.publiccredit.objection.cases.Deadlines;
import org.publiccredit.objection.stats.CaseStatistics.MonthKind;
import org.publiccredit.objection.stats.CaseTimeliness.Verdict;

/** The monthly figures and the on-time verdicts, with the platform's real 2026/2027 calendar data. */
class CaseStatisticsTest {

    static final DeadlineRules RULES = new DeadlineRules(2, 10, 20, 5, 2);
    final CaseTimeliness timeliness = new CaseTimeliness(new Deadlines(CalendarFiles.load("classpath:calendar/"), RULES));

    static Instant shanghai(int y, int m, int d, int hour) {
        return ZonedDateTime.of(y, m, d, hour, 0, 0, 0, Deadlines.ZONE).toInstant();
    }

    static CaseRow refused(Instant submitted, Instant refused) {
        return new CaseRow(CaseKind.OBJECTION, CaseState.NOT_ACCEPTED, submitted, null, refused, null);
    }

    static CaseRow concluded(Instant submitted, Instant accepted, Instant decided) {
        return new CaseRow(CaseKind.OBJECTION, CaseState.CONCLUDED, submitted, accepted, decided, null);
    }

    static CaseRow repairDecided(Instant submitted, Instant accepted, Instant decided) {
        return new CaseRow(CaseKind.REPAIR, CaseState.APPROVED, submitted, accepted, decided, null);
    }

    static CaseRow open(CaseKind kind, Instant submitted, LocalDate due) {
        return new CaseRow(kind, CaseState.SUBMITTED, submitted, null, null, due);
    }

    @Test
    void refusalIsOnTimeWithinTheAcceptancePeriodCountedInShanghaiDates() {
        // 30 Sep 00:30 Shanghai (29 Sep UTC): two working days after National Day end on 9 Oct
        Instant submitted = shanghai(2026, 9, 30, 0);
        assertThat(timeliness.of(refused(submitted, shanghai(2026, 10, 9, 23)))).isEqualTo(Verdict.ON_TIME);
        assertThat(timeliness.of(refused(submitted, shanghai(2026, 10, 10, 9)))).isEqualTo(Verdict.LATE);
    }

    @Test
    void anObjectionConcludesWithinTwentyDaysAndWasAcceptedInTime() {
        Instant submitted = shanghai(2026, 9, 25, 10);
        Instant accepted = shanghai(2026, 9, 28, 10);
        assertThat(timeliness.of(concluded(submitted, accepted, shanghai(2026, 10, 15, 18)))).isEqualTo(Verdict.ON_TIME);
        assertThat(timeliness.of(concluded(submitted, accepted, shanghai(2026, 10, 16, 9)))).isEqualTo(Verdict.LATE);
        // accepted after the two working days (due 29 Sep): late although concluded within the twenty days
        assertThat(timeliness.of(concluded(submitted, shanghai(2026, 9, 30, 9), shanghai(2026, 10, 12, 9))))
                .isEqualTo(Verdict.LATE);
    }

    @Test
    void aRepairIsDecidedWithinFiveWorkingDaysOfAcceptance() {
        Instant submitted = shanghai(2026, 9, 28, 9);
        Instant accepted = shanghai(2026, 9, 30, 9);
        // 8, 9, 10 (Saturday make-up day), 12, 13 Oct
        assertThat(timeliness.of(repairDecided(submitted, accepted, shanghai(2026, 10, 13, 17)))).isEqualTo(Verdict.ON_TIME);
        assertThat(timeliness.of(repairDecided(submitted, accepted, shanghai(2026, 10, 14, 9)))).isEqualTo(Verdict.LATE);
    }

    @Test
    void aDeadlineInAYearWithoutCalendarDataIsNotJudged() {
        assertThat(timeliness.of(refused(shanghai(2027, 12, 30, 9), shanghai(2027, 12, 31, 9)))).isEqualTo(Verdict.UNKNOWN);
    }

    @Test
    void openCasesHaveNoVerdict() {
        assertThatThrownBy(() -> timeliness.of(open(CaseKind.REPAIR, shanghai(2026, 9, 28, 9), null)))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void figuresPerMonthAndKind() {
        List<CaseRow> rows = List.of(
                // filed in September, concluded in October on time
                concluded(shanghai(2026, 9, 25, 10), shanghai(2026, 9, 28, 10), shanghai(2026, 10, 15, 18)),
                // filed and refused late in October
                refused(shanghai(2026, 9, 30, 0), shanghai(2026, 10, 10, 9)),
                // filed on 1 Nov 00:30 Shanghai (still October in UTC): a November case, open and overdue
                open(CaseKind.OBJECTION, shanghai(2026, 11, 1, 0), LocalDate.of(2026, 11, 4)),
                // open, not yet due
                open(CaseKind.REPAIR, shanghai(2026, 11, 20, 9), LocalDate.of(2026, 11, 24)),
                // filed before the range, decided in it
                repairDecided(shanghai(2026, 8, 3, 9), shanghai(2026, 8, 4, 9), shanghai(2026, 9, 2, 9)));
        List<MonthKind> months = CaseStatistics.aggregate(rows, YearMonth.of(2026, 9), YearMonth.of(2026, 12),
                LocalDate.of(2026, 11, 23), timeliness::of);

        assertThat(months).hasSize(8).extracting(MonthKind::month).containsExactly("2026-09", "2026-09", "2026-10", "2026-10",
                "2026-11", "2026-11", "2026-12", "2026-12");
        assertThat(months.get(0)).isEqualTo(new MonthKind("2026-09", CaseKind.OBJECTION, 2, 0, 0, 0, 0, 0));
        assertThat(months.get(1)).as("decided late: accepted 4 Aug, five working days end 11 Aug")
                .isEqualTo(new MonthKind("2026-09", CaseKind.REPAIR, 0, 1, 0, 1, 0, 0));
        assertThat(months.get(2)).isEqualTo(new MonthKind("2026-10", CaseKind.OBJECTION, 0, 2, 1, 1, 0, 0));
        assertThat(months.get(4)).isEqualTo(new MonthKind("2026-11", CaseKind.OBJECTION, 1, 0, 0, 0, 0, 1));
        assertThat(months.get(5)).isEqualTo(new MonthKind("2026-11", CaseKind.REPAIR, 1, 0, 0, 0, 0, 0));
        assertThat(months.get(6)).isEqualTo(new MonthKind("2026-12", CaseKind.OBJECTION, 0, 0, 0, 0, 0, 0));
    }
}
