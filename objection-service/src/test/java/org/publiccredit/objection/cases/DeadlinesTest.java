package org.publiccredit.objection.cases;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import org.junit.jupiter.api.Test;
import org.publiccredit.commons.calendar.CalendarFiles;

class DeadlinesTest {

    static final DeadlineRules RULES = new DeadlineRules(2, 10, 20, 5, 2);
    final Deadlines deadlines = new Deadlines(CalendarFiles.load("classpath:calendar/"), RULES);

    static Instant shanghai(int y, int m, int d, int hour) {
        return ZonedDateTime.of(y, m, d, hour, 0, 0, 0, Deadlines.ZONE).toInstant();
    }

    @Test
    void acceptDeadlineUsesTheShanghaiDateOfSubmission() {
        // 30 Sep 2026 00:30 in Shanghai is still 29 Sep in UTC: the Shanghai date counts
        CaseFile c = CaseFixtures.submitted(CaseKind.OBJECTION, shanghai(2026, 9, 30, 0));
        assertThat(deadlines.next(c)).isEqualTo(new Deadline("ACCEPT", LocalDate.of(2026, 10, 9), null));
    }

    @Test
    void objectionVerificationAcrossNationalDayAndTheTwentyDayLimit() {
        CaseFile c = CaseFixtures.accepted(CaseKind.OBJECTION, shanghai(2026, 9, 25, 10), shanghai(2026, 9, 28, 10));
        // verify by 16 Oct (10 working days), but the whole case must conclude within 20 days of 25 Sep: 15 Oct
        assertThat(deadlines.next(c)).isEqualTo(new Deadline("CONCLUDE", LocalDate.of(2026, 10, 15), null));
        CaseFile later = CaseFixtures.accepted(CaseKind.OBJECTION, shanghai(2026, 9, 28, 10), shanghai(2026, 9, 28, 11));
        assertThat(deadlines.next(later)).isEqualTo(new Deadline("VERIFY", LocalDate.of(2026, 10, 16), null));
    }

    @Test
    void repairDecisionFiveWorkingDaysAfterAcceptance() {
        CaseFile c = CaseFixtures.accepted(CaseKind.REPAIR, shanghai(2026, 9, 28, 9), shanghai(2026, 9, 30, 9));
        // 8, 9, 10 (Sat make-up), 12, 13 Oct
        assertThat(deadlines.next(c)).isEqualTo(new Deadline("DECIDE", LocalDate.of(2026, 10, 13), null));
    }

    @Test
    void aDeadlineInAYearWithoutCalendarIsUnknownWithTheReason() {
        CaseFile c = CaseFixtures.submitted(CaseKind.REPAIR, shanghai(2027, 12, 30, 9));
        assertThat(deadlines.next(c)).isEqualTo(new Deadline("ACCEPT", null, "CALENDAR_YEAR_MISSING"));
    }

    @Test
    void eachDeadlineKindStatesThePeriodItsRuleAllows() {
        assertThat(deadlines.period("ACCEPT")).isEqualTo(new Deadlines.Period(2, "WORKING_DAYS"));
        assertThat(deadlines.period("VERIFY")).isEqualTo(new Deadlines.Period(10, "WORKING_DAYS"));
        assertThat(deadlines.period("DECIDE")).isEqualTo(new Deadlines.Period(5, "WORKING_DAYS"));
        assertThat(deadlines.period("CONCLUDE")).as("征信业管理条例 art. 25 counts days").isEqualTo(new Deadlines.Period(20, "DAYS"));
        assertThat(deadlines.period("OTHER")).isNull();
    }

    @Test
    void closedCasesHaveNoDeadline() {
        CaseFile c = CaseFixtures.submitted(CaseKind.OBJECTION, shanghai(2026, 9, 30, 9));
        CaseFile refused = c.refuse(CaseFixtures.REVIEWER, "not our region's matter", Instant.now()).after();
        assertThat(deadlines.next(refused)).isNull();
    }

    @Test
    void dueSoonAndOverdue() {
        Deadline d = new Deadline("ACCEPT", LocalDate.of(2026, 10, 9), null);
        assertThat(deadlines.dueSoon(d, LocalDate.of(2026, 10, 8))).isTrue();
        assertThat(deadlines.dueSoon(d, LocalDate.of(2026, 9, 30))).as("two working days later is 9 Oct").isTrue();
        assertThat(deadlines.dueSoon(d, LocalDate.of(2026, 9, 29))).isFalse();
        assertThat(d.overdue(LocalDate.of(2026, 10, 9))).isFalse();
        assertThat(d.overdue(LocalDate.of(2026, 10, 10))).isTrue();
        assertThat(deadlines.dueSoon(d, LocalDate.of(2026, 10, 10))).as("overdue is not due soon").isFalse();
    }
}
