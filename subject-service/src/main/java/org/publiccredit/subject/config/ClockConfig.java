package org.publiccredit.subject.config;

import org.publiccredit.commons.calendar.PlatformZone;
import java.time.Clock;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Dates of the registry (name changes, registration dates, birth dates) are local dates in Asia/Shanghai. */
@Configuration
class ClockConfig {

    @Bean
    Clock clock() {
        return PlatformZone.clock();
    }
}
