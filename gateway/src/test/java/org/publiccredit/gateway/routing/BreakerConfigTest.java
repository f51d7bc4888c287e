package org.publiccredit.gateway.routing;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class BreakerConfigTest {

    private final Routes.Services services = new Routes.Services("s", "r", "q", "o", "p", Duration.ofSeconds(3), Duration.ofMinutes(10),
            Duration.ofSeconds(30));

    @Test
    void aBulkUploadIsSlowOnlyBeyondTheBulkLimitSoARunOfBatchesNeverOpensItsBreaker() {
        var bulk = Routes.breaker("record-bulk", services);
        assertThat(bulk.getCircuitBreakerConfig().getSlowCallDurationThreshold()).isEqualTo(Duration.ofMinutes(10));
        assertThat(bulk.getTimeLimiterConfig().getTimeoutDuration()).isEqualTo(Duration.ofMinutes(10));
    }

    @Test
    void anOrdinaryRouteIsSlowBeyondItsThreeSecondLimit() {
        var search = Routes.breaker("search", services);
        assertThat(search.getCircuitBreakerConfig().getSlowCallDurationThreshold()).isEqualTo(Duration.ofSeconds(3));
        assertThat(search.getTimeLimiterConfig().getTimeoutDuration()).isEqualTo(Duration.ofSeconds(3));
    }

    @Test
    void makingAReportHasItsOwnLongerLimitAndTheReportReadsTheOrdinaryOne() {
        var making = Routes.breaker("report-making", services);
        assertThat(making.getTimeLimiterConfig().getTimeoutDuration()).isEqualTo(Duration.ofSeconds(30));
        assertThat(Routes.breaker("report", services).getTimeLimiterConfig().getTimeoutDuration()).isEqualTo(Duration.ofSeconds(3));
    }
}
