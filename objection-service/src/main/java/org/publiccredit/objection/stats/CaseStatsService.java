package org.publiccredit.objection.stats;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.publiccredit.commons.problem.ApiException;
import org.publiccredit.commons.problem.FieldProblem;
import org.publiccredit.objection.cases.CaseKind;
import org.publiccredit.objection.cases.CaseState;
import org.publiccredit.objection.cases.Deadlines;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Statistics of objections and repairs ({@link CaseStatistics}) in the caller's scope ({@link StatsScope}): reads the
 * cases filed or closed in the months asked (only the columns the figures need) and aggregates them.
 */
@Service
class CaseStatsService {

    static final int MAX_MONTHS = 36;

    private final JdbcClient jdbc;
    private final CaseTimeliness timeliness;
    private final Clock clock;

    CaseStatsService(JdbcClient jdbc, CaseTimeliness timeliness, Clock clock) {
        this.jdbc = jdbc;
        this.timeliness = timeliness;
        this.clock = clock;
    }

    /**
     * @param from first month, yyyy-MM
     * @param to last month, yyyy-MM
     * @param scope all, region or department
     * @param scopeValue the caller's region or department (null for all)
     * @param asOf today in Asia/Shanghai: "overdue" is measured against it
     * @param months one row per month and kind, oldest first, months without cases included
     */
    record CaseStats(String from, String to, String scope, String scopeValue, LocalDate asOf,
            List<CaseStatistics.MonthKind> months) {
    }

    /** Today's month in Asia/Shanghai (the default end of the range). */
    YearMonth currentMonth() {
        return YearMonth.from(Deadlines.localDate(clock.instant()));
    }

    @Transactional(readOnly = true)
    CaseStats stats(StatsScope scope, YearMonth first, YearMonth last) {
        if (first.isAfter(last) || !first.plusMonths(MAX_MONTHS).isAfter(last)) {
            throw ApiException.invalid("VALIDATION_FAILED", "from..to must span 1 to " + MAX_MONTHS + " months",
                    List.of(new FieldProblem("from", "PARAMETER_INVALID", "from <= to, at most " + MAX_MONTHS + " months")));
        }
        LocalDate today = Deadlines.localDate(clock.instant());
        Map<String, Object> params = new HashMap<>(scope.params());
        params.put("start", first.atDay(1).atStartOfDay(Deadlines.ZONE).toOffsetDateTime());
        params.put("end", last.plusMonths(1).atDay(1).atStartOfDay(Deadlines.ZONE).toOffsetDateTime());
        List<CaseRow> rows = jdbc.sql("""
                SELECT kind, state, submitted_at, accepted_at, decided_at, deadline_due FROM credit_case
                WHERE (%s) AND ((submitted_at >= :start AND submitted_at < :end) OR (decided_at >= :start AND decided_at < :end))
                """.formatted(scope.sql()))
                .params(params)
                .query((rs, n) -> new CaseRow(CaseKind.valueOf(rs.getString("kind")), CaseState.valueOf(rs.getString("state")),
                        instant(rs.getObject("submitted_at", OffsetDateTime.class)),
                        instant(rs.getObject("accepted_at", OffsetDateTime.class)),
                        instant(rs.getObject("decided_at", OffsetDateTime.class)),
                        rs.getObject("deadline_due", LocalDate.class)))
                .list();
        return new CaseStats(first.toString(), last.toString(), scope.name(), scope.value(), today,
                CaseStatistics.aggregate(rows, first, last, today, timeliness::of));
    }

    private static Instant instant(OffsetDateTime t) {
        return t == null ? null : t.toInstant();
    }
}
