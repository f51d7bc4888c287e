package org.publiccredit.subject.internal;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.publiccredit.commons.problem.ApiException;
import org.publiccredit.commons.problem.FieldProblem;
import org.publiccredit.commons.security.Caller;
import org.publiccredit.subject.registry.SubjectResolver;
import org.publiccredit.subject.registry.SubjectService;
import org.publiccredit.subject.web.Languages;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** Service-to-service endpoints of docs/contracts.md (role {@code internal}; not routed by the gateway). */
@RestController
@Tag(name = "internal", description = "Service-to-service (role internal)")
class InternalSubjectController {

    private final SubjectService subjects;
    private final SubjectResolver resolver;

    InternalSubjectController(SubjectService subjects, SubjectResolver resolver) {
        this.subjects = subjects;
        this.resolver = resolver;
    }

    /**
     * What record-service and objection-service send.
     *
     * @param identifier  a USCC or id number
     * @param name        the name, used only when the subject is created
     * @param type        the stated type, checked against the code
     * @param operationId accepted for the contract's uniformity; resolve is idempotent on the identifier anyway
     */
    record ResolveRequest(@NotBlank @Size(max = 64) String identifier, @Size(max = 400) String name, @Size(max = 40) String type,
            @Size(max = 100) String operationId) {
        @Override
        public String toString() {
            return "ResolveRequest[identifier=<masked>]";
        }
    }

    @PostMapping("/internal/v1/subjects:resolve")
    @Operation(operationId = "resolveSubject", summary = "Find or create (unverified) the subject of an identifier")
    SubjectRef resolve(@Valid @RequestBody ResolveRequest request, Caller caller, HttpServletRequest http) {
        SubjectResolver.Outcome r = resolver.resolve(new SubjectResolver.Request(request.identifier(), request.name(), request.type()),
                source(caller), Languages.of(http));
        return SubjectRef.of(r.subject(), r.created());
    }

    /**
     * Many identifiers at once.
     *
     * @param items  up to 1,000 resolve requests
     * @param create false: only look up, create nothing (an unknown identifier is refused with SUBJECT_NOT_FOUND);
     *               absent or true: resolve as ever
     */
    record BatchRequest(@NotNull @Size(min = 1, max = SubjectResolver.MAX_BATCH) List<@NotNull @Valid ResolveRequest> items,
            Boolean create) {
    }

    /**
     * One item's answer: the subject, or why it was refused.
     *
     * @param index  the item's position in the request, from 0
     * @param ref    the subject (null when refused)
     * @param code   the refusal's code (IDENTIFIER_INVALID, VALIDATION_FAILED, SUBJECT_TYPE_MISMATCH; SUBJECT_NOT_FOUND in a look-up)
     * @param errors the refusal's field problems
     */
    @JsonInclude(JsonInclude.Include.NON_EMPTY)
    record BatchItem(int index, SubjectRef ref, String code, List<FieldProblem> errors) {
    }

    /**
     * The answers, one per item, in order.
     *
     * @param results the items' answers
     */
    record BatchResponse(List<BatchItem> results) {
    }

    @PostMapping("/internal/v1/subjects:resolveBatch")
    @Operation(operationId = "resolveSubjects", summary = "resolve for up to 1,000 identifiers in one transaction",
            description = "Each item as in resolveSubject; a refused item carries its code and field errors instead of a ref, "
                    + "the others are resolved all the same. With \"create\": false nothing is created or written: an identifier "
                    + "without a subject is refused with SUBJECT_NOT_FOUND.")
    BatchResponse resolveBatch(@Valid @RequestBody BatchRequest request, Caller caller, HttpServletRequest http) {
        List<SubjectResolver.Outcome> outcomes = resolver.resolveAll(request.items().stream()
                .map(i -> new SubjectResolver.Request(i.identifier(), i.name(), i.type())).toList(), source(caller), Languages.of(http),
                !Boolean.FALSE.equals(request.create()));
        List<BatchItem> items = new ArrayList<>(outcomes.size());
        for (int i = 0; i < outcomes.size(); i++) {
            SubjectResolver.Outcome o = outcomes.get(i);
            items.add(o.subject() != null ? new BatchItem(i, SubjectRef.of(o.subject(), o.created()), null, List.of())
                    : new BatchItem(i, null, o.code(), o.problems()));
        }
        return new BatchResponse(items);
    }

    private static String source(Caller caller) {
        return caller.clientId() != null ? caller.clientId() : caller.username();
    }

    @GetMapping("/internal/v1/subjects/{id}")
    @Operation(operationId = "getSubjectRef", summary = "A subject by id")
    SubjectRef get(@PathVariable String id) {
        UUID uuid;
        try {
            uuid = UUID.fromString(id);
        } catch (IllegalArgumentException e) {
            throw ApiException.notFound("Subject");
        }
        return subjects.byId(uuid).map(s -> SubjectRef.of(s, false)).orElseThrow(() -> ApiException.notFound("Subject"));
    }
}
