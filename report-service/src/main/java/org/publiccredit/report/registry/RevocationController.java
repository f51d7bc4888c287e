package org.publiccredit.report.registry;

import io.swagger.v3.oas.annotations.Operation;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.time.Clock;
import org.publiccredit.commons.problem.ApiException;
import org.publiccredit.commons.security.Caller;
import org.publiccredit.commons.security.Role;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** An admin revokes an issued report (e.g. issued on data later found wrong); verification then says REVOKED. */
@RestController
class RevocationController {

    private static final Logger log = LoggerFactory.getLogger(RevocationController.class);

    private final ReportRegistry registry;
    private final Clock clock;

    RevocationController(ReportRegistry registry, Clock clock) {
        this.registry = registry;
        this.clock = clock;
    }

    /**
     * Why.
     *
     * @param reason stated on the public record of the report (5-500 characters)
     */
    record RevokeRequest(@NotBlank @Size(min = 5, max = 500) String reason) {
    }

    @PostMapping("/api/v1/reports/{number}:revoke")
    @Operation(operationId = "revokeReport", summary = "Revoke an issued report (admin); verification then says REVOKED",
            description = "409 ILLEGAL_TRANSITION when already revoked, 404 REPORT_NOT_FOUND, 403 ACCESS_DENIED for others")
    @Transactional
    PublicReportView revoke(@PathVariable String number, @Valid @RequestBody RevokeRequest request, Caller caller) {
        if (!caller.has(Role.ADMIN)) {
            throw ApiException.forbidden("ACCESS_DENIED", "Only an admin may revoke a report")
                    .args(new org.publiccredit.commons.i18n.Ref("reason.ACCESS_DENIED.revoke", "Only an admin may revoke a report"));
        }
        IssuedReport report = registry.byNumber(ReportNumberFormat.plausible(number) ? number : "")
                .orElseThrow(() -> new ApiException(HttpStatus.NOT_FOUND, "REPORT_NOT_FOUND", "No report with this number was issued"));
        IssuedReport revoked = report.revoke(caller.username() != null ? caller.username() : caller.subject(), request.reason().strip(),
                clock.instant());
        registry.save(revoked);
        log.info("report {} revoked by {}", number, caller.username());
        return PublicReportView.of(revoked);
    }
}
