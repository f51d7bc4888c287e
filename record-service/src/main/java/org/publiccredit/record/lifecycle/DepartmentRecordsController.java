package org.publiccredit.record.lifecycle;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import java.util.Map;
import org.publiccredit.commons.problem.ApiException;
import org.publiccredit.commons.security.Caller;
import org.publiccredit.record.publicity.RecordView;
import org.publiccredit.record.record.Transition;
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
    RecordView patch(@PathVariable String id, @Valid @RequestBody PatchRequest body, Caller caller) {
        return commands.byDepartment(Targets.id(id), caller, new RecordCommands.Command(Transition.CORRECT,
                caller.departmentClaim().orElse(null), null, null, body.note(), body.fields(), body.decisionDate(), body.version()));
    }

    @PostMapping("/{target}")
    RecordView action(@PathVariable String target, @Valid @RequestBody RevokeRequest body, Caller caller) {
        Targets.Target t = Targets.parse(target);
        if (!t.action().equals("revoke")) {
            throw ApiException.notFound("Action");
        }
        return commands.byDepartment(t.id(), caller, new RecordCommands.Command(Transition.REVOKE,
                caller.departmentClaim().orElse(null), null, null, body.reason(), null, null, null));
    }
}
