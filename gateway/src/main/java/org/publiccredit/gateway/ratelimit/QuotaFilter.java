package org.publiccredit.gateway.ratelimit;

import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import org.publiccredit.gateway.ratelimit.QuotaProperties.Quota;
import org.publiccredit.gateway.web.ProblemResponses;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.cloud.gateway.filter.GatewayFilterChain;
import org.springframework.cloud.gateway.filter.GlobalFilter;
import org.springframework.core.Ordered;
import org.springframework.data.redis.core.ReactiveStringRedisTemplate;
import org.springframework.data.redis.core.script.RedisScript;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/**
 * Counts every routed request of a partner client (a client-credentials token, see {@link CallerKey}) against its quota
 * per minute and per day ({@link QuotaProperties}), in Redis with one script call that checks both windows and counts
 * the request only when both have room, so all gateway instances share the counts. Every answer to a partner carries
 * the RateLimit header fields ({@link QuotaWindows}); past a quota the answer is a 429 problem QUOTA_EXCEEDED with
 * {@code Retry-After} (the end of the window used up), and the request is neither counted nor routed. People (users'
 * tokens) and anonymous callers have no quota, only the rate limits of {@link RateLimitFilter}, which runs after this.
 * <p>
 * While Redis is unreachable quotas are not counted (the per-instance rate limits still hold: never unlimited), and the
 * answers carry no quota headers; the switch is logged once.
 */
@Component
class QuotaFilter implements GlobalFilter, Ordered {

    private static final Logger log = LoggerFactory.getLogger(QuotaFilter.class);

    /** Both windows checked, then both counted, atomically: {allowed, minute count, day count}. */
    private static final String SCRIPT = """
            local m = tonumber(redis.call('GET', KEYS[1]) or '0')
            local d = tonumber(redis.call('GET', KEYS[2]) or '0')
            if m >= tonumber(ARGV[1]) or d >= tonumber(ARGV[2]) then
              return {0, m, d}
            end
            m = redis.call('INCR', KEYS[1])
            if m == 1 then redis.call('EXPIRE', KEYS[1], ARGV[3]) end
            d = redis.call('INCR', KEYS[2])
            if d == 1 then redis.call('EXPIRE', KEYS[2], ARGV[4]) end
            return {1, m, d}""";

    private final ReactiveStringRedisTemplate redis;
    private final QuotaProperties properties;
    private final RedisScript<List<Long>> script;
    private final Clock clock;
    private final AtomicBoolean degraded = new AtomicBoolean(false);

    @SuppressWarnings({"unchecked", "rawtypes"})
    QuotaFilter(ReactiveStringRedisTemplate redis, QuotaProperties properties) {
        this.redis = redis;
        this.properties = properties;
        this.script = (RedisScript) RedisScript.of(SCRIPT, List.class);
        this.clock = Clock.systemUTC();
    }

    /** Before the rate limits: a request past its quota is refused as such, whatever its bucket says. */
    @Override
    public int getOrder() {
        return -1010;
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, GatewayFilterChain chain) {
        if (!properties.enabled()) {
            return chain.filter(exchange);
        }
        return exchange.getPrincipal()
                .flatMap(p -> Mono.justOrEmpty(CallerKey.of(exchange, p, List.of()).clientId()))
                .flatMap(this::count)
                .map(Optional::of)
                .defaultIfEmpty(Optional.empty())
                .flatMap(answer -> {
                    if (answer.isEmpty()) {
                        return chain.filter(exchange);
                    }
                    Answer a = answer.get();
                    Map<String, String> headers = a.windows().headers(a.quota(), a.counts());
                    headers.forEach((k, v) -> exchange.getResponse().getHeaders().set(k, v));
                    if (a.counts().allowed()) {
                        return chain.filter(exchange);
                    }
                    return ProblemResponses.write(exchange, HttpStatus.TOO_MANY_REQUESTS, "QUOTA_EXCEEDED",
                            "The quota of client " + a.clientId() + " (" + a.quota().perMinute() + " requests a minute, "
                                    + a.quota().perDay() + " a day) is used up; retry after " + headers.get("Retry-After") + " s",
                            a.clientId(), a.quota().perMinute(), a.quota().perDay(), headers.get("Retry-After"));
                });
    }

    private record Answer(String clientId, Quota quota, QuotaWindows windows, QuotaWindows.Counts counts) {
    }

    private Mono<Answer> count(String clientId) {
        Quota quota = properties.of(clientId);
        QuotaWindows windows = QuotaWindows.at(clientId, clock.instant());
        return redis.execute(script, List.of(windows.minuteKey(), windows.dayKey()), List.of(Long.toString(quota.perMinute()),
                        Long.toString(quota.perDay()), Long.toString(QuotaWindows.MINUTE_TTL), Long.toString(QuotaWindows.DAY_TTL)))
                .next()
                .map(r -> new Answer(clientId, quota, windows, new QuotaWindows.Counts(r.get(0) == 1L, r.get(1), r.get(2))))
                .doOnNext(a -> {
                    if (degraded.compareAndSet(true, false)) {
                        log.warn("Redis reachable again: partner quotas are counted again");
                    }
                })
                .onErrorResume(e -> {
                    if (degraded.compareAndSet(false, true)) {
                        log.warn("Redis unreachable: partner quotas are not counted until it is back ({})", e.toString());
                    }
                    return Mono.empty();
                });
    }
}
