package org.publiccredit.objection.stats;

import java.time.Instant;
import java.time.LocalDate;
import org.publiccredit.objection.cases.CaseFile;
import org.publiccredit.objection.cases.CaseKind;
import org.publiccredit.objection.cases.CaseState;
import org.publiccredit.objection.cases.Deadline;
import org.publiccredit.objection.cases.Deadlines;
import org.publiccredit.objection.cases.Proposal;
import org.springframework.stereotype.Component;

/**
 * Whether a closed case was handled on time: every step it took met the deadline that applied before it. The
 * deadlines are {@link Deadlines}' own (asked about the case as it stood just before each step), so the statistics
 * count exactly what the queues flag: acceptance (or refusal) within the acceptance period; an objection concluded
 * within its overall limit; a repair decided within its period after acceptance.
 */
@Component
class CaseTimeliness {

    /** On time, late, or unknown when a deadline falls in a year without calendar data. */
    enum Verdict { ON_TIME, LATE, UNKNOWN }

    private final Deadlines deadlines;

    CaseTimeliness(Deadlines deadlines) {
        this.deadlines = deadlines;
    }

    Verdict of(CaseRow c) {
        if (c.decidedAt() == null || c.state().open()) {
            throw new IllegalArgumentException("only closed cases have a verdict");
        }
        LocalDate acceptDue = deadlines.next(snapshot(c, CaseState.SUBMITTED, null, false)).due();
        if (c.state() == CaseState.NOT_ACCEPTED) {
            return verdict(c.decidedAt(), acceptDue);
        }
        Verdict accepted = verdict(c.acceptedAt() == null ? c.decidedAt() : c.acceptedAt(), acceptDue);
        LocalDate closeDue;
        if (c.kind() == CaseKind.OBJECTION) {
            closeDue = deadlines.concludeBy(snapshot(c, CaseState.VERIFYING, c.acceptedAt(), true));
        } else {
            Deadline decide = deadlines.next(snapshot(c, CaseState.REVIEWED, c.acceptedAt(), true));
            closeDue = decide == null ? null : decide.due();
        }
        Verdict closed = verdict(c.decidedAt(), closeDue);
        if (accepted == Verdict.LATE || closed == Verdict.LATE) {
            return Verdict.LATE;
        }
        return accepted == Verdict.UNKNOWN || closed == Verdict.UNKNOWN ? Verdict.UNKNOWN : Verdict.ON_TIME;
    }

    private static Verdict verdict(Instant at, LocalDate due) {
        if (due == null) {
            return Verdict.UNKNOWN;
        }
        return Deadlines.localDate(at).isAfter(due) ? Verdict.LATE : Verdict.ON_TIME;
    }

    /** The case as it stood before a step, with just what {@link Deadlines} reads. */
    private static CaseFile snapshot(CaseRow c, CaseState state, Instant acceptedAt, boolean proposed) {
        Proposal proposal = proposed ? new Proposal(null, null, null, null, null) : null;
        return new CaseFile(null, c.kind(), state, 0, null, null, null, null, null, null, c.submittedAt(), acceptedAt, null,
                proposal, null, null);
    }
}
