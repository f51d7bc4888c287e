package org.publiccredit.objection.config;

import java.time.Clock;
import org.publiccredit.commons.calendar.CalendarFiles;
import org.publiccredit.commons.calendar.WorkingCalendar;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;

/** Clock, calendar data and the scheduler (the outbox worker). */
@Configuration
@EnableScheduling
class AppConfig {

    @Bean
    Clock clock() {
        return Clock.systemUTC();
    }

    @Bean
    WorkingCalendar workingCalendar(@Value("${platform.calendar.location:classpath:calendar/}") String location) {
        return CalendarFiles.load(location);
    }
}
