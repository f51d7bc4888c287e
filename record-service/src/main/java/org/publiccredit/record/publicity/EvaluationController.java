package org.publiccredit.record.publicity;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import org.publiccredit.commons.id.IdentifierCheck;
import org.publiccredit.commons.id.IdentifierKind;
import org.publiccredit.commons.id.Identifiers;
import org.publiccredit.commons.problem.ApiException;
import org.publiccredit.commons.security.Caller;
import org.publiccredit.record.client.SubjectResolver;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * A subject's credit evaluation (公共信用综合评价): public for organisations, and for every subject its own. Computed now,
 * as the summary computes it. A natural person's evaluation is never public.
 */
@RestController
class EvaluationController {

    private final SubjectResolver resolver;
    private final SummaryService summaries;
    private final CreditEvaluation evaluation;

    EvaluationController(SubjectResolver resolver, SummaryService summaries, CreditEvaluation evaluation) {
        this.resolver = resolver;
        this.summaries = summaries;
        this.evaluation = evaluation;
    }

    @GetMapping("/api/v1/public/subjects/{code}/evaluation")
    @Operation(operationId = "getPublicEvaluation", summary = "An organisation's credit evaluation (grade A-D) with the rules that "
            + "produced it and the day it next changes by time alone (public; rules over unpublished records shown as one reason)")
    @ApiResponse(responseCode = "200", description = "the evaluation")
    @ApiResponse(responseCode = "404", description = "NOT_FOUND: not a registered organisation's USCC (persons' evaluations are not public)")
    Evaluation publicEvaluation(@PathVariable String code) {
        IdentifierCheck check = Identifiers.check(code);
        if (!check.valid() || check.kind() != IdentifierKind.USCC) {
            throw ApiException.notFound("Subject");
        }
        return evaluationOf(check.normalized(), true);
    }

    @GetMapping("/api/v1/subjects/mine/evaluation")
    @Operation(operationId = "getMyEvaluation", summary = "The caller's own credit evaluation (enterprise by its uscc claim, citizen by id_number)")
    @ApiResponse(responseCode = "200", description = "the evaluation")
    @ApiResponse(responseCode = "404", description = "SUBJECT_NOT_REGISTERED: the account acts for no registered subject")
    Evaluation mine(Caller caller) {
        String code = SubjectRecords.mineCode(caller);
        IdentifierCheck check = Identifiers.check(code);
        if (!check.valid()) {
            throw new ApiException(HttpStatus.NOT_FOUND, "SUBJECT_NOT_REGISTERED", "Your account's subject code is not valid");
        }
        return evaluationOf(check.normalized(), false);
    }

    /** For report-service (role internal): the full evaluation, or its public view with {@code view=public}. */
    @GetMapping("/internal/v1/subjects/{subjectId}/evaluation")
    Evaluation internal(@PathVariable String subjectId, @RequestParam(defaultValue = "full") String view) {
        java.util.UUID id;
        try {
            id = java.util.UUID.fromString(subjectId);
        } catch (IllegalArgumentException e) {
            throw ApiException.notFound("Subject");
        }
        Evaluation full = summaries.evaluation(id).evaluation();
        return "public".equals(view) ? evaluation.publicView(full) : full;
    }

    private Evaluation evaluationOf(String identifier, boolean publicView) {
        var ref = resolver.lookup(identifier).orElseThrow(() -> ApiException.notFound("Subject"));
        CreditEvaluation.Result result = summaries.evaluation(ref.id());
        return publicView ? evaluation.publicView(result.evaluation()) : result.evaluation();
    }
}
