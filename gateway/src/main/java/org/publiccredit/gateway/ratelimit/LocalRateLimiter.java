package org.publiccredit.gateway.ratelimit;

import java.util.concurrent.ConcurrentHashMap;
import org.publiccredit.gateway.ratelimit.RateLimitProperties.Tier;

/**
 * Per-instance token buckets: the limit that applies while Redis cannot be reached, so that an outage of
 * Redis never means "unlimited". With N gateway instances the cluster-wide limit is then up to N times the rate.
 */
class LocalRateLimiter {

    private static final int MAX_KEYS = 100_000;
    private final ConcurrentHashMap<String, Bucket> buckets = new ConcurrentHashMap<>();

    boolean tryAcquire(String key, Tier tier) {
        if (buckets.size() > MAX_KEYS) {
            buckets.clear();
        }
        return buckets.computeIfAbsent(key, k -> new Bucket(tier.burstCapacity())).tryAcquire(tier);
    }

    private static final class Bucket {
        private double tokens;
        private long last = System.nanoTime();

        Bucket(int capacity) {
            tokens = capacity;
        }

        synchronized boolean tryAcquire(Tier tier) {
            long now = System.nanoTime();
            tokens = Math.min(tier.burstCapacity(), tokens + (now - last) / 1e9 * tier.replenishRate());
            last = now;
            if (tokens >= 1) {
                tokens -= 1;
                return true;
            }
            return false;
        }
    }
}
