package org.publiccredit.commons.openapi;

import io.swagger.v3.oas.annotations.media.Schema;
import java.util.List;
import org.publiccredit.commons.problem.FieldProblem;

/**
 * The shape of every refusal, as the API documents show it (schema {@code Problem}, media type
 * {@code application/problem+json}): what {@link org.publiccredit.commons.problem.Problems} writes.
 *
 * @param type a URI naming the problem's kind, derived from its code
 * @param title the status' reason phrase
 * @param status the HTTP status
 * @param detail what went wrong, in words for people (never a stack trace)
 * @param instance the request's path, identifiers masked
 * @param code the stable code to act on (e.g. VALIDATION_FAILED, RECORD_NOT_FOUND)
 * @param requestId the request id (X-Request-Id) to quote in a report
 * @param errors for validation: each offending field with its own code
 */
@Schema(name = "Problem", description = "An RFC 9457 problem detail with the platform's stable code; some problems carry more "
        + "properties (e.g. eligibleFrom, totals)", additionalProperties = Schema.AdditionalPropertiesValue.TRUE)
record ProblemDocument(
        @Schema(requiredMode = Schema.RequiredMode.REQUIRED, format = "uri") String type,
        @Schema(requiredMode = Schema.RequiredMode.REQUIRED) String title,
        @Schema(requiredMode = Schema.RequiredMode.REQUIRED, example = "400") int status,
        String detail,
        String instance,
        @Schema(requiredMode = Schema.RequiredMode.REQUIRED, example = "VALIDATION_FAILED") String code,
        String requestId,
        List<FieldProblem> errors) {
}
