package org.publiccredit.objection.stats;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.List;
import org.publiccredit.commons.problem.ApiException;
import org.publiccredit.commons.problem.FieldProblem;
import org.publiccredit.commons.security.Caller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Statistics of objections and repairs per month and kind, for admins (all cases), reviewers (their region) and
 * officers (their department's records); anyone else 403. The literal path wins over {@code /api/v1/cases/{id}}.
 */
@RestController
class CaseStatsController {

    static final int DEFAULT_MONTHS = 6;

    private final CaseStatsService stats;

    CaseStatsController(CaseStatsService stats) {
        this.stats = stats;
    }

    /** {@code from}/{@code to} yyyy-MM (Asia/Shanghai months); by default the last six months up to this one. */
    @GetMapping("/api/v1/cases/stats")
    @Operation(operationId = "getCaseStats", summary = "Case counts, deadlines kept and overdue, per month (reviewers of their "
            + "region, officers of their department, admins)")
    CaseStatsService.CaseStats stats(Caller caller, @RequestParam(required = false) String from,
            @RequestParam(required = false) String to) {
        StatsScope scope = StatsScope.of(caller);
        YearMonth last = to == null ? stats.currentMonth() : month("to", to);
        YearMonth first = from == null ? last.minusMonths(DEFAULT_MONTHS - 1L) : month("from", from);
        return stats.stats(scope, first, last);
    }

    private static YearMonth month(String name, String value) {
        try {
            return YearMonth.parse(value);
        } catch (DateTimeParseException e) {
            throw ApiException.invalid("VALIDATION_FAILED", name + " is yyyy-MM",
                    List.of(new FieldProblem(name, "PARAMETER_INVALID", "yyyy-MM, e.g. 2026-11")));
        }
    }
}
