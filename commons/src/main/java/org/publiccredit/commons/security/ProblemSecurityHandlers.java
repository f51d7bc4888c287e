package org.publiccredit.commons.security;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import org.publiccredit.commons.i18n.Languages;
import org.publiccredit.commons.i18n.Ref;
import org.publiccredit.commons.problem.Problems;
import org.publiccredit.commons.web.RequestIds;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.access.AccessDeniedHandler;

/** Servlet security answers as problem JSON: 401 for a missing or bad token, 403 for a wrong role. */
public final class ProblemSecurityHandlers {

    private ProblemSecurityHandlers() {
    }

    public static AuthenticationEntryPoint unauthorized() {
        return (request, response, e) -> {
            response.setHeader("WWW-Authenticate", "Bearer");
            boolean none = request.getHeader("Authorization") == null;
            String detail = none ? "This request needs a bearer token" : "The bearer token is invalid or expired";
            write(request, response, 401, "UNAUTHENTICATED", detail, new Ref("reason.UNAUTHENTICATED." + (none ? "missing" : "invalid"), detail));
        };
    }

    public static AccessDeniedHandler forbidden() {
        return (request, response, e) -> write(request, response, 403, "ACCESS_DENIED", "Your role does not allow this request");
    }

    /** In the reader's language, from the bundles with these arguments. */
    private static void write(HttpServletRequest request, HttpServletResponse response, int status, String code, String detail,
            Object... args) throws IOException {
        Locale locale = Languages.of(request.getHeader("Accept-Language"));
        response.setStatus(status);
        response.setContentType(Problems.MEDIA_TYPE.toString());
        response.setCharacterEncoding(StandardCharsets.UTF_8.name());
        response.setHeader("Content-Language", Languages.tag(locale));
        response.getWriter().write(Problems.json(locale, status, code, detail, RequestIds.current(), List.of(), args));
    }
}
