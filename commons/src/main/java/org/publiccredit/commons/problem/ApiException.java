package org.publiccredit.commons.problem;

import java.util.List;
import org.springframework.http.HttpStatus;

/**
 * A refusal the API reports as an RFC 9457 problem with a stable {@link #code()}.
 * Services throw it (or a subclass) from domain code; {@link ProblemAdvice} renders it, with the title and detail of its
 * code from the message bundles in the reader's language (the message given here is the fallback).
 */
public class ApiException extends RuntimeException {

    private final HttpStatus status;
    private final String code;
    private final transient List<FieldProblem> errors;
    private final transient java.util.Map<String, Object> properties = new java.util.LinkedHashMap<>();
    private long retryAfterSeconds = -1;
    private transient Object[] args = new Object[0];

    public ApiException(HttpStatus status, String code, String detail) {
        this(status, code, detail, List.of());
    }

    public ApiException(HttpStatus status, String code, String detail, List<FieldProblem> errors) {
        super(detail, null, false, false);
        this.status = status;
        this.code = code;
        this.errors = List.copyOf(errors);
    }

    public HttpStatus status() {
        return status;
    }

    public String code() {
        return code;
    }

    public List<FieldProblem> errors() {
        return errors;
    }

    /** Extra problem members (e.g. {@code eligibleFrom}), rendered next to {@code code}. */
    public ApiException with(String name, Object value) {
        properties.put(name, value);
        return this;
    }

    /**
     * The arguments of the detail's pattern in the bundles ({@code problem.<CODE>.detail}): numbers, dates, names or
     * {@link org.publiccredit.commons.i18n.Text}s, never a Java name. The exception's own message is the fallback.
     */
    public ApiException args(Object... args) {
        this.args = args == null ? new Object[0] : args.clone();
        return this;
    }

    /** The detail's arguments (none unless {@link #args(Object...)} was called). */
    public Object[] args() {
        return args.clone();
    }

    /** Asks the client to wait this long before trying again (a {@code Retry-After} header on the problem). */
    public ApiException retryAfter(long seconds) {
        this.retryAfterSeconds = seconds;
        return this;
    }

    /** The {@code Retry-After} seconds, or -1 when the problem carries none. */
    public long retryAfterSeconds() {
        return retryAfterSeconds;
    }

    public java.util.Map<String, Object> properties() {
        return java.util.Collections.unmodifiableMap(properties);
    }

    /** 404 with code NOT_FOUND ({@code what} names the object; its words in each language are {@code noun.<what>} in the
     * bundles, e.g. {@code noun.sharing-grant}); also used for "exists but not yours / not public" so nothing can be probed. */
    public static ApiException notFound(String what) {
        return new ApiException(HttpStatus.NOT_FOUND, "NOT_FOUND", what + " not found")
                .args(new org.publiccredit.commons.i18n.Ref("noun." + what.toLowerCase(java.util.Locale.ROOT).replace(' ', '-'), what));
    }

    public static ApiException forbidden(String code, String detail) {
        return new ApiException(HttpStatus.FORBIDDEN, code, detail);
    }

    public static ApiException conflict(String code, String detail) {
        return new ApiException(HttpStatus.CONFLICT, code, detail);
    }

    public static ApiException invalid(String code, String detail, List<FieldProblem> errors) {
        return new ApiException(HttpStatus.BAD_REQUEST, code, detail, errors);
    }
}
