package org.publiccredit.gateway.web;

import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.util.AntPathMatcher;
import org.springframework.util.unit.DataSize;

/**
 * The largest body each kind of request may declare, decided at the gateway before a byte is streamed to a service:
 * a service that refused a large body while the gateway was still sending it reset the connection, and the caller got
 * the breaker's 503 instead of the service's 413 (and the breaker counted a failure). The services keep their own
 * limits for bodies sent without a length (chunked).
 *
 * @param rules the first rule whose pattern matches the path applies
 * @param otherwise the limit of every other request
 */
@ConfigurationProperties("platform.body-limits")
public record BodyLimits(List<Rule> rules, DataSize otherwise) {

    private static final AntPathMatcher PATHS = new AntPathMatcher();

    public BodyLimits {
        rules = rules != null ? List.copyOf(rules) : List.of();
        otherwise = otherwise != null ? otherwise : DataSize.ofMegabytes(1);
    }

    /** One limit for the paths matching an Ant pattern. */
    public record Rule(String path, DataSize max) { }

    /** The limit, in bytes, of a request to this path. */
    public long limitFor(String path) {
        for (Rule rule : rules) {
            if (PATHS.match(rule.path(), path)) {
                return rule.max().toBytes();
            }
        }
        return otherwise.toBytes();
    }
}
