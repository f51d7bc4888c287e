package org.publiccredit.commons.problem;

import java.net.URI;
import java.util.List;
import java.util.Locale;
import org.publiccredit.commons.i18n.Languages;
import org.publiccredit.commons.i18n.Messages;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;

/**
 * Builds the platform's RFC 9457 problem details: {@code type}, {@code title}, {@code status},
 * {@code detail}, a stable {@code code}, the {@code requestId} and, for validation, {@code errors}.
 * Used by the servlet services and by the reactive gateway alike. Title, detail and field messages a reader sees are
 * put in his language by {@link #localise} (the English texts given here are the fallback).
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

    /**
     * The problem in the reader's language: its title by code (or status), its detail by code with {@code args} (the
     * detail it has is the fallback), its field errors by their codes. Every problem answer passes here.
     */
    public static ProblemDetail localise(ProblemDetail problem, Locale locale, Object... args) {
        Messages messages = Messages.shared();
        Object code = problem.getProperties() == null ? null : problem.getProperties().get("code");
        String c = code == null ? "HTTP_" + problem.getStatus() : code.toString();
        problem.setTitle(messages.title(c, problem.getStatus(), problem.getTitle(), locale));
        problem.setDetail(messages.detail(c, problem.getDetail(), locale, args));
        if (problem.getProperties() != null && problem.getProperties().get("errors") instanceof List<?> errors) {
            problem.setProperty("errors", errors.stream()
                    .map(e -> e instanceof FieldProblem f ? messages.localised(f, locale) : e).toList());
        }
        return problem;
    }

    public static URI typeOf(String code) {
        return URI.create(TYPE_BASE + code.toLowerCase(Locale.ROOT).replace('_', '-'));
    }

    /**
     * A minimal hand-written JSON body, for places that have no message converter (filters, entry points), in the
     * language of the servlet request on this thread ({@link Languages#current()}).
     */
    public static String json(int status, String code, String detail, String requestId) {
        return json(status, code, detail, requestId, List.of());
    }

    /** As {@link #json(int, String, String, String)}, with the offending fields. */
    public static String json(int status, String code, String detail, String requestId, List<FieldProblem> errors) {
        return json(Languages.current(), status, code, detail, requestId, errors);
    }

    /**
     * A hand-written problem body in the language of {@code locale}: title, detail (with {@code args}) and field
     * messages from the bundles, {@code detail} and the fields' own messages as the fallback.
     */
    public static String json(Locale locale, int status, String code, String detail, String requestId, List<FieldProblem> errors,
            Object... args) {
        Messages messages = Messages.shared();
        HttpStatus known = HttpStatus.resolve(status);
        String title = messages.title(code, status, known != null ? known.getReasonPhrase() : "Error", locale);
        detail = messages.detail(code, detail, locale, args);
        StringBuilder fields = new StringBuilder();
        for (FieldProblem unlocalised : errors) {
            FieldProblem error = messages.localised(unlocalised, locale);
            fields.append(fields.isEmpty() ? ",\"errors\":[" : ",").append("{\"field\":\"").append(escape(error.field()))
                    .append("\",\"code\":\"").append(escape(error.code())).append("\",\"message\":\"")
                    .append(escape(error.message())).append("\"}");
        }
        if (!fields.isEmpty()) {
            fields.append(']');
        }
        return "{\"type\":\"" + typeOf(code) + "\",\"title\":\"" + escape(title)
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
