package org.publiccredit.objection.config;

import java.time.Clock;
import org.publiccredit.objection.filing.IdempotencyKey;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.web.filter.OncePerRequestFilter;

/** Clock, the scheduler (the outbox worker) and the Idempotency-Key check; the working-day calendar comes from commons. */
@Configuration
@EnableScheduling
class AppConfig {

    /** After Spring Security (order -100), before the controllers read the header through its firewall. */
    @Bean
    FilterRegistrationBean<OncePerRequestFilter> idempotencyKeyFilter() {
        FilterRegistrationBean<OncePerRequestFilter> registration = new FilterRegistrationBean<>(IdempotencyKey.filter());
        registration.setOrder(-50);
        return registration;
    }

    @Bean
    Clock clock() {
        return Clock.systemUTC();
    }
}
