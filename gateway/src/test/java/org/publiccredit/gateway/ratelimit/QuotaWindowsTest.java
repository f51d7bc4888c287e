package org.publiccredit.gateway.ratelimit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.publiccredit.gateway.ratelimit.QuotaProperties.Quota;
import org.publiccredit.gateway.ratelimit.QuotaWindows.Counts;

class QuotaWindowsTest {

    // 2026-12-06 23:59:15 in Shanghai (15:59:15 UTC): 45 s left in the minute, 45 s left in the day
    private static final Instant LATE = Instant.parse("2026-12-06T15:59:15Z");
    // 2026-12-06 08:00:50 in Shanghai: 10 s left in the minute, 16 h (57,550 s) in the day
    private static final Instant MORNING = Instant.parse("2026-12-06T00:00:50Z");

    @Test
    void theWindowsAreTheCalendarMinuteAndTheShanghaiDayWithKeysInOneSlot() {
        QuotaWindows w = QuotaWindows.at("partner-bank", MORNING);
        assertThat(w.minuteKey()).isEqualTo("quota.{partner-bank}.m." + MORNING.getEpochSecond() / 60);
        assertThat(w.dayKey()).isEqualTo("quota.{partner-bank}.d.20261206");
        assertThat(w.minuteReset()).isEqualTo(10);
        assertThat(w.dayReset()).isEqualTo(16 * 3600 - 50);
        assertThat(QuotaWindows.at("partner-bank", LATE).dayReset()).isEqualTo(45);
    }

    @Test
    void theHeadersDescribeTheWindowWithFewerRequestsLeft() {
        QuotaWindows w = QuotaWindows.at("p", MORNING);
        Quota quota = new Quota(600, 100_000);
        Map<String, String> fresh = w.headers(quota, new Counts(true, 1, 1));
        assertThat(fresh).containsEntry("RateLimit-Limit", "600").containsEntry("RateLimit-Remaining", "599")
                .containsEntry("RateLimit-Reset", "10").containsEntry("RateLimit-Policy", "600;w=60, 100000;w=86400")
                .doesNotContainKey("Retry-After");
        // late in a busy day, fewer requests are left in the day than in the minute
        Map<String, String> busy = w.headers(quota, new Counts(true, 3, 99_800));
        assertThat(busy).containsEntry("RateLimit-Limit", "100000").containsEntry("RateLimit-Remaining", "200")
                .containsEntry("RateLimit-Reset", Long.toString(w.dayReset()));
    }

    @Test
    void aRefusalWaitsForTheEndOfEveryWindowUsedUp() {
        QuotaWindows w = QuotaWindows.at("p", MORNING);
        Quota quota = new Quota(5, 100);
        Map<String, String> minute = w.headers(quota, new Counts(false, 5, 40));
        assertThat(minute).containsEntry("RateLimit-Remaining", "0").containsEntry("RateLimit-Limit", "5")
                .containsEntry("Retry-After", "10");
        Map<String, String> day = w.headers(quota, new Counts(false, 2, 100));
        assertThat(day).containsEntry("RateLimit-Remaining", "0").containsEntry("RateLimit-Limit", "100")
                .containsEntry("Retry-After", Long.toString(w.dayReset()));
    }

    @Test
    void aClientWithoutAQuotaOfItsOwnHasThePartnerQuota() {
        QuotaProperties p = new QuotaProperties(new Quota(60, 1000), Map.of("partner-bank", new Quota(600, 100_000)), null);
        assertThat(p.of("partner-bank")).isEqualTo(new Quota(600, 100_000));
        assertThat(p.of("partner-tax")).isEqualTo(new Quota(60, 1000));
        assertThat(p.enabled()).isTrue();
        assertThatThrownBy(() -> new Quota(0, 10)).isInstanceOf(IllegalArgumentException.class);
    }
}
