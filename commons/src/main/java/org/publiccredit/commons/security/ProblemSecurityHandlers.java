package org.publiccredit.commons.security;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
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
            write(response, 401, "UNAUTHENTICATED", request.getHeader("Authorization") == null
                    ? "This request needs a bearer token" : "The bearer token is invalid or expired");
        };
    }

    public static AccessDeniedHandler forbidden() {
        return (request, response, e) -> write(response, 403, "ACCESS_DENIED", "Your role does not allow this request");
    }

    private static void write(HttpServletResponse response, int status, String code, String detail) throws IOException {
        response.setStatus(status);
        response.setContentType(Problems.MEDIA_TYPE.toString());
        response.setCharacterEncoding(StandardCharsets.UTF_8.name());
        response.getWriter().write(Problems.json(status, code, detail, RequestIds.current()));
    }
}
