package org.publiccredit.report.config;

import feign.FeignException;
import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig;
import io.github.resilience4j.timelimiter.TimeLimiterConfig;
import java.time.Duration;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.cloud.circuitbreaker.resilience4j.Resilience4JCircuitBreakerFactory;
import org.springframework.cloud.circuitbreaker.resilience4j.Resilience4JConfigBuilder;
import org.springframework.cloud.client.circuitbreaker.Customizer;
import org.publiccredit.commons.security.ServiceTokens;
import org.springframework.cloud.openfeign.EnableFeignClients;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.oauth2.client.OAuth2AuthorizedClientService;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;

/**
 * Service-to-service calls: Feign clients in the {@code client} package, the service's own token (commons ServiceTokens,
 * which works off the request thread: Feign calls run inside the breaker's time limiter), one circuit breaker per Feign method.
 */
@Configuration
@EnableFeignClients(basePackages = "org.publiccredit.report.client")
class ClientConfig {

    /** The service's own token for its calls to other services (client svc-report). */
    @Bean
    ServiceTokens serviceTokens(ClientRegistrationRepository registrations, OAuth2AuthorizedClientService clients) {
        return new ServiceTokens(registrations, clients, "svc-report");
    }

    /**
     * Opens at 50 % failures of the last 10 calls, probes again after {@code platform.clients.breaker-open}. A 4xx answer
     * is the other service deciding (a subject that is not the caller's is 404), not a failure: it never opens the
     * breaker. The time limit sits above Feign's read timeout so that Feign's own timeout is the one that fires.
     */
    @Bean
    Customizer<Resilience4JCircuitBreakerFactory> breakers(@Value("${platform.clients.breaker-open:5s}") Duration open,
            @Value("${platform.clients.time-limit:8s}") Duration timeLimit) {
        CircuitBreakerConfig breaker = CircuitBreakerConfig.custom()
                .slidingWindowSize(10)
                .minimumNumberOfCalls(5)
                .failureRateThreshold(50)
                .waitDurationInOpenState(open)
                .permittedNumberOfCallsInHalfOpenState(2)
                .automaticTransitionFromOpenToHalfOpenEnabled(true)
                .recordException(e -> !(e instanceof FeignException.FeignClientException))
                .build();
        return factory -> factory.configureDefault(id -> new Resilience4JConfigBuilder(id)
                .circuitBreakerConfig(breaker)
                .timeLimiterConfig(TimeLimiterConfig.custom().timeoutDuration(timeLimit).build())
                .build());
    }
}
