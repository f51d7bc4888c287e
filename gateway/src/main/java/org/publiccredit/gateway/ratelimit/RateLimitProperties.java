package org.publiccredit.gateway.ratelimit;

import java.util.List;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Rates per kind of caller ({@code platform.rate-limits.*}): anonymous callers by client IP, signed-in users
 * by user, partner and internal clients by client id (with optional per-client overrides).
 *
 * @param anonymous the tier for callers without a token
 * @param user the tier for signed-in people
 * @param partner the tier for client-credentials clients
 * @param clients per-client-id overrides of the partner tier
 * @param trustedProxies CIDRs whose X-Forwarded-For is believed (the ingress); nobody else's
 * @param readsAhead whether reads with room in their bucket are sent on while Redis decides (default true)
 */
@ConfigurationProperties("platform.rate-limits")
public record RateLimitProperties(Tier anonymous, Tier user, Tier partner, Map<String, Tier> clients,
        List<String> trustedProxies, Boolean readsAhead) {

    public RateLimitProperties {
        anonymous = anonymous != null ? anonymous : new Tier(20, 40);
        user = user != null ? user : new Tier(50, 100);
        partner = partner != null ? partner : new Tier(200, 400);
        clients = clients != null ? Map.copyOf(clients) : Map.of();
        trustedProxies = trustedProxies != null ? List.copyOf(trustedProxies) : List.of();
        readsAhead = readsAhead == null || readsAhead;
    }

    /**
     * A token bucket.
     *
     * @param replenishRate tokens added per second
     * @param burstCapacity the bucket's size
     */
    public record Tier(int replenishRate, int burstCapacity) {
    }
}
