package org.publiccredit.commons.id;

import java.util.List;
import java.util.stream.Collectors;

/** Thrown when parsing an invalid identifier; carries every error found. The message never contains the value. */
public class InvalidIdentifierException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final transient IdentifierKind kind;
    private final transient List<IdentifierError> errors;

    /** An exception for these errors; {@code kind} may be null when the kind could not be told. */
    public InvalidIdentifierException(IdentifierKind kind, List<IdentifierError> errors) {
        super(describe(kind, errors));
        this.kind = kind;
        this.errors = errors == null ? List.of() : List.copyOf(errors);
    }

    /** The kind that was being parsed, or null. */
    public IdentifierKind kind() {
        return kind;
    }

    /** The errors, at least one. */
    public List<IdentifierError> errors() {
        return errors;
    }

    private static String describe(IdentifierKind kind, List<IdentifierError> errors) {
        String codes = errors == null ? "" : errors.stream().map(IdentifierError::code).distinct().collect(Collectors.joining(", "));
        return "Invalid " + (kind == null ? "identifier" : kind) + ": " + codes;
    }
}
