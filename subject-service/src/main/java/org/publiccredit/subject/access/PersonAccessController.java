package org.publiccredit.subject.access;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.publiccredit.commons.problem.ApiException;
import org.publiccredit.commons.security.Caller;
import org.publiccredit.subject.registry.SubjectView;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Audited access to natural persons by id number: look-up (officer, partner, admin, with a purpose) and reveal of
 * the full number (admin, with a reason). Both are written to the audit before the answer leaves.
 */
@RestController
@Tag(name = "persons", description = "Audited access to natural persons' id numbers")
class PersonAccessController {

    private final PersonAccess access;

    PersonAccessController(PersonAccess access) {
        this.access = access;
    }

    /**
     * A look-up.
     *
     * @param idNumber the id number (personal information; never logged or stored raw)
     * @param purpose  why the caller looks the person up (audited)
     */
    record LookupRequest(@NotBlank @Size(max = 64) String idNumber, @NotBlank @Size(max = 500) String purpose) {
        @Override
        public String toString() {
            return "LookupRequest[idNumber=<masked>]";
        }
    }

    /**
     * A reveal.
     *
     * @param reason why the admin needs the full number (audited), at least 10 characters besides leading and trailing
     *               white space (stripped on arrival, so the length checks count what is audited)
     */
    record RevealRequest(@NotBlank @Size(min = 10, max = 500) String reason) {
        RevealRequest {
            reason = reason == null ? null : reason.strip();
        }
    }

    /**
     * The full number.
     *
     * @param subjectId  the subject
     * @param idNumber   the full id number
     * @param revealedAt when (as audited)
     */
    record RevealResponse(UUID subjectId, String idNumber, Instant revealedAt) {
        @Override
        public String toString() {
            return "RevealResponse[" + subjectId + "]";
        }
    }

    @PostMapping("/api/v1/subjects/lookup")
    @Operation(operationId = "lookupPerson", summary = "Find a natural person by id number (officer, partner, admin; audited)",
            description = "Answers the full view with the masked number; 404 when no such person is registered.")
    SubjectView lookup(@Valid @RequestBody LookupRequest request, Caller caller, HttpServletRequest http) {
        return access.lookup(request.idNumber(), request.purpose().strip(), caller, http)
                .orElseThrow(() -> ApiException.notFound("Subject"));
    }

    @PostMapping("/api/v1/subjects/{id}/id-number:reveal")
    @Operation(operationId = "revealIdNumber", summary = "The full id number of a natural person (admin; audited with the reason)")
    RevealResponse reveal(@PathVariable String id, @Valid @RequestBody RevealRequest request, Caller caller) {
        PersonAccess.Revealed revealed = access.reveal(id, request.reason(), caller);
        return new RevealResponse(revealed.subjectId(), revealed.idNumber(), revealed.at());
    }

    @GetMapping("/api/v1/subjects/{id}/pii-access")
    @Operation(operationId = "listPiiAccess", summary = "Who revealed or looked up this person's id number (admin), newest first")
    List<AccessAudit.Entry> audit(@PathVariable String id, @RequestParam(defaultValue = "50") @Min(1) @Max(200) int limit) {
        return access.audit(id, limit);
    }
}
