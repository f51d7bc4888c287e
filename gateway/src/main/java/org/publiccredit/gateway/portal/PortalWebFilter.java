package org.publiccredit.gateway.portal;

import java.util.List;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;

/**
 * Serves the single-page portal: a browser's page request for a client-side route ({@code /search?q=…},
 * {@code /subjects/…}, {@code /cases/…}) gets {@code index.html}; the API, the actuator and the docs are never
 * touched. Caching: hashed assets for a year ({@code immutable}), {@code index.html} never cached; every portal
 * answer carries the Content-Security-Policy.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 10)
class PortalWebFilter implements WebFilter {

    static final String ASSETS = "/assets/";
    static final String INDEX = "/index.html";
    private static final String YEAR = "public, max-age=31536000, immutable";

    /** Paths that belong to the platform's machinery, not to the portal. */
    private static final List<String> NOT_PORTAL = List.of("/api/", "/actuator", "/internal/", "/openapi/", "/v3/",
            "/swagger-ui", "/webjars/", "/fallback/", "/portal-config.json");

    private final String policy;

    PortalWebFilter(PortalProperties portal) {
        this.policy = contentSecurityPolicy(portal.authorityOrigin());
    }

    /** Scripts only from this origin (no inline script, no eval); the identity provider for tokens and sign-in. */
    static String contentSecurityPolicy(String identityOrigin) {
        return String.join("; ",
                "default-src 'self'",
                "script-src 'self'",
                "style-src 'self'",
                "img-src 'self' data: blob:",
                "font-src 'self' data:",
                "connect-src 'self' " + identityOrigin,
                "frame-src " + identityOrigin,
                "form-action 'self' " + identityOrigin,
                "frame-ancestors 'none'",
                "base-uri 'self'",
                "object-src 'none'");
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        ServerHttpRequest request = exchange.getRequest();
        String path = request.getPath().pathWithinApplication().value();
        if (!isPortal(request.getMethod(), path)) {
            return chain.filter(exchange);
        }
        ServerWebExchange target = exchange;
        if (isClientRoute(path, request.getHeaders())) {
            target = exchange.mutate().request(request.mutate().path(INDEX).build()).build();
        }
        String servedPath = target.getRequest().getPath().pathWithinApplication().value();
        var response = target.getResponse();
        response.beforeCommit(() -> {
            HttpHeaders headers = response.getHeaders();
            // Spring Security's defaults (no-store, Pragma, Expires) suit API answers, not hashed assets
            headers.remove(HttpHeaders.PRAGMA);
            headers.remove(HttpHeaders.EXPIRES);
            if (servedPath.startsWith(ASSETS) && response.getStatusCode() != null && response.getStatusCode().is2xxSuccessful()) {
                headers.set(HttpHeaders.CACHE_CONTROL, YEAR);
            } else if (servedPath.equals(INDEX) || servedPath.equals("/")) {
                headers.set(HttpHeaders.CACHE_CONTROL, "no-cache");
            } else {
                headers.set(HttpHeaders.CACHE_CONTROL, "public, max-age=3600");
            }
            headers.set("Content-Security-Policy", policy);
            return Mono.empty();
        });
        return chain.filter(target);
    }

    static boolean isPortal(HttpMethod method, String path) {
        if (!HttpMethod.GET.equals(method) && !HttpMethod.HEAD.equals(method)) {
            return false;
        }
        for (String prefix : NOT_PORTAL) {
            if (path.startsWith(prefix)) {
                return false;
            }
        }
        return true;
    }

    /** A page the router draws: no file extension in the last segment, and a browser asking for HTML. */
    static boolean isClientRoute(String path, HttpHeaders headers) {
        if (path.startsWith(ASSETS) || path.equals(INDEX)) {
            return false;
        }
        String last = path.substring(path.lastIndexOf('/') + 1);
        if (last.contains(".")) {
            return false;
        }
        return headers.getAccept().stream().anyMatch(m -> m.isCompatibleWith(MediaType.TEXT_HTML) && !m.isWildcardType())
                || path.equals("/");
    }
}
