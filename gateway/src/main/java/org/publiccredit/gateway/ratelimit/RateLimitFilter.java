package org.publiccredit.gateway.ratelimit;

import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import org.publiccredit.gateway.ratelimit.RateLimitProperties.Tier;
import org.publiccredit.gateway.web.ProblemResponses;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.cloud.gateway.filter.GatewayFilterChain;
import org.springframework.cloud.gateway.filter.GlobalFilter;
import org.springframework.cloud.gateway.filter.ratelimit.RateLimiter;
import org.springframework.cloud.gateway.filter.ratelimit.RedisRateLimiter;
import org.springframework.core.Ordered;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/**
 * Rate limits every routed request with Spring Cloud Gateway's {@link RedisRateLimiter}, one bucket per
 * caller (see {@link CallerKey}) and a rate per kind of caller. Over the limit: 429 problem with Retry-After.
 * <p>
 * RedisRateLimiter fails open when Redis is down (it answers "allowed" with remaining = -1). We detect that
 * and apply {@link LocalRateLimiter} instead, so an outage degrades to per-instance limits, never to none;
 * the {@code rateLimiter} health contributor reports which mode is in force.
 */
@Component("rateLimiter")
class RateLimitFilter implements GlobalFilter, Ordered, HealthIndicator {

    private static final Logger log = LoggerFactory.getLogger(RateLimitFilter.class);
    private static final String REMAINING = RedisRateLimiter.REMAINING_HEADER;

    private final RedisRateLimiter redis;
    private final RateLimitProperties properties;
    private final List<Cidr> trustedProxies;
    private final LocalRateLimiter local = new LocalRateLimiter();
    private final AtomicBoolean degraded = new AtomicBoolean(false);

    RateLimitFilter(RedisRateLimiter redis, RateLimitProperties properties) {
        this.redis = redis;
        this.properties = properties;
        this.trustedProxies = properties.trustedProxies().stream().filter(t -> !t.isBlank()).map(Cidr::parse).toList();
        register("anonymous", properties.anonymous());
        register("user", properties.user());
        register("partner", properties.partner());
        properties.clients().forEach((client, tier) -> register("partner:" + client, tier));
    }

    private void register(String id, Tier tier) {
        redis.getConfig().put(id, new RedisRateLimiter.Config()
                .setReplenishRate(tier.replenishRate()).setBurstCapacity(tier.burstCapacity()).setRequestedTokens(1));
    }

    @Override
    public int getOrder() {
        return -1000;
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, GatewayFilterChain chain) {
        return exchange.getPrincipal()
                .map(p -> CallerKey.of(exchange, p, trustedProxies))
                .defaultIfEmpty(CallerKey.of(exchange, null, trustedProxies))
                .flatMap(key -> {
                    String limitId = key.clientId() != null && properties.clients().containsKey(key.clientId())
                            ? "partner:" + key.clientId() : key.tier();
                    return redis.isAllowed(limitId, key.key()).map(r -> decide(r, limitId, key));
                })
                .flatMap(decision -> {
                    if (decision.allowed()) {
                        decision.headers().forEach((k, v) -> exchange.getResponse().getHeaders().set(k, v));
                        return chain.filter(exchange);
                    }
                    exchange.getResponse().getHeaders().set("Retry-After", String.valueOf(decision.retryAfterSeconds()));
                    exchange.getResponse().getHeaders().set(REMAINING, "0");
                    return ProblemResponses.write(exchange, HttpStatus.TOO_MANY_REQUESTS, "RATE_LIMITED",
                            "Too many requests; slow down and retry after " + decision.retryAfterSeconds() + " s");
                });
    }

    private Decision decide(RateLimiter.Response response, String limitId, CallerKey key) {
        Tier tier = tierOf(limitId);
        long retryAfter = Math.max(1, (long) Math.ceil(1.0 / Math.max(1, tier.replenishRate())));
        if ("-1".equals(response.getHeaders().get(REMAINING))) {
            if (degraded.compareAndSet(false, true)) {
                log.warn("Redis unreachable: rate limits fall back to per-instance buckets");
            }
            return new Decision(local.tryAcquire(key.key(), tier), retryAfter, java.util.Map.of());
        }
        if (degraded.compareAndSet(true, false)) {
            log.warn("Redis reachable again: rate limits are cluster-wide again");
        }
        java.util.Map<String, String> headers = response.getHeaders().containsKey(REMAINING)
                ? java.util.Map.of(REMAINING, response.getHeaders().get(REMAINING)) : java.util.Map.of();
        return new Decision(response.isAllowed(), retryAfter, headers);
    }

    private Tier tierOf(String limitId) {
        if (limitId.startsWith("partner:")) {
            return properties.clients().get(limitId.substring("partner:".length()));
        }
        return switch (limitId) {
            case "user" -> properties.user();
            case "partner" -> properties.partner();
            default -> properties.anonymous();
        };
    }

    @Override
    public Health health() {
        return Health.up().withDetail("mode", degraded.get() ? "per-instance (Redis unreachable)" : "redis").build();
    }

    private record Decision(boolean allowed, long retryAfterSeconds, java.util.Map<String, String> headers) {
    }
}
