package org.publiccredit.objection.config;

import java.time.Clock;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;

/** Clock and the scheduler (the outbox worker); the working-day calendar comes from commons. */
@Configuration
@EnableScheduling
class AppConfig {

    @Bean
    Clock clock() {
        return Clock.systemUTC();
    }
}
