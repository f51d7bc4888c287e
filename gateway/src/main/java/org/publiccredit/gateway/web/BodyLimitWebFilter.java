package org.publiccredit.gateway.web;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;

/** Refuses a request whose declared body is over its {@link BodyLimits} with 413 problem JSON, before routing. */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 5)
class BodyLimitWebFilter implements WebFilter {

    private final BodyLimits limits;

    BodyLimitWebFilter(BodyLimits limits) {
        this.limits = limits;
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        long declared = exchange.getRequest().getHeaders().getContentLength();
        if (declared > 0) {
            long limit = limits.limitFor(exchange.getRequest().getPath().pathWithinApplication().value());
            if (declared > limit) {
                return ProblemResponses.write(exchange, HttpStatus.CONTENT_TOO_LARGE, "PAYLOAD_TOO_LARGE",
                        "The body is larger than " + limit + " bytes, the limit of this request");
            }
        }
        return chain.filter(exchange);
    }
}
