package org.publiccredit.gateway.ratelimit;

import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import org.publiccredit.gateway.ratelimit.RateLimitProperties.Tier;

/**
 * This instance's view of each bucket, to decide whether a read may be sent on before Redis has answered
 * (see {@link RateLimitFilter}). A key may go ahead when the last answer Redis gave for it, plus what the rate has
 * refilled since, minus the requests of this instance already ahead, leaves a token, and when Redis refused it no
 * request in the last {@link #AFTER_REFUSAL} (its script refills once a second). A flood therefore stops going ahead
 * after its first refusal, and a burst goes ahead at most as far as the bucket reaches: a refused request sent ahead
 * costs the service one answer that is thrown away, and there are few of them.
 */
final class SpeculationBudget {

    static final long AFTER_REFUSAL = TimeUnit.SECONDS.toNanos(1);
    private static final int MAX_KEYS = 100_000;

    private final ConcurrentHashMap<String, View> views = new ConcurrentHashMap<>();

    /** Whether a request of {@code key} may go ahead now; when it does, it counts until {@link #settled}. */
    boolean tryAhead(String key, Tier tier, long now) {
        if (views.size() > MAX_KEYS) {
            views.clear();
        }
        return views.computeIfAbsent(key, k -> new View(tier.burstCapacity(), now)).tryAhead(tier, now);
    }

    /**
     * Redis' answer for a request of {@code key}: {@code remaining} tokens (negative: not told), and whether it
     * had gone ahead.
     */
    void settled(String key, Tier tier, boolean allowed, long remaining, boolean wentAhead, long now) {
        View view = views.computeIfAbsent(key, k -> new View(tier.burstCapacity(), now));
        view.settled(tier, allowed, remaining, wentAhead, now);
    }

    private static final class View {
        private double tokens;
        private long at;
        private int ahead;
        private long refusedAt;
        private boolean refused;

        View(int capacity, long now) {
            tokens = capacity;
            at = now;
        }

        synchronized boolean tryAhead(Tier tier, long now) {
            if (refused && now - refusedAt < AFTER_REFUSAL) {
                return false;
            }
            double estimate = Math.min(tier.burstCapacity(), tokens + (now - at) / 1e9 * tier.replenishRate());
            if (estimate - ahead < 1) {
                return false;
            }
            ahead++;
            return true;
        }

        synchronized void settled(Tier tier, boolean allowed, long remaining, boolean wentAhead, long now) {
            if (wentAhead && ahead > 0) {
                ahead--;
            }
            if (!allowed) {
                refused = true;
                refusedAt = now;
                tokens = 0;
                at = now;
            } else if (remaining >= 0) {
                refused = false;
                tokens = Math.min(tier.burstCapacity(), remaining);
                at = now;
            }
        }
    }
}
