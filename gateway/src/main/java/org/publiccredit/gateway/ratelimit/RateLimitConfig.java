package org.publiccredit.gateway.ratelimit;

import io.lettuce.core.ClientOptions;
import io.lettuce.core.TimeoutOptions;
import java.time.Duration;
import org.springframework.boot.data.redis.autoconfigure.LettuceClientConfigurationBuilderCustomizer;
import org.springframework.cloud.gateway.filter.ratelimit.RedisRateLimiter;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration
class RateLimitConfig {

    /** Defaults are replaced per tier by {@link RateLimitFilter}; the bean is Spring Cloud Gateway's own limiter. */
    @Bean
    RedisRateLimiter redisRateLimiter(RateLimitProperties properties) {
        return new RedisRateLimiter(properties.anonymous().replenishRate(), properties.anonymous().burstCapacity(), 1);
    }

    /** While Redis is down, fail commands at once instead of queueing them until a timeout (no request may hang). */
    @Bean
    LettuceClientConfigurationBuilderCustomizer failFastRedis() {
        return builder -> builder.clientOptions(ClientOptions.builder()
                .disconnectedBehavior(ClientOptions.DisconnectedBehavior.REJECT_COMMANDS)
                .timeoutOptions(TimeoutOptions.enabled(Duration.ofMillis(500)))
                .build());
    }
}
