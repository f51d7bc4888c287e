package org.publiccredit.search.grades;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The distribution of credit grades (公共信用综合评价) over the public organisations of a region, industry or type. */
@RestController
class GradeStatsController {

    private final GradeCounts counts;
    private final Clock clock;

    GradeStatsController(GradeCounts counts, Clock clock) {
        this.counts = counts;
        this.clock = clock;
    }

    /**
     * Organisations by grade.
     *
     * @param total the public organisations matching the filters
     * @param grades how many of them have each grade A-D, and {@code none}: not evaluated yet (together: total)
     * @param filters the filters applied
     * @param asOf when the index was asked
     */
    record GradeStats(long total, Map<String, Long> grades, OrganisationFilter filters, Instant asOf) {
    }

    @GetMapping("/api/v1/stats/grades")
    @PreAuthorize("hasAnyRole('OFFICER', 'REVIEWER', 'ADMIN')")
    @Operation(operationId = "getGradeStats", summary = "Public organisations by credit grade A-D (and not yet graded), for a region "
            + "(2-, 4- or 6-digit prefix), an industry (GB/T 4754 section A-T) and a type (officers, reviewers, admins)")
    @ApiResponse(responseCode = "200", description = "the counts; the grades add up to total")
    @ApiResponse(responseCode = "400", description = "VALIDATION_FAILED: region, industry or type")
    @ApiResponse(responseCode = "503", description = "SEARCH_UNAVAILABLE, SEARCH_BUSY")
    GradeStats grades(@RequestParam(required = false) String region, @RequestParam(required = false) String industry,
            @RequestParam(required = false) String type) {
        OrganisationFilter filter = OrganisationFilter.of(region, industry, type, "");
        GradeCounts.Counts c = counts.count(filter);
        return new GradeStats(c.total(), c.asMap(), filter, clock.instant());
    }
}
