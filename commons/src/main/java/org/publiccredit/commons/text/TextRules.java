package org.publiccredit.commons.text;

import java.util.List;
import java.util.Optional;
import org.publiccredit.commons.problem.ApiException;
import org.publiccredit.commons.problem.FieldProblem;

/**
 * The one rule for text a caller sends: no NUL (U+0000, which PostgreSQL cannot store) and no unpaired UTF-16
 * surrogate (not a character at all; it would be stored as "?" and break look-ups by that text). Every input path
 * applies it: JSON bodies through {@code InputRulesModule}, query and form parameters and multipart file names through
 * {@code InputRulesFilter}, batch rows by calling it directly. Such text is refused, never stripped, so what is
 * stored is exactly what was sent.
 */
public final class TextRules {

    /** The field code of a refusal. */
    public static final String CODE = "TEXT_INVALID_CHARACTER";
    /** The field message of a refusal; it never quotes the text. */
    public static final String MESSAGE = "contains a NUL character or an unpaired UTF-16 surrogate";

    private TextRules() {
    }

    /** Whether the text may be accepted (null counts as valid: presence is another rule's business). */
    public static boolean isValid(CharSequence text) {
        return firstInvalid(text) < 0;
    }

    /** The index of the first NUL or unpaired surrogate, or -1. */
    public static int firstInvalid(CharSequence text) {
        if (text == null) {
            return -1;
        }
        int length = text.length();
        for (int i = 0; i < length; i++) {
            char c = text.charAt(i);
            if (c == '\u0000') {
                return i;
            }
            if (Character.isHighSurrogate(c)) {
                if (i + 1 < length && Character.isLowSurrogate(text.charAt(i + 1))) {
                    i++;
                } else {
                    return i;
                }
            } else if (Character.isLowSurrogate(c)) {
                return i;
            }
        }
        return -1;
    }

    /** The field problem naming {@code field} (a JSON path such as {@code fields.violationFacts}, or a column). */
    public static FieldProblem problem(String field) {
        return new FieldProblem(field, CODE, MESSAGE);
    }

    /** The problem with {@code value}, if it breaks the rule. */
    public static Optional<FieldProblem> check(String field, CharSequence value) {
        return isValid(value) ? Optional.empty() : Optional.of(problem(field));
    }

    /** Refuses {@code value} with a 400 {@code VALIDATION_FAILED} naming {@code field}. */
    public static void require(String field, CharSequence value) {
        if (!isValid(value)) {
            throw ApiException.invalid("VALIDATION_FAILED", "The request has invalid fields", List.of(problem(field)));
        }
    }
}
