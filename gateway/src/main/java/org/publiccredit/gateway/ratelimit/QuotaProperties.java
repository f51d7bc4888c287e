package org.publiccredit.gateway.ratelimit;

import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Quotas of partner clients ({@code platform.quotas.*}): requests per minute and per day per client id, counted in Redis
 * so that every gateway instance counts against the same quota ({@link QuotaFilter}). Besides the rate limits: a rate
 * limit smooths bursts, a quota is what a partner's agreement allows.
 *
 * @param partner the quota of a client-credentials client without a quota of its own
 * @param clients per-client-id quotas
 * @param enabled whether quotas are counted at all (default true)
 */
@ConfigurationProperties("platform.quotas")
public record QuotaProperties(Quota partner, Map<String, Quota> clients, Boolean enabled) {

    public QuotaProperties {
        partner = partner != null ? partner : new Quota(3_000, 1_000_000);
        clients = clients != null ? Map.copyOf(clients) : Map.of();
        enabled = enabled == null || enabled;
    }

    /** The quota of a client id. */
    Quota of(String clientId) {
        return clients.getOrDefault(clientId, partner);
    }

    /**
     * A partner's quota.
     *
     * @param perMinute requests per calendar minute
     * @param perDay requests per calendar day (Asia/Shanghai)
     */
    public record Quota(long perMinute, long perDay) {
        public Quota {
            if (perMinute < 1 || perDay < 1) {
                throw new IllegalArgumentException("a quota is at least 1 request per minute and per day");
            }
        }
    }
}
