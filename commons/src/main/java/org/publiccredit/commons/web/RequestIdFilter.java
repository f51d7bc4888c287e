package org.publiccredit.commons.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.publiccredit.commons.problem.Problems;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.servlet.HandlerMapping;

/**
 * Outermost servlet filter: sets the request id (MDC and response header), writes one access-log line
 * per request (method, route pattern or masked path, status, time), and answers a problem instead of
 * an error page for anything that escapes the MVC layer (an identity provider that cannot be reached
 * becomes a 503, never a 500 with a trace).
 */
public class RequestIdFilter extends OncePerRequestFilter {

    private static final Logger access = LoggerFactory.getLogger("access");
    private static final Logger log = LoggerFactory.getLogger(RequestIdFilter.class);

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String id = RequestIds.acceptOrCreate(request.getHeader(RequestIds.HEADER));
        MDC.put(RequestIds.MDC_KEY, id);
        response.setHeader(RequestIds.HEADER, id);
        long start = System.nanoTime();
        try {
            chain.doFilter(request, response);
        } catch (Exception e) {
            boolean idpDown = causedBy(e, "org.springframework.security.authentication.AuthenticationServiceException");
            if (!idpDown) {
                log.error("request failed outside the MVC layer", e);
            } else {
                log.warn("identity provider unreachable: {}", e.getMessage());
            }
            if (!response.isCommitted()) {
                response.resetBuffer();
                int status = idpDown ? 503 : 500;
                response.setStatus(status);
                response.setContentType(Problems.MEDIA_TYPE.toString());
                response.setCharacterEncoding(StandardCharsets.UTF_8.name());
                java.util.Locale locale = org.publiccredit.commons.i18n.Languages.of(request.getHeader("Accept-Language"));
                response.setHeader("Content-Language", org.publiccredit.commons.i18n.Languages.tag(locale));
                response.getWriter().write(Problems.json(locale, status, idpDown ? "IDENTITY_PROVIDER_UNAVAILABLE" : "INTERNAL_ERROR",
                        idpDown ? "The token cannot be checked right now; try again shortly" : "An unexpected error occurred", id,
                        java.util.List.of()));
            }
        } finally {
            if (!request.getRequestURI().startsWith("/actuator")) {
                Object pattern = request.getAttribute(HandlerMapping.BEST_MATCHING_PATTERN_ATTRIBUTE);
                access.info("{} {} {} {}ms", request.getMethod(),
                        pattern != null ? LogSafe.path(pattern.toString()) : LogSafe.path(request.getRequestURI()),
                        response.getStatus(), (System.nanoTime() - start) / 1_000_000);
            }
            MDC.remove(RequestIds.MDC_KEY);
        }
    }

    private static boolean causedBy(Throwable e, String className) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            for (Class<?> c = t.getClass(); c != null; c = c.getSuperclass()) {
                if (c.getName().equals(className)) {
                    return true;
                }
            }
        }
        return false;
    }
}
