package org.publiccredit.record.sharing;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
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

/** Sharing by the catalog: grants for 有条件共享 categories and shared reads (departments; admins decide grants). */
@RestController
@RequestMapping("/api/v1/sharing")
class SharingController {

    private final SharingGrants grants;
    private final SharedReads reads;

    SharingController(SharingGrants grants, SharedReads reads) {
        this.grants = grants;
        this.reads = reads;
    }

    /**
     * @param category a 有条件共享 catalog code
     * @param basis the legal basis (法律依据)
     * @param purpose what the department needs it for
     */
    record Application(String category, String basis, String purpose) {
    }

    /** @param until the grant's last day (inclusive) */
    record Approval(LocalDate until) {
    }

    /** @param reason why the application is refused */
    record Refusal(String reason) {
    }

    /**
     * @param subject the subject's USCC or id number (in the body, never in a URL)
     * @param purpose why the department reads
     * @param basis the legal basis, optional
     * @param categories only these categories (each must be open to the department), optional
     */
    record ReadRequest(String subject, String purpose, String basis, List<String> categories) {
    }

    @PostMapping("/grants")
    @Operation(operationId = "applyForSharingGrant", summary = "A department applies for a 有条件共享 category with its legal basis (officer, partner)")
    @ApiResponse(responseCode = "201", description = "the PENDING grant, also at Location")
    @ApiResponse(responseCode = "400", description = "SHARING_GRANT_INVALID: unknown or not conditional category, missing basis or purpose")
    @ApiResponse(responseCode = "403", description = "DEPARTMENT_REQUIRED: the caller acts for no department")
    ResponseEntity<SharingGrants.Grant> apply(@RequestBody Application body, Caller caller) {
        SharingGrants.Grant g = grants.apply(caller, body.category(), body.basis(), body.purpose());
        return ResponseEntity.status(HttpStatus.CREATED).header("Location", "/api/v1/sharing/grants/" + g.id()).body(g);
    }

    @GetMapping("/grants")
    @Operation(operationId = "listSharingGrants", summary = "Sharing grants: the caller's department's (officer, partner), or all (admin)")
    Map<String, List<SharingGrants.Grant>> list(Caller caller) {
        return Map.of("items", grants.list(caller));
    }

    @GetMapping("/grants/{id}")
    @Operation(operationId = "getSharingGrant", summary = "One sharing grant with its history (its department, admins)")
    @ApiResponse(responseCode = "200", description = "the grant")
    @ApiResponse(responseCode = "404", description = "NOT_FOUND: no such grant of the caller's department")
    SharingGrants.Grant get(@PathVariable String id, Caller caller) {
        return grants.find(caller, uuid(id));
    }

    @PostMapping("/grants/{id}:approve")
    @Operation(operationId = "approveSharingGrant", summary = "An admin approves a grant until an end date (again: a new end date)")
    @ApiResponse(responseCode = "200", description = "the approved grant")
    @ApiResponse(responseCode = "409", description = "GRANT_ALREADY_DECIDED: the grant was refused")
    SharingGrants.Grant approve(@PathVariable String id, @RequestBody Approval body, Caller caller) {
        return grants.approve(caller, uuid(id), body.until());
    }

    @PostMapping("/grants/{id}:refuse")
    @Operation(operationId = "refuseSharingGrant", summary = "An admin refuses a pending application with a reason")
    @ApiResponse(responseCode = "200", description = "the refused grant")
    @ApiResponse(responseCode = "409", description = "GRANT_ALREADY_DECIDED: not pending")
    SharingGrants.Grant refuse(@PathVariable String id, @RequestBody Refusal body, Caller caller) {
        return grants.refuse(caller, uuid(id), body.reason());
    }

    @PostMapping("/reads")
    @Operation(operationId = "readShared", summary = "A shared read of a subject's records in force for a purpose (officer, partner with a department)",
            description = "无条件共享 categories, and 有条件共享 ones under a grant in force today; never 不予共享. Recorded.")
    @ApiResponse(responseCode = "200", description = "the records served")
    @ApiResponse(responseCode = "403", description = "NO_SHARING_GRANT for an asked category without a grant in force; NOT_SHARED for a 不予共享 one")
    SharedReads.SharedRead read(@RequestBody ReadRequest body, Caller caller) {
        return reads.read(caller, body.subject(), body.purpose(), body.basis(), body.categories());
    }

    private static UUID uuid(String raw) {
        try {
            return UUID.fromString(raw);
        } catch (IllegalArgumentException e) {
            throw ApiException.notFound("Sharing grant");
        }
    }
}
