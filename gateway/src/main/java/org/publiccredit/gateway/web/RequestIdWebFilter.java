package org.publiccredit.gateway.web;

import org.publiccredit.commons.web.LogSafe;
import org.publiccredit.commons.web.RequestIds;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;

/**
 * First of all filters, so that even a 401 from security carries it: keeps or creates the
 * {@code X-Request-Id}, passes it downstream, returns it, and logs one line per request
 * (method, masked path, status, time, request id).
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
class RequestIdWebFilter implements WebFilter {

    private static final Logger access = LoggerFactory.getLogger("access");

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        String id = RequestIds.acceptOrCreate(exchange.getRequest().getHeaders().getFirst(RequestIds.HEADER));
        ServerHttpRequest request = exchange.getRequest().mutate().headers(h -> h.set(RequestIds.HEADER, id)).build();
        ServerWebExchange withId = exchange.mutate().request(request).build();
        withId.getAttributes().put(RequestIds.MDC_KEY, id);
        // set again just before commit: a proxied service's own X-Request-Id must not make it appear twice
        withId.getResponse().beforeCommit(() -> {
            withId.getResponse().getHeaders().set(RequestIds.HEADER, id);
            return Mono.empty();
        });
        long start = System.nanoTime();
        return chain.filter(withId).doFinally(signal -> {
            String path = request.getPath().value();
            if (!path.startsWith("/actuator")) {
                var status = withId.getResponse().getStatusCode();
                access.info("{} {} {} {}ms requestId={}", request.getMethod(), LogSafe.path(path),
                        status != null ? status.value() : 0, (System.nanoTime() - start) / 1_000_000, id);
            }
        });
    }
}
