package org.publiccredit.subject.registry;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import java.net.URI;
import org.publiccredit.commons.security.Caller;
import org.publiccredit.subject.web.Languages;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** The registry API: write a subject (idempotent on its identifier), read it in the view the caller may see. */
@RestController
@Tag(name = "subjects", description = "The registry of credit subjects (信用主体)")
class SubjectController {

    private final SubjectService subjects;

    SubjectController(SubjectService subjects) {
        this.subjects = subjects;
    }

    /**
     * A write's answer.
     *
     * @param outcome CREATED, UPDATED or UNCHANGED
     * @param subject the subject as it now is (full view)
     */
    record WriteResponse(SubjectWriter.Outcome outcome, SubjectView subject) {
    }

    @PostMapping("/api/v1/subjects")
    @Operation(operationId = "upsertSubject", summary = "Create or update the subject of a code or id number (officer, partner, admin)",
            description = "Idempotent on the identifier: 201 with Location when new, 200 UPDATED when the data changed (a new name "
                    + "keeps the old one as a former name with today's date), 200 UNCHANGED otherwise. The whole record is sent; "
                    + "absent optional fields are cleared. 400 SUBJECT_TYPE_MISMATCH when the stated type disagrees with the code; "
                    + "409 SUBJECT_VERIFIED when a non-registration source would change a verified subject.")
    @ApiResponse(responseCode = "201", description = "created")
    @ApiResponse(responseCode = "200", description = "updated or unchanged")
    ResponseEntity<WriteResponse> upsert(@RequestBody SubjectInput input, Caller caller, HttpServletRequest http) {
        SubjectService.Written written = subjects.upsert(input, caller, Languages.of(http));
        WriteResponse body = new WriteResponse(written.outcome(), SubjectView.of(written.subject(), SubjectView.Level.FULL));
        if (written.outcome() == SubjectWriter.Outcome.CREATED) {
            Subject s = written.subject();
            return ResponseEntity.created(URI.create("/api/v1/subjects/" + (s.person() ? s.id() : s.code()))).body(body);
        }
        return ResponseEntity.ok(body);
    }

    @PutMapping("/api/v1/subjects/{key}")
    @Operation(operationId = "replaceSubject", summary = "Update an existing subject by id or code (officer, partner, admin)")
    WriteResponse replace(@Parameter(description = "subject id or USCC") @PathVariable String key, @RequestBody SubjectInput input,
            Caller caller, HttpServletRequest http) {
        SubjectService.Written written = subjects.replace(key, input, caller, Languages.of(http));
        return new WriteResponse(written.outcome(), SubjectView.of(written.subject(), SubjectView.Level.FULL));
    }

    @GetMapping("/api/v1/subjects/mine")
    @Operation(operationId = "getMySubject", summary = "The caller's own subject (enterprise by uscc claim, citizen by id_number claim)")
    @ApiResponse(responseCode = "200", description = "the caller's subject")
    @ApiResponse(responseCode = "404", description = "SUBJECT_NOT_REGISTERED")
    SubjectView mine(Caller caller) {
        return subjects.mine(caller);
    }

    @GetMapping("/api/v1/subjects/{key}")
    @Operation(operationId = "getSubject", summary = "A subject by USCC or id",
            description = "The PUBLIC view for anyone (organisations only); the FULL view for admins, officers and the enterprise "
                    + "user of that code. Natural persons are 404 for everyone but admins and officers.")
    SubjectView get(@Parameter(description = "USCC or subject id") @PathVariable String key, Caller caller) {
        return subjects.view(key, caller);
    }
}
