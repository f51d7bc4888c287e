package org.publiccredit.objection.filing;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.List;
import java.util.regex.Pattern;
import org.publiccredit.commons.problem.ApiException;
import org.publiccredit.commons.problem.FieldProblem;
import org.publiccredit.commons.problem.Problems;
import org.publiccredit.commons.web.RequestIds;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * The rule for a filing's {@code Idempotency-Key}: 1-100 visible ASCII characters, else 400
 * {@code IDEMPOTENCY_KEY_INVALID}. {@link Filter} applies it to the raw header before Spring Security's firewall
 * would refuse a non-ASCII or control character while the controller reads it (an unmapped exception there).
 */
public final class IdempotencyKey {

    static final String HEADER = "Idempotency-Key";
    private static final Pattern KEY = Pattern.compile("[\\x21-\\x7E]{1,100}");
    private static final String DETAIL = "Idempotency-Key must be 1-100 visible ASCII characters";
    private static final FieldProblem PROBLEM = new FieldProblem(HEADER, "IDEMPOTENCY_KEY_INVALID", "1-100 visible ASCII characters");

    private IdempotencyKey() {
    }

    static boolean isValid(String key) {
        return key != null && KEY.matcher(key).matches();
    }

    static ApiException invalid() {
        return ApiException.invalid("IDEMPOTENCY_KEY_INVALID", DETAIL, List.of(PROBLEM));
    }

    /** The filter to register after Spring Security (config). */
    public static OncePerRequestFilter filter() {
        return new Filter();
    }

    /** Checks the header of the filing requests as the client sent it (after authentication, before the controller). */
    private static final class Filter extends OncePerRequestFilter {

        @Override
        protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
                throws ServletException, IOException {
            if (isFiling(request)) {
                HttpServletRequest raw = unwrapped(request);
                var keys = raw.getHeaders(HEADER);
                while (keys != null && keys.hasMoreElements()) {
                    if (!isValid(keys.nextElement())) {
                        response.setStatus(400);
                        response.setContentType(Problems.MEDIA_TYPE.toString());
                        response.setCharacterEncoding("UTF-8");
                        response.getWriter().write(Problems.json(400, "IDEMPOTENCY_KEY_INVALID", DETAIL, RequestIds.current(),
                                List.of(PROBLEM)));
                        return;
                    }
                }
            }
            chain.doFilter(request, response);
        }

        private static boolean isFiling(HttpServletRequest request) {
            String path = request.getRequestURI();
            return "POST".equals(request.getMethod()) && ("/api/v1/objections".equals(path) || "/api/v1/repairs".equals(path));
        }

        /** The container's request under the firewall's (and any other) wrapper: its headers are not checked on reading. */
        private static HttpServletRequest unwrapped(HttpServletRequest request) {
            ServletRequest r = request;
            while (r instanceof HttpServletRequestWrapper w) {
                r = w.getRequest();
            }
            return r instanceof HttpServletRequest http ? http : request;
        }
    }
}
