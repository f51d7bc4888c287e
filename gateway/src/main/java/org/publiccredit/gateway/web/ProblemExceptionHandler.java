package org.publiccredit.gateway.web;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebExceptionHandler;
import reactor.core.publisher.Mono;

/** Anything that escapes the filters becomes problem JSON: unknown paths 404, timeouts 503, never a trace. */
@Component
@Order(-2)
class ProblemExceptionHandler implements WebExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(ProblemExceptionHandler.class);

    @Override
    public Mono<Void> handle(ServerWebExchange exchange, Throwable ex) {
        if (ex instanceof ResponseStatusException rse) {
            HttpStatus status = HttpStatus.resolve(rse.getStatusCode().value());
            if (status == null) {
                status = HttpStatus.INTERNAL_SERVER_ERROR;
            }
            String code = switch (status) {
                case NOT_FOUND -> "NOT_FOUND";
                case METHOD_NOT_ALLOWED -> "METHOD_NOT_ALLOWED";
                case PAYLOAD_TOO_LARGE -> "PAYLOAD_TOO_LARGE";
                case GATEWAY_TIMEOUT, SERVICE_UNAVAILABLE -> "SERVICE_UNAVAILABLE";
                default -> "HTTP_" + status.value();
            };
            if (status == HttpStatus.GATEWAY_TIMEOUT) {
                status = HttpStatus.SERVICE_UNAVAILABLE;
            }
            return ProblemResponses.write(exchange, status, code,
                    status == HttpStatus.NOT_FOUND ? "No such resource" : status.getReasonPhrase());
        }
        log.error("unexpected gateway error", ex);
        return ProblemResponses.write(exchange, HttpStatus.INTERNAL_SERVER_ERROR, "INTERNAL_ERROR",
                "An unexpected error occurred; quote the request id when you report it");
    }
}
