package org.publiccredit.commons.problem;

import jakarta.validation.ConstraintViolationException;
import java.nio.charset.CharacterCodingException;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.net.URI;
import org.publiccredit.commons.web.LogSafe;
import org.publiccredit.commons.web.RequestIds;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.TypeMismatchException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.validation.BindingResult;
import org.springframework.web.HttpMediaTypeNotAcceptableException;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.MissingRequestHeaderException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.multipart.MultipartException;
import org.springframework.web.multipart.support.MissingServletRequestPartException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;
import org.springframework.web.servlet.resource.NoResourceFoundException;

/**
 * The one place that turns exceptions into RFC 9457 problems with stable codes (never a stack trace).
 * Framework exceptions keep Spring's status; each gets a code; validation lists the offending fields.
 */
@RestControllerAdvice
@org.springframework.core.annotation.Order(org.springframework.core.Ordered.HIGHEST_PRECEDENCE)
public class ProblemAdvice extends ResponseEntityExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(ProblemAdvice.class);

    @ExceptionHandler(ApiException.class)
    ResponseEntity<ProblemDetail> api(ApiException e) {
        ProblemDetail problem = Problems.of(e.status(), e.code(), e.getMessage(), e.errors());
        e.properties().forEach(problem::setProperty);
        HttpHeaders headers = new HttpHeaders();
        if (e.retryAfterSeconds() >= 0) {
            headers.set(HttpHeaders.RETRY_AFTER, String.valueOf(e.retryAfterSeconds()));
        }
        return respond(problem, headers, e.args());
    }

    @ExceptionHandler(AccessDeniedException.class)
    ResponseEntity<ProblemDetail> denied(AccessDeniedException e) {
        return respond(Problems.of(HttpStatus.FORBIDDEN, "ACCESS_DENIED", "Your role does not allow this request"));
    }

    @ExceptionHandler(ConstraintViolationException.class)
    ResponseEntity<ProblemDetail> constraint(ConstraintViolationException e) {
        List<FieldProblem> errors = e.getConstraintViolations().stream()
                .map(v -> violation(lastNode(v.getPropertyPath().toString()), v, v.getMessage()))
                .toList();
        return respond(Problems.of(HttpStatus.BAD_REQUEST, "VALIDATION_FAILED", "The request has invalid fields", errors));
    }

    /** A multipart body that cannot be parsed (no boundary, no closing boundary, a broken part header) is the caller's
     * error. Uploads over the limit ({@code MaxUploadSizeExceededException}, a subclass) stay 413 (handled below). */
    @ExceptionHandler(MultipartException.class)
    ResponseEntity<ProblemDetail> multipart(MultipartException e) {
        return respond(Problems.of(HttpStatus.BAD_REQUEST, "MALFORMED_MULTIPART",
                "The multipart body cannot be read (a boundary, a part header or the closing boundary is missing or broken)"));
    }

    /**
     * Spring Security's firewall checks a header's value only when it is read: a control character in a header bound
     * with {@code @RequestHeader} (e.g. {@code Idempotency-Key}) throws while the handler's arguments are resolved,
     * after the filter chain's {@code RequestRejectedHandler} had its chance. The same 400 problem as that handler.
     */
    @ExceptionHandler(org.springframework.security.web.firewall.RequestRejectedException.class)
    ResponseEntity<ProblemDetail> rejected(org.springframework.security.web.firewall.RequestRejectedException e) {
        return respond(Problems.of(HttpStatus.BAD_REQUEST, "REQUEST_REJECTED",
                "The request is not allowed (e.g. a control character in a header, encoded slashes or dot segments)"));
    }

    @ExceptionHandler(Exception.class)
    ResponseEntity<ProblemDetail> unexpected(Exception e) {
        if (databaseUnavailable(e)) {
            // the pool had no free connection in time, or the database refused or dropped it: nothing was written (no
            // transaction began, or it rolled back); the client may try again shortly
            log.warn("database unavailable or saturated: {}", e.toString());
            HttpHeaders headers = new HttpHeaders();
            headers.set(HttpHeaders.RETRY_AFTER, String.valueOf(DATABASE_RETRY_AFTER_SECONDS));
            return respond(Problems.of(HttpStatus.SERVICE_UNAVAILABLE, "DATABASE_UNAVAILABLE",
                    "The service's database is busy or unreachable; nothing was saved, try again shortly"), headers);
        }
        log.error("unexpected error", e);
        return respond(Problems.of(HttpStatus.INTERNAL_SERVER_ERROR, "INTERNAL_ERROR",
                "An unexpected error occurred; quote the request id when you report it"));
    }

    @Override
    protected ResponseEntity<Object> handleMethodArgumentNotValid(MethodArgumentNotValidException ex, HttpHeaders headers,
            HttpStatusCode status, WebRequest request) {
        return respondObject(Problems.of(HttpStatus.BAD_REQUEST, "VALIDATION_FAILED", "The request has invalid fields",
                fieldProblems(ex.getBindingResult())));
    }

    @Override
    protected ResponseEntity<Object> handleHandlerMethodValidationException(HandlerMethodValidationException ex,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        List<FieldProblem> errors = ex.getParameterValidationResults().stream()
                .flatMap(r -> r.getResolvableErrors().stream().map(err -> {
                    String field = r.getMethodParameter().getParameterName();
                    jakarta.validation.ConstraintViolation<?> v = unwrap(() -> r.unwrap(err, jakarta.validation.ConstraintViolation.class));
                    return v != null ? violation(field, v, err.getDefaultMessage()) : new FieldProblem(field,
                            constraintCode(err.getCodes() != null && err.getCodes().length > 0 ? lastNode(err.getCodes()[err.getCodes().length - 1]) : "Invalid"),
                            err.getDefaultMessage());
                }))
                .toList();
        return respondObject(Problems.of(HttpStatus.BAD_REQUEST, "VALIDATION_FAILED", "The request has invalid parameters", errors));
    }

    @Override
    protected ResponseEntity<Object> handleHttpMessageNotReadable(HttpMessageNotReadableException ex, HttpHeaders headers,
            HttpStatusCode status, WebRequest request) {
        // the parser's own message may quote the input (personal data): keep it out of the answer
        if (causedBy(ex, org.publiccredit.commons.web.BodyTooLargeException.class)) {
            return respondObject(tooLarge());
        }
        if (causedBy(ex, CharacterCodingException.class)) {
            return respondObject(notUtf8());
        }
        if (ex.getCause() instanceof tools.jackson.core.JacksonException jackson) {
            var field = org.publiccredit.commons.json.JsonInputRules.fieldProblem(jackson);
            if (field.isPresent()) {
                return respondObject(Problems.of(HttpStatus.BAD_REQUEST, "VALIDATION_FAILED", "The request has invalid fields",
                        List.of(field.get())));
            }
        }
        return respondObject(Problems.of(HttpStatus.BAD_REQUEST, "MALFORMED_BODY",
                "The request body is missing or is not valid JSON of the expected shape"));
    }

    /** A chunked body that grew past the service's limit while something other than the JSON converter read it. */
    @ExceptionHandler(org.publiccredit.commons.web.BodyTooLargeException.class)
    ResponseEntity<ProblemDetail> tooLarge(org.publiccredit.commons.web.BodyTooLargeException e) {
        return respond(tooLarge());
    }

    private static ProblemDetail tooLarge() {
        return Problems.of(HttpStatus.CONTENT_TOO_LARGE, "PAYLOAD_TOO_LARGE", "The body is larger than this request may be");
    }

    /** A body that is not strict UTF-8, read by something other than the JSON converter (e.g. as a String). */
    @ExceptionHandler(CharacterCodingException.class)
    ResponseEntity<ProblemDetail> notUtf8(CharacterCodingException e) {
        return respond(notUtf8());
    }

    private static ProblemDetail notUtf8() {
        return Problems.of(HttpStatus.BAD_REQUEST, "ENCODING_NOT_UTF8",
                "The request body is not valid UTF-8 (e.g. an overlong or truncated byte sequence)");
    }

    static final int DATABASE_RETRY_AFTER_SECONDS = 2;
    private static final java.util.Set<String> TRANSIENT_STATES = java.util.Set.of("57014", "40001", "40P01");

    /**
     * Whether the database could not serve the request: no pooled connection within the pool's timeout (HikariCP's
     * {@link java.sql.SQLTransientConnectionException}), or a connection error (SQLSTATE class 08), too many connections
     * (53300), a server shutting down (57P01-57P03), or a statement that may well succeed when tried again: cancelled by
     * the statement timeout under load (57014), a serialization failure (40001) or a deadlock (40P01), all rolled back.
     */
    static boolean databaseUnavailable(Throwable e) {
        return anyCause(e, t -> {
            if (t instanceof java.sql.SQLTransientConnectionException || t instanceof java.sql.SQLNonTransientConnectionException) {
                return true;
            }
            String state = t instanceof java.sql.SQLException sql ? sql.getSQLState() : null;
            return state != null
                    && (state.startsWith("08") || state.equals("53300") || state.startsWith("57P0") || TRANSIENT_STATES.contains(state));
        });
    }

    private static boolean causedBy(Throwable e, Class<? extends Throwable> type) {
        return anyCause(e, type::isInstance);
    }

    /** Whether the exception or one of its causes is such. */
    private static boolean anyCause(Throwable e, java.util.function.Predicate<Throwable> such) {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (such.test(t)) {
                return true;
            }
        }
        return false;
    }

    @Override
    protected ResponseEntity<Object> handleExceptionInternal(Exception ex, Object body, HttpHeaders headers,
            HttpStatusCode statusCode, WebRequest request) {
        String code = switch (ex) {
            case MissingServletRequestParameterException m -> "PARAMETER_MISSING";
            case MissingRequestHeaderException m -> "HEADER_MISSING";
            case MissingServletRequestPartException m -> "PART_MISSING";
            case TypeMismatchException t -> "PARAMETER_INVALID";
            case HttpRequestMethodNotSupportedException m -> "METHOD_NOT_ALLOWED";
            case HttpMediaTypeNotSupportedException m -> "UNSUPPORTED_MEDIA_TYPE";
            case HttpMediaTypeNotAcceptableException m -> "NOT_ACCEPTABLE";
            case NoResourceFoundException n -> "NOT_FOUND";
            case MaxUploadSizeExceededException m -> "PAYLOAD_TOO_LARGE";
            default -> "HTTP_" + statusCode.value();
        };
        String detail = detail(ex, statusCode);
        List<FieldProblem> errors = switch (ex) {
            case MissingServletRequestParameterException m -> List.of(new FieldProblem(m.getParameterName(), code, "required"));
            case MissingServletRequestPartException m -> List.of(new FieldProblem(m.getRequestPartName(), code, "required"));
            case TypeMismatchException t -> List.of(new FieldProblem(t.getPropertyName(), code, "has the wrong type"));
            default -> List.of();
        };
        ProblemDetail problem = Problems.of(statusCode, code, detail, errors);
        Locale locale = org.publiccredit.commons.i18n.Languages.current();
        Problems.localise(problem, locale, args(ex));
        return ResponseEntity.status(statusCode).headers(headers).header(HttpHeaders.CONTENT_LANGUAGE,
                org.publiccredit.commons.i18n.Languages.tag(locale)).contentType(Problems.MEDIA_TYPE).body(withRequestId(problem));
    }

    /** The arguments of the bundles' detail of a framework refusal: the parameter, header or part it names. */
    static Object[] args(Exception ex) {
        return switch (ex) {
            case MissingServletRequestParameterException m -> new Object[] {m.getParameterName()};
            case MissingRequestHeaderException m -> new Object[] {m.getHeaderName()};
            case MissingServletRequestPartException m -> new Object[] {m.getRequestPartName()};
            case TypeMismatchException t -> t.getPropertyName() != null ? new Object[] {t.getPropertyName()} : new Object[0];
            case HttpRequestMethodNotSupportedException m -> new Object[] {m.getMethod()};
            default -> new Object[0];
        };
    }

    /**
     * The refusal in the API's words, naming the parameter or header: never the framework's message, which speaks of
     * Java types and method parameters ("Required request parameter 'month' for method parameter type String").
     */
    static String detail(Exception ex, HttpStatusCode status) {
        return switch (ex) {
            case MissingServletRequestParameterException m -> "The query parameter '" + m.getParameterName() + "' is required";
            case MissingRequestHeaderException m -> "The header '" + m.getHeaderName() + "' is required";
            case MissingServletRequestPartException m -> "The multipart body needs a part '" + m.getRequestPartName() + "'";
            case TypeMismatchException t -> t.getPropertyName() != null
                    ? "The parameter '" + t.getPropertyName() + "' has an invalid value"
                    : "A parameter has an invalid value";
            case HttpRequestMethodNotSupportedException m -> "The method " + m.getMethod() + " is not allowed here";
            case HttpMediaTypeNotSupportedException m -> "This content type is not accepted here";
            case HttpMediaTypeNotAcceptableException m -> "No representation the request accepts is available";
            case NoResourceFoundException n -> "No such resource";
            case MaxUploadSizeExceededException m -> "The upload is larger than allowed";
            default -> {
                HttpStatus known = HttpStatus.resolve(status.value());
                yield known != null ? known.getReasonPhrase() : "Request refused";
            }
        };
    }

    static List<FieldProblem> fieldProblems(BindingResult result) {
        return result.getFieldErrors().stream()
                .map(f -> {
                    jakarta.validation.ConstraintViolation<?> v = unwrap(() -> f.unwrap(jakarta.validation.ConstraintViolation.class));
                    return v != null ? violation(f.getField(), v, f.getDefaultMessage())
                            : new FieldProblem(f.getField(), constraintCode(f.getCode()), f.getDefaultMessage());
                })
                .toList();
    }

    /**
     * A constraint's violation as a field problem: its code from the constraint's name, and the limits the bundles' text
     * names ({@code field.FIELD_RANGE}: 应在 {1} 到 {2} 之间) — min and max of a range or size, the bound of a min or max.
     */
    static FieldProblem violation(String field, jakarta.validation.ConstraintViolation<?> v, String message) {
        String constraint = v.getConstraintDescriptor().getAnnotation().annotationType().getSimpleName();
        Map<String, Object> a = v.getConstraintDescriptor().getAttributes();
        List<Object> args = switch (constraint) {
            // an open upper end (@Size(min = 1)) names no range: the plain text
            case "Range", "Size", "Length" -> a.containsKey("min") && a.containsKey("max") && !unbounded(a.get("max"))
                    ? List.of(field, a.get("min"), a.get("max")) : List.of();
            case "Min", "Max", "DecimalMin", "DecimalMax" -> a.containsKey("value") ? List.of(field, a.get("value")) : List.of();
            default -> List.of();
        };
        return new FieldProblem(field, constraintCode(constraint), message, args);
    }

    private static boolean unbounded(Object max) {
        return max instanceof Number n && (n.longValue() == Integer.MAX_VALUE || n.longValue() == Long.MAX_VALUE);
    }

    private static <T> T unwrap(java.util.function.Supplier<T> unwrapping) {
        try {
            return unwrapping.get();
        } catch (RuntimeException notAViolation) {
            return null;
        }
    }

    /** NotBlank -> FIELD_NOT_BLANK: a stable code derived from the constraint's name. */
    static String constraintCode(String constraint) {
        if (constraint == null) {
            return "FIELD_INVALID";
        }
        return "FIELD_" + constraint.replaceAll("([a-z])([A-Z])", "$1_$2").toUpperCase(Locale.ROOT);
    }

    private static String lastNode(String path) {
        int dot = path.lastIndexOf('.');
        return dot < 0 ? path : path.substring(dot + 1);
    }

    private static ProblemDetail withRequestId(ProblemDetail problem) {
        String id = RequestIds.current();
        if (id != null) {
            problem.setProperty("requestId", id);
        }
        // the path may hold an identifier (e.g. /subjects/{id number}): answer it masked, like the logs
        if (RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes attributes) {
            try {
                problem.setInstance(URI.create(LogSafe.path(attributes.getRequest().getRequestURI()).replace(' ', '_')));
            } catch (IllegalArgumentException notAUri) {
                problem.setInstance(null);
            }
        }
        return problem;
    }

    private static ResponseEntity<ProblemDetail> respond(ProblemDetail problem) {
        return respond(problem, HttpHeaders.EMPTY);
    }

    /** The answer in the reader's language ({@code Accept-Language}), said in {@code Content-Language}. */
    private static ResponseEntity<ProblemDetail> respond(ProblemDetail problem, HttpHeaders headers, Object... args) {
        Locale locale = org.publiccredit.commons.i18n.Languages.current();
        Problems.localise(problem, locale, args);
        return ResponseEntity.status(problem.getStatus()).headers(headers)
                .header(HttpHeaders.CONTENT_LANGUAGE, org.publiccredit.commons.i18n.Languages.tag(locale))
                .contentType(Problems.MEDIA_TYPE).body(withRequestId(problem));
    }

    private static ResponseEntity<Object> respondObject(ProblemDetail problem) {
        Locale locale = org.publiccredit.commons.i18n.Languages.current();
        Problems.localise(problem, locale);
        return ResponseEntity.status(problem.getStatus())
                .header(HttpHeaders.CONTENT_LANGUAGE, org.publiccredit.commons.i18n.Languages.tag(locale))
                .contentType(Problems.MEDIA_TYPE).body(withRequestId(problem));
    }
}
