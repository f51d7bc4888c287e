package org.publiccredit.record.lifecycle;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import java.util.Map;
import org.publiccredit.commons.security.Caller;
import org.publiccredit.record.creditrecord.Transition;
import org.publiccredit.record.publicity.RecordView;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** Corrections and revocations by the supplying department. */
@RestController
@RequestMapping("/api/v1/records")
class DepartmentRecordsController {

    private final RecordCommands commands;

    DepartmentRecordsController(RecordCommands commands) {
        this.commands = commands;
    }

    /**
     * A correction: changed fields (null removes an optional one), optionally a corrected decision date.
     *
     * @param fields field changes
     * @param decisionDate corrected decision date
     * @param note why
     * @param version the version the caller corrects (optional optimistic lock)
     */
    record PatchRequest(Map<String, Object> fields, LocalDate decisionDate, @Size(max = 1000) String note, Integer version) {
    }

    /**
     * @param reason why the department revokes it
     */
    record RevokeRequest(@NotBlank @Size(max = 1000) String reason) {
    }

    @PatchMapping("/{id}")
    @Operation(operationId = "correctRecord", summary = "Correct a record (officer or partner of its supplying department)",
            description = "Changed fields (null removes an optional one) and optionally a corrected decision date, under the same "
                    + "rules as a push; with version, refused when the record changed meanwhile.")
    @ApiResponse(responseCode = "200", description = "the corrected record")
    @ApiResponse(responseCode = "403", description = "DEPARTMENT_REQUIRED, NOT_SUPPLYING_DEPARTMENT")
    @ApiResponse(responseCode = "404", description = "NOT_FOUND: no such record")
    @ApiResponse(responseCode = "409", description = "ILLEGAL_TRANSITION, CONCURRENT_MODIFICATION")
    RecordView patch(@PathVariable String id, @Valid @RequestBody PatchRequest body, Caller caller) {
        return commands.byDepartment(Targets.id(id), caller, new RecordCommands.Command(Transition.CORRECT,
                caller.departmentClaim().orElse(null), null, null, body.note(), body.fields(), body.decisionDate(), body.version()));
    }

    /** {@code POST /api/v1/records/{id}:revoke}: a custom method on the record (AIP-136). */
    @PostMapping("/{id}:revoke")
    @Operation(operationId = "revokeRecord", summary = "Revoke a record (officer or partner of its supplying department)",
            description = "The record leaves public view for good, with the reason; the change feed carries a withdrawal.")
    @ApiResponse(responseCode = "200", description = "the revoked record")
    @ApiResponse(responseCode = "403", description = "DEPARTMENT_REQUIRED, NOT_SUPPLYING_DEPARTMENT")
    @ApiResponse(responseCode = "404", description = "NOT_FOUND: no such record")
    @ApiResponse(responseCode = "409", description = "ILLEGAL_TRANSITION, CONCURRENT_MODIFICATION")
    RecordView revoke(@PathVariable String id, @Valid @RequestBody RevokeRequest body, Caller caller) {
        return commands.byDepartment(Targets.id(id), caller, new RecordCommands.Command(Transition.REVOKE,
                caller.departmentClaim().orElse(null), null, null, body.reason(), null, null, null));
    }
}
