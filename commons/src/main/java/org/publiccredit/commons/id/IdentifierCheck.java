package org.publiccredit.commons.id;

import java.util.List;

/**
 * The result of checking an identifier: whether it is valid, which kind it is (null when that cannot be
 * told), the normalised form and every error found. {@link #toString()} masks the value unless it is a
 * USCC, so a check result can be logged without leaking an id number.
 *
 * @param valid      true when there are no errors
 * @param kind       the kind checked or detected, null when it cannot be told
 * @param normalized the normalised input ({@link Identifiers#normalize(String)}); for a valid 15-digit
 *                   id number the upgraded 18-digit form
 * @param errors     the errors, empty when valid
 */
public record IdentifierCheck(boolean valid, IdentifierKind kind, String normalized, List<IdentifierError> errors) {

    /** Copies the error list. */
    public IdentifierCheck {
        errors = errors == null ? List.of() : List.copyOf(errors);
        normalized = normalized == null ? "" : normalized;
    }

    /** The error codes, in the order found. */
    public List<String> errorCodes() {
        return errors.stream().map(IdentifierError::code).toList();
    }

    /** Whether an error with this code was found. */
    public boolean hasError(String code) {
        for (IdentifierError error : errors) {
            if (error.code().equals(code)) {
                return true;
            }
        }
        return false;
    }

    /** Throws {@link InvalidIdentifierException} when not valid. */
    public IdentifierCheck orThrow() {
        if (!valid) {
            throw new InvalidIdentifierException(kind, errors);
        }
        return this;
    }

    @Override
    public String toString() {
        String shown = kind == IdentifierKind.USCC ? normalized : Identifiers.mask(normalized);
        return "IdentifierCheck[valid=" + valid + ", kind=" + kind + ", normalized=" + shown + ", errors=" + errorCodes() + "]";
    }
}
