package org.publiccredit.search.grades;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import java.net.URI;
import java.util.List;
import java.util.regex.Pattern;
import org.publiccredit.commons.problem.ApiException;
import org.publiccredit.commons.problem.FieldProblem;
import org.publiccredit.commons.security.Caller;
import org.publiccredit.commons.security.Role;
import org.hibernate.validator.constraints.Range;
import org.publiccredit.search.config.SupervisionProperties;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Graded supervision (分级分类监管): a department's officers draw inspection samples (双随机抽查) of the organisations they
 * supervise, at higher rates for lower credit grades, and read their department's samples again; admins draw and read
 * all. Someone else's sample is a 404.
 */
@RestController
@PreAuthorize("hasAnyRole('OFFICER', 'ADMIN')")
class SupervisionController {

    private static final Pattern ID = Pattern.compile("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");
    static final int MAX_PAGE_SIZE = 100;
    /** Samples are paged down to this many, no deeper. */
    static final int MAX_DEPTH = 10_000;

    private final Sampler sampler;
    private final SampleStore store;
    private final SupervisionProperties settings;

    SupervisionController(Sampler sampler, SampleStore store, SupervisionProperties settings) {
        this.sampler = sampler;
        this.store = store;
        this.settings = settings;
    }

    @PostMapping("/api/v1/supervision/samples")
    @Operation(operationId = "drawSupervisionSample", summary = "Draw an inspection sample of organisations, per credit grade at its rate "
            + "(or a total size shared by population × rate), reproducible from its seed; stored with who asked and why "
            + "(officers for their department, admins)")
    @ApiResponse(responseCode = "201", description = "the sample drawn, with Location")
    @ApiResponse(responseCode = "400", description = "VALIDATION_FAILED (purpose, filters, rates, size), SAMPLE_TOO_LARGE (with count "
            + "and max: narrow the filters or ask for a size)")
    @ApiResponse(responseCode = "403", description = "DEPARTMENT_REQUIRED")
    @ApiResponse(responseCode = "503", description = "SEARCH_UNAVAILABLE, SEARCH_BUSY")
    ResponseEntity<Sample> draw(@RequestBody SampleRequest request, Caller caller) {
        String department = department(caller);
        Sampler.Draw draw = request.check(settings);
        Sample sample = sampler.draw(draw, caller.username() != null ? caller.username() : caller.clientId(), department);
        return ResponseEntity.created(URI.create("/api/v1/supervision/samples/" + sample.id())).body(sample);
    }

    @GetMapping("/api/v1/supervision/samples/{id}")
    @Operation(operationId = "getSupervisionSample", summary = "A sample as drawn (its department's officers, admins)")
    @ApiResponse(responseCode = "200", description = "the sample with its subjects")
    @ApiResponse(responseCode = "404", description = "NOT_FOUND: no such sample, or another department's")
    Sample sample(@PathVariable String id, Caller caller) {
        if (!ID.matcher(id).matches()) {
            throw ApiException.notFound("Sample");
        }
        boolean admin = caller.has(Role.ADMIN);
        String department = caller.departmentClaim().orElse(null);
        return store.find(id).filter(s -> admin || department != null && department.equals(s.department()))
                .orElseThrow(() -> ApiException.notFound("Sample"));
    }

    /**
     * A page of samples.
     *
     * @param page the page, from 0
     * @param size its size
     * @param total all samples the caller may read
     * @param items this page's, newest first, without their subjects (read one for them)
     */
    record SamplePage(int page, int size, long total, List<Sample> items) {
    }

    @GetMapping("/api/v1/supervision/samples")
    @Operation(operationId = "listSupervisionSamples", summary = "Samples, newest first, without their subjects (officers: their "
            + "department's; admins: all)")
    @ApiResponse(responseCode = "200", description = "a page of samples")
    @ApiResponse(responseCode = "400", description = "VALIDATION_FAILED: page, size")
    @ApiResponse(responseCode = "403", description = "DEPARTMENT_REQUIRED")
    SamplePage samples(@RequestParam(required = false) @Range(min = 0, max = MAX_DEPTH - 1) Integer page,
            @RequestParam(required = false) @Range(min = 1, max = MAX_PAGE_SIZE) Integer size, Caller caller) {
        int p = page != null ? page : 0;
        int s = size != null ? size : 20;
        if ((long) p * s + s > MAX_DEPTH) {
            // a limit of page and size together, which no constraint of one parameter states: named on the page
            throw ApiException.invalid("VALIDATION_FAILED", "The request has invalid parameters", List.of(
                    new FieldProblem("page", "FIELD_RANGE", "at most " + MAX_DEPTH + " samples deep")));
        }
        String department = caller.has(Role.ADMIN) ? null : department(caller);
        SampleStore.Page found = store.page(department, p, s);
        return new SamplePage(p, s, found.total(), found.items().stream().map(Sample::withoutSubjects).toList());
    }

    /** The department a sample is drawn for: an officer's own (required); an admin's if the token names one. */
    private static String department(Caller caller) {
        if (caller.has(Role.ADMIN)) {
            return caller.departmentClaim().orElse(null);
        }
        return caller.departmentClaim().orElseThrow(() -> ApiException.forbidden("DEPARTMENT_REQUIRED", "Your token carries no department"));
    }
}
