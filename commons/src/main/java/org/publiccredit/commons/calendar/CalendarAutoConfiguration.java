package org.publiccredit.commons.calendar;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Lazy;

/**
 * The working-day calendar for every service that needs one (objection-service's deadlines, record-service's 双公示
 * timeliness), from {@code platform.calendar.location} (default: the data in commons). Lazy: services that never ask
 * for it do not read the files.
 */
@AutoConfiguration
public class CalendarAutoConfiguration {

    @Bean
    @Lazy
    @ConditionalOnMissingBean
    WorkingCalendar workingCalendar(@Value("${platform.calendar.location:classpath:calendar/}") String location) {
        return CalendarFiles.load(location);
    }
}
