package org.publiccredit.record.stats;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.List;
import org.publiccredit.commons.problem.ApiException;
import org.publiccredit.commons.problem.FieldProblem;
import org.publiccredit.commons.security.Caller;
import org.publiccredit.commons.security.Role;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Ingestion statistics per department and month: rows pushed by result, rejected rows, and 双公示 timeliness (share of
 * the month's new 双公示 records pushed within 7 working days of their decision date, counted with the working-day
 * calendar: public holidays off, make-up days on; Monday-Friday in years without calendar data).
 * Officers see their own department; reviewers and admins all.
 */
@RestController
class StatsController {

    private final DepartmentStats stats;

    StatsController(DepartmentStats stats) {
        this.stats = stats;
    }

    /**
     * One department's month.
     *
     * @param department department code
     * @param month yyyy-MM
     * @param created new records
     * @param updated new versions
     * @param unchanged identical re-pushes
     * @param rejected rejected rows
     * @param doublePublicityRecords new records of the month in the categories the catalog marks 双公示 ({@code doublePublicity})
     * @param timely of those, pushed within 7 working days of the decision
     * @param timelinessRate timely / doublePublicityRecords, null when none
     */
    record DepartmentMonth(String department, String month, long created, long updated, long unchanged, long rejected,
            long doublePublicityRecords, long timely, Double timelinessRate) {
    }

    /**
     * @param month the month asked
     * @param workingDays how working days are counted
     * @param departments one row per department
     */
    record Stats(String month, String workingDays, List<DepartmentMonth> departments) {
    }

    @GetMapping("/api/v1/stats/departments")
    @Operation(operationId = "getDepartmentStats", summary = "Pushes per department in a month, with 双公示 timeliness "
            + "(officers for their department, reviewers and admins for all)")
    @ApiResponse(responseCode = "200", description = "the month's figures")
    @ApiResponse(responseCode = "403", description = "DEPARTMENT_REQUIRED")
    Stats departments(@RequestParam String month, Caller caller) {
        YearMonth ym;
        try {
            ym = YearMonth.parse(month);
        } catch (DateTimeParseException e) {
            throw ApiException.invalid("VALIDATION_FAILED", "month is yyyy-MM",
                    List.of(new FieldProblem("month", "PARAMETER_INVALID", "yyyy-MM, e.g. 2026-11")));
        }
        boolean all = caller.hasAny(Role.REVIEWER, Role.ADMIN);
        String only = all ? null : caller.departmentClaim().orElseThrow(() ->
                ApiException.forbidden("DEPARTMENT_REQUIRED", "Your token carries no department"));
        List<DepartmentMonth> rows = stats.departments(ym, only);
        return new Stats(ym.toString(), "working-day calendar (public holidays and make-up days); Monday-Friday in years without calendar data", rows);
    }
}
