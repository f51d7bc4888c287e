package org.publiccredit.record.check;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import java.util.List;
import java.util.UUID;
import org.publiccredit.commons.problem.ApiException;
import org.publiccredit.commons.security.Caller;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** Credit checks (partners, officers, admins). */
@RestController
@RequestMapping("/api/v1/checks")
class CheckController {

    private final CheckService checks;

    CheckController(CheckService checks) {
        this.checks = checks;
    }

    /**
     * @param scenario e.g. GOV_PROCUREMENT
     * @param subjects USCC codes or id numbers, at most 1,000
     * @param purpose why the caller checks
     */
    record CheckRequest(String scenario, List<String> subjects, String purpose) {
    }

    @PostMapping
    @Operation(operationId = "checkSubjects", summary = "A credit check (联合奖惩核查) of up to 1,000 subjects for a scenario (officer, partner, admin)",
            description = "Answers, per subject, the list entries in force and the measures the catalog maps to the scenario; the "
                    + "check is recorded with its purpose.")
    @ApiResponse(responseCode = "201", description = "the check, also at Location")
    ResponseEntity<CheckService.CheckResult> check(@RequestBody CheckRequest request, Caller caller) {
        CheckService.CheckResult result = checks.check(caller, request.scenario(), request.subjects(), request.purpose());
        return ResponseEntity.status(HttpStatus.CREATED).header("Location", "/api/v1/checks/" + result.checkId()).body(result);
    }

    @GetMapping("/{id}")
    @Operation(operationId = "getCheck", summary = "A check made earlier, to the caller who made it")
    @ApiResponse(responseCode = "200", description = "the check")
    @ApiResponse(responseCode = "404", description = "NOT_FOUND: no such check of the caller's")
    CheckService.CheckResult get(@PathVariable String id, Caller caller) {
        UUID checkId;
        try {
            checkId = UUID.fromString(id);
        } catch (IllegalArgumentException e) {
            throw ApiException.notFound("Check");
        }
        return checks.find(caller, checkId);
    }
}
