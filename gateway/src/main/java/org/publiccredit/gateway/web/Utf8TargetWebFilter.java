package org.publiccredit.gateway.web;

import java.nio.charset.MalformedInputException;
import org.publiccredit.commons.text.Utf8Check;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;

/**
 * A request target whose escapes do not decode to UTF-8 ({@code %ED%A0%80}, {@code %C0%AF}, {@code %E6%9F}) is refused
 * with 400 problem {@code REQUEST_REJECTED}: passed on, the service's Tomcat answered such a path with its HTML error
 * page, and silently dropped such a query parameter (so {@code ?purpose=%C0%AF} became the default purpose).
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 2)
class Utf8TargetWebFilter implements WebFilter {

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        var uri = exchange.getRequest().getURI();
        if (!decodes(uri.getRawPath()) || !decodes(uri.getRawQuery())) {
            return ProblemResponses.write(exchange, HttpStatus.BAD_REQUEST, "REQUEST_REJECTED",
                    "The request target is not valid UTF-8 once its %-escapes are decoded");
        }
        return chain.filter(exchange);
    }

    /** Whether the %-escapes of an (ASCII) request target decode to strict UTF-8. */
    static boolean decodes(String raw) {
        if (raw == null || raw.indexOf('%') < 0) {
            return true;
        }
        Utf8Check check = new Utf8Check();
        try {
            for (int i = 0; i < raw.length(); i++) {
                char c = raw.charAt(i);
                if (c == '%' && i + 2 < raw.length() && hex(raw.charAt(i + 1)) >= 0 && hex(raw.charAt(i + 2)) >= 0) {
                    check.update(hex(raw.charAt(i + 1)) * 16 + hex(raw.charAt(i + 2)));
                    i += 2;
                } else if (c < 0x80) {
                    check.update(c);
                } else {
                    return false;
                }
            }
            check.finish();
            return true;
        } catch (MalformedInputException e) {
            return false;
        }
    }

    private static int hex(char c) {
        return Character.digit(c, 16);
    }
}
