package org.publiccredit.commons.problem;

import java.net.URI;
import java.util.List;
import java.util.Locale;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;

/**
 * Builds the platform's RFC 9457 problem details: {@code type}, {@code title}, {@code status},
 * {@code detail}, a stable {@code code}, the {@code requestId} and, for validation, {@code errors}.
 * Used by the servlet services and by the reactive gateway alike.
 */
public final class Problems {

    /** {@code application/problem+json}. */
    public static final MediaType MEDIA_TYPE = MediaType.APPLICATION_PROBLEM_JSON;
    private static final String TYPE_BASE = "https://publiccredit.example/problems/";

    private Problems() {
    }

    public static ProblemDetail of(HttpStatusCode status, String code, String detail) {
        return of(status, code, detail, List.of());
    }

    public static ProblemDetail of(HttpStatusCode status, String code, String detail, List<FieldProblem> errors) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setType(typeOf(code));
        HttpStatus known = HttpStatus.resolve(status.value());
        problem.setTitle(known != null ? known.getReasonPhrase() : "Error");
        problem.setProperty("code", code);
        if (!errors.isEmpty()) {
            problem.setProperty("errors", errors);
        }
        return problem;
    }

    public static URI typeOf(String code) {
        return URI.create(TYPE_BASE + code.toLowerCase(Locale.ROOT).replace('_', '-'));
    }

    /** A minimal hand-written JSON body, for places that have no message converter (filters, entry points). */
    public static String json(int status, String code, String detail, String requestId) {
        return json(status, code, detail, requestId, List.of());
    }

    /** As {@link #json(int, String, String, String)}, with the offending fields. */
    public static String json(int status, String code, String detail, String requestId, List<FieldProblem> errors) {
        HttpStatus known = HttpStatus.resolve(status);
        StringBuilder fields = new StringBuilder();
        for (FieldProblem error : errors) {
            fields.append(fields.isEmpty() ? ",\"errors\":[" : ",").append("{\"field\":\"").append(escape(error.field()))
                    .append("\",\"code\":\"").append(escape(error.code())).append("\",\"message\":\"")
                    .append(escape(error.message())).append("\"}");
        }
        if (!fields.isEmpty()) {
            fields.append(']');
        }
        return "{\"type\":\"" + typeOf(code) + "\",\"title\":\"" + escape(known != null ? known.getReasonPhrase() : "Error")
                + "\",\"status\":" + status + ",\"detail\":\"" + escape(detail) + "\",\"code\":\"" + escape(code) + "\""
                + (requestId != null ? ",\"requestId\":\"" + escape(requestId) + "\"" : "") + fields + "}";
    }

    private static String escape(String s) {
        StringBuilder out = new StringBuilder(s.length() + 8);
        for (char c : s.toCharArray()) {
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                default -> {
                    if (c < 0x20) {
                        out.append(String.format("\\u%04x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        return out.toString();
    }
}
