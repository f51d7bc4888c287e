package org.publiccredit.gateway.web;

import java.nio.charset.StandardCharsets;
import org.publiccredit.commons.problem.Problems;
import org.publiccredit.commons.web.RequestIds;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.http.HttpStatus;
import org.springframework.http.server.reactive.ServerHttpResponse;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/** Writes a problem JSON answer on a reactive exchange (401, 403, 429, 503 …). */
public final class ProblemResponses {

    private ProblemResponses() {
    }

    public static Mono<Void> write(ServerWebExchange exchange, HttpStatus status, String code, String detail) {
        ServerHttpResponse response = exchange.getResponse();
        if (response.isCommitted()) {
            return Mono.empty();
        }
        response.setStatusCode(status);
        response.getHeaders().setContentType(Problems.MEDIA_TYPE);
        String requestId = exchange.getAttribute(RequestIds.MDC_KEY);
        byte[] body = Problems.json(status.value(), code, detail, requestId).getBytes(StandardCharsets.UTF_8);
        DataBuffer buffer = response.bufferFactory().wrap(body);
        return response.writeWith(Mono.just(buffer));
    }
}
