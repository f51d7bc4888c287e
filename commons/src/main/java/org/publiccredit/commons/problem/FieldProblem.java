package org.publiccredit.commons.problem;

/**
 * One offending field of a rejected request: which field, a stable code, and a human message.
 *
 * @param field the JSON path or parameter name, e.g. {@code subjects[3]} or {@code code}
 * @param code a stable machine code, e.g. {@code USCC_CHECK_DIGIT}
 * @param message a short human-readable message
 */
public record FieldProblem(String field, String code, String message) {
}
