package org.publiccredit.gateway.ratelimit;

import io.lettuce.core.ClientOptions;
import io.lettuce.core.TimeoutOptions;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import org.springframework.boot.data.redis.autoconfigure.LettuceClientConfigurationBuilderCustomizer;
import org.springframework.cloud.gateway.filter.ratelimit.RedisRateLimiter;
import org.springframework.cloud.gateway.support.ConfigurationService;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.io.ClassPathResource;
import org.springframework.data.redis.core.ReactiveStringRedisTemplate;
import org.springframework.data.redis.core.script.RedisScript;

@Configuration
class RateLimitConfig {

    /**
     * Spring Cloud Gateway's own limiter and Lua script; {@link RateLimitFilter} registers a config per tier. The script
     * is read once: the framework's default script source asks the jar for the file's modification time on every
     * request (~1 ms of class-path lookups per call, seen in a profile).
     */
    @Bean
    RedisRateLimiter redisRateLimiter(ReactiveStringRedisTemplate redis, ConfigurationService configuration) throws IOException {
        String script = new ClassPathResource("META-INF/scripts/request_rate_limiter.lua").getContentAsString(StandardCharsets.UTF_8);
        @SuppressWarnings({"unchecked", "rawtypes"})
        RedisScript<List<Long>> once = (RedisScript) RedisScript.of(script, List.class);
        return new RedisRateLimiter(redis, once, configuration);
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
