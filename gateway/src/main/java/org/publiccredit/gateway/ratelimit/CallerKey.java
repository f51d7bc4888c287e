package org.publiccredit.gateway.ratelimit;

import java.net.InetSocketAddress;
import java.util.List;
import java.util.Map;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import org.springframework.web.server.ServerWebExchange;

/**
 * Who a request counts against: {@code partner:<client id>} for client-credentials tokens,
 * {@code user:<subject>} for people, {@code ip:<address>} for anonymous callers. The client address is
 * the connection's, or, when the connection comes from a trusted proxy, the right-most X-Forwarded-For
 * entry that is not itself a trusted proxy (so a caller cannot pick its own bucket).
 *
 * @param tier {@code anonymous}, {@code user} or {@code partner}
 * @param key the bucket's key
 * @param clientId the client id for partner tokens, else null
 */
record CallerKey(String tier, String key, String clientId) {

    static CallerKey of(ServerWebExchange exchange, Object principal, List<Cidr> trustedProxies) {
        if (principal instanceof JwtAuthenticationToken jwt) {
            Map<String, Object> claims = jwt.getToken().getClaims();
            String username = String.valueOf(claims.getOrDefault("preferred_username", ""));
            String clientId = String.valueOf(claims.getOrDefault("azp", "unknown"));
            if (username.startsWith("service-account-")) {
                return new CallerKey("partner", "partner:" + clientId, clientId);
            }
            return new CallerKey("user", "user:" + jwt.getToken().getSubject(), null);
        }
        return new CallerKey("anonymous", "ip:" + clientAddress(exchange, trustedProxies), null);
    }

    static String clientAddress(ServerWebExchange exchange, List<Cidr> trustedProxies) {
        InetSocketAddress remote = exchange.getRequest().getRemoteAddress();
        String address = remote != null && remote.getAddress() != null ? remote.getAddress().getHostAddress() : "unknown";
        if (!trusted(address, trustedProxies)) {
            return address;
        }
        List<String> forwarded = exchange.getRequest().getHeaders().getValuesAsList("X-Forwarded-For");
        for (int i = forwarded.size() - 1; i >= 0; i--) {
            String hop = forwarded.get(i).trim();
            if (!hop.isEmpty() && !trusted(hop, trustedProxies)) {
                return hop.length() > 45 ? hop.substring(0, 45) : hop;
            }
        }
        return address;
    }

    private static boolean trusted(String address, List<Cidr> trustedProxies) {
        return trustedProxies.stream().anyMatch(c -> c.matches(address));
    }
}
