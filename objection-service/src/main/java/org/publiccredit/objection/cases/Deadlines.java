package org.publiccredit.objection.cases;

import org.publiccredit.commons.calendar.PlatformZone;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import org.publiccredit.commons.calendar.CalendarYearMissingException;
import org.publiccredit.commons.calendar.WorkingCalendar;
import org.springframework.stereotype.Component;

/**
 * The next deadline of a case, counted in working days of the {@link WorkingCalendar} in Asia/Shanghai. A deadline
 * that falls in a year without calendar data is reported as unknown with CALENDAR_YEAR_MISSING.
 */
@Component
public class Deadlines {

    /** Deadlines and decision dates are local dates in China. */
    public static final ZoneId ZONE = PlatformZone.ZONE;

    private final WorkingCalendar calendar;
    private final DeadlineRules rules;

    public Deadlines(WorkingCalendar calendar, DeadlineRules rules) {
        this.calendar = calendar;
        this.rules = rules;
    }

    public static LocalDate localDate(Instant at) {
        return at.atZone(ZONE).toLocalDate();
    }

    /** The next deadline for the case as it is now; null when it is closed. */
    public Deadline next(CaseFile c) {
        if (!c.state().open()) {
            return null;
        }
        if (c.state() == CaseState.SUBMITTED) {
            return working("ACCEPT", localDate(c.submittedAt()), rules.acceptWorkingDays());
        }
        if (c.kind() == CaseKind.REPAIR) {
            return working("DECIDE", localDate(c.acceptedAt()), rules.repairDecideWorkingDays());
        }
        Deadline conclude = new Deadline("CONCLUDE", concludeBy(c), null);
        if (c.proposal() != null) {
            return conclude;
        }
        Deadline verify = working("VERIFY", localDate(c.acceptedAt()), rules.objectionVerifyWorkingDays());
        return verify.due() != null && verify.due().isAfter(conclude.due()) ? conclude : verify;
    }

    /**
     * The period a deadline kind allows, as the rules configure it: "受理 within 2 working days" is {@code (2, WORKING_DAYS)},
     * the objection's conclusion {@code (20, DAYS)}. Null for an unknown kind.
     *
     * @param length how many days
     * @param unit WORKING_DAYS or DAYS (calendar days)
     */
    public record Period(int length, String unit) {
    }

    public Period period(String kind) {
        return switch (kind) {
            case "ACCEPT" -> new Period(rules.acceptWorkingDays(), "WORKING_DAYS");
            case "VERIFY" -> new Period(rules.objectionVerifyWorkingDays(), "WORKING_DAYS");
            case "DECIDE" -> new Period(rules.repairDecideWorkingDays(), "WORKING_DAYS");
            case "CONCLUDE" -> new Period(rules.objectionConcludeDays(), "DAYS");
            default -> null;
        };
    }

    /** The day by which an objection must be concluded: calendar days from submission. */
    public LocalDate concludeBy(CaseFile c) {
        return localDate(c.submittedAt()).plusDays(rules.objectionConcludeDays());
    }

    /** Whether a deadline is "due soon" on {@code today}: not overdue, and at most the configured working days ahead. */
    public boolean dueSoon(Deadline d, LocalDate today) {
        if (d == null || d.due() == null || d.overdue(today)) {
            return false;
        }
        try {
            return !d.due().isAfter(calendar.addWorkingDays(today, rules.dueSoonWorkingDays()));
        } catch (CalendarYearMissingException e) {
            return true;
        }
    }

    /** The last day the due-soon window covers on {@code today}, for queries; null when it cannot be computed. */
    public LocalDate dueSoonHorizon(LocalDate today) {
        try {
            return calendar.addWorkingDays(today, rules.dueSoonWorkingDays());
        } catch (CalendarYearMissingException e) {
            return null;
        }
    }

    private Deadline working(String kind, LocalDate from, int days) {
        try {
            return new Deadline(kind, calendar.addWorkingDays(from, days), null);
        } catch (CalendarYearMissingException e) {
            return Deadline.unknown(kind, e.code());
        }
    }
}
