package org.publiccredit.record.check;

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
    ResponseEntity<CheckService.CheckResult> check(@RequestBody CheckRequest request, Caller caller) {
        CheckService.CheckResult result = checks.check(caller, request.scenario(), request.subjects(), request.purpose());
        return ResponseEntity.status(HttpStatus.CREATED).header("Location", "/api/v1/checks/" + result.checkId()).body(result);
    }

    @GetMapping("/{id}")
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
