package org.publiccredit.objection.stats;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.publiccredit.objection.cases.CaseKind;
import org.publiccredit.objection.cases.Deadlines;

/**
 * The monthly figures of objections (异议) and repairs (信用修复), per month (Asia/Shanghai) and kind: cases filed in the
 * month; cases closed in the month (refused, concluded or decided) and of those how many on time, late, or
 * not judgeable (a deadline in a year without calendar data); and of the cases filed in the month those still open
 * and past their deadline today. Pure: the rows, the months and the verdicts come in, the figures go out.
 */
final class CaseStatistics {

    private CaseStatistics() {
    }

    /**
     * One month of one kind.
     *
     * @param month yyyy-MM
     * @param kind OBJECTION or REPAIR
     * @param filed cases filed in the month
     * @param concluded cases closed in the month (not accepted, concluded, approved or denied)
     * @param concludedOnTime of those, every step within its deadline
     * @param concludedLate of those, at least one step late
     * @param timelinessUnknown of those, a deadline could not be computed (year without calendar data)
     * @param overdueOpen cases filed in the month that are still open and past their deadline today
     */
    record MonthKind(String month, CaseKind kind, long filed, long concluded, long concludedOnTime, long concludedLate,
            long timelinessUnknown, long overdueOpen) {
    }

    private static final class Counter {
        long filed;
        long concluded;
        long onTime;
        long late;
        long unknown;
        long overdueOpen;
    }

    static List<MonthKind> aggregate(List<CaseRow> rows, YearMonth from, YearMonth to, LocalDate today,
            Function<CaseRow, CaseTimeliness.Verdict> verdicts) {
        Map<YearMonth, Map<CaseKind, Counter>> table = new LinkedHashMap<>();
        for (YearMonth m = from; !m.isAfter(to); m = m.plusMonths(1)) {
            Map<CaseKind, Counter> kinds = new LinkedHashMap<>();
            for (CaseKind k : CaseKind.values()) {
                kinds.put(k, new Counter());
            }
            table.put(m, kinds);
        }
        for (CaseRow r : rows) {
            Map<CaseKind, Counter> filedIn = table.get(YearMonth.from(Deadlines.localDate(r.submittedAt())));
            if (filedIn != null) {
                Counter c = filedIn.get(r.kind());
                c.filed++;
                if (r.state().open() && r.deadlineDue() != null && r.deadlineDue().isBefore(today)) {
                    c.overdueOpen++;
                }
            }
            if (r.closed()) {
                Map<CaseKind, Counter> closedIn = table.get(YearMonth.from(Deadlines.localDate(r.decidedAt())));
                if (closedIn != null) {
                    Counter c = closedIn.get(r.kind());
                    c.concluded++;
                    switch (verdicts.apply(r)) {
                        case ON_TIME -> c.onTime++;
                        case LATE -> c.late++;
                        case UNKNOWN -> c.unknown++;
                    }
                }
            }
        }
        List<MonthKind> out = new ArrayList<>();
        table.forEach((month, kinds) -> kinds.forEach((kind, c) -> out.add(new MonthKind(month.toString(), kind, c.filed,
                c.concluded, c.onTime, c.late, c.unknown, c.overdueOpen))));
        return out;
    }
}
