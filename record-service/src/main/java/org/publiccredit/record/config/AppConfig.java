package org.publiccredit.record.config;

import java.time.Clock;
import org.springframework.cloud.openfeign.EnableFeignClients;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;

/** Wiring: the clock every rule reads (tests fix it), Feign clients, the catalog refresh schedule. */
@Configuration
@EnableScheduling
@EnableFeignClients(basePackages = "org.publiccredit.record.client")
class AppConfig {

    @Bean
    Clock clock() {
        return Clock.systemUTC();
    }
}
