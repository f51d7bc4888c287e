package org.publiccredit.gateway.routing;

import org.publiccredit.gateway.web.ProblemResponses;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/**
 * Where a route's circuit breaker forwards when its service is down, slow (over the route's time limit)
 * or its breaker is open: a 503 problem, at once, with Retry-After. A write is never replayed here.
 */
@RestController
class FallbackController {

    @RequestMapping("/fallback/{service}")
    Mono<Void> unavailable(@PathVariable String service, ServerWebExchange exchange) {
        exchange.getResponse().getHeaders().set("Retry-After", "5");
        return ProblemResponses.write(exchange, HttpStatus.SERVICE_UNAVAILABLE, "SERVICE_UNAVAILABLE",
                "The " + service.replaceAll("[^a-z-]", "") + " service is unavailable; try again shortly");
    }
}
