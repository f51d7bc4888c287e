package org.publiccredit.gateway.web;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import org.publiccredit.commons.i18n.Languages;
import org.publiccredit.commons.problem.Problems;
import org.publiccredit.commons.web.RequestIds;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.server.reactive.ServerHttpResponse;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/** Writes a problem JSON answer on a reactive exchange (401, 403, 429, 503 …). */
public final class ProblemResponses {

    private ProblemResponses() {
    }

    /**
     * The problem in the reader's language ({@code Accept-Language}; zh-CN by default): title and detail of the code
     * from the bundles with {@code args}, {@code detail} the fallback; said in {@code Content-Language}.
     */
    public static Mono<Void> write(ServerWebExchange exchange, HttpStatus status, String code, String detail, Object... args) {
        ServerHttpResponse response = exchange.getResponse();
        if (response.isCommitted()) {
            return Mono.empty();
        }
        response.setStatusCode(status);
        response.getHeaders().setContentType(Problems.MEDIA_TYPE);
        Locale locale = Languages.of(exchange.getRequest().getHeaders().getFirst(HttpHeaders.ACCEPT_LANGUAGE));
        response.getHeaders().set(HttpHeaders.CONTENT_LANGUAGE, Languages.tag(locale));
        String requestId = exchange.getAttribute(RequestIds.MDC_KEY);
        byte[] body = Problems.json(locale, status.value(), code, detail, requestId, List.of(), args).getBytes(StandardCharsets.UTF_8);
        DataBuffer buffer = response.bufferFactory().wrap(body);
        return response.writeWith(Mono.just(buffer));
    }
}
