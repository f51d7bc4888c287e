package org.publiccredit.record.lifecycle;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.util.Map;
import org.publiccredit.commons.problem.ApiException;
import org.publiccredit.commons.security.Caller;
import org.publiccredit.record.creditrecord.Transition;
import org.publiccredit.record.publicity.RecordView;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** docs/contracts.md, record-service: the record view and the effects objection-service asks for (role internal). */
@RestController
@RequestMapping("/internal/v1/records")
class InternalRecordsController {

    private final RecordCommands commands;

    InternalRecordsController(RecordCommands commands) {
        this.commands = commands;
    }

    /**
     * The body of every effect.
     *
     * @param operationId idempotency key
     * @param caseId the objection or repair case
     * @param note a note (dispute, clear-dispute, correct, repair)
     * @param reason the reason (revoke)
     * @param fields the corrected fields (correct)
     */
    record EffectRequest(@NotBlank @Size(max = 100) String operationId, @NotBlank @Size(max = 100) String caseId,
            @Size(max = 2000) String note, @Size(max = 2000) String reason, Map<String, Object> fields) {
    }

    @GetMapping("/{id}")
    RecordView get(@PathVariable String id) {
        return commands.view(Targets.id(id));
    }

    @PostMapping("/{target}")
    RecordView effect(@PathVariable String target, @Valid @RequestBody EffectRequest body, Caller caller) {
        Targets.Target t = Targets.parse(target);
        Transition transition = switch (t.action()) {
            case "dispute" -> Transition.DISPUTE;
            case "clear-dispute" -> Transition.CLEAR_DISPUTE;
            case "correct" -> Transition.CORRECT;
            case "revoke" -> Transition.REVOKE;
            case "repair" -> Transition.REPAIR;
            default -> throw ApiException.notFound("Action");
        };
        if (transition == Transition.REVOKE && (body.reason() == null || body.reason().isBlank())) {
            throw ApiException.invalid("VALIDATION_FAILED", "A revocation needs a reason",
                    java.util.List.of(new org.publiccredit.commons.problem.FieldProblem("reason", "FIELD_NOT_BLANK", "required")));
        }
        if (transition == Transition.CORRECT && (body.fields() == null || body.fields().isEmpty())) {
            throw ApiException.invalid("VALIDATION_FAILED", "A correction needs the corrected fields",
                    java.util.List.of(new org.publiccredit.commons.problem.FieldProblem("fields", "FIELD_NOT_EMPTY", "required")));
        }
        String note = transition == Transition.REVOKE ? body.reason() : body.note();
        String actor = caller.clientId() != null ? caller.clientId() : caller.username();
        return commands.effect(t.id(), new RecordCommands.Command(transition, actor, body.operationId(), body.caseId(), note,
                body.fields(), null, null));
    }
}
