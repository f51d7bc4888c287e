package org.publiccredit.gateway.ratelimit;

import org.publiccredit.commons.calendar.PlatformZone;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.Map;
import org.publiccredit.gateway.ratelimit.QuotaProperties.Quota;

/**
 * The two fixed windows of a quota at an instant (the calendar minute, and the calendar day of Asia/Shanghai, when
 * partners' agreements count), their Redis keys, and the answer's headers: the IETF draft RateLimit header fields
 * (draft-ietf-httpapi-ratelimit-headers) {@code RateLimit-Limit}, {@code RateLimit-Remaining} and {@code RateLimit-Reset}
 * (seconds) of the tighter window, the one with fewer requests left (on a tie, the one that resets first), and
 * {@code RateLimit-Policy} naming both windows.
 *
 * @param minuteKey Redis key of the minute's count
 * @param dayKey Redis key of the day's count
 * @param minuteReset seconds until the minute ends
 * @param dayReset seconds until the day ends
 */
record QuotaWindows(String minuteKey, String dayKey, long minuteReset, long dayReset) {

    static final ZoneId ZONE = PlatformZone.ZONE;
    static final long MINUTE_TTL = 120;
    static final long DAY_TTL = 90_000;
    private static final DateTimeFormatter DAY = DateTimeFormatter.BASIC_ISO_DATE;

    static QuotaWindows at(String clientId, Instant now) {
        long second = now.getEpochSecond();
        LocalDate today = LocalDate.ofInstant(now, ZONE);
        long dayEnd = today.plusDays(1).atStartOfDay(ZONE).toEpochSecond();
        // the hash tag keeps a client's two keys in one slot of a Redis cluster (one script touches both)
        String prefix = "quota.{" + clientId + "}.";
        return new QuotaWindows(prefix + "m." + second / 60, prefix + "d." + DAY.format(today), 60 - second % 60,
                Math.max(1, dayEnd - second));
    }

    /**
     * Redis' counts for one request.
     *
     * @param allowed whether the request is within both windows (refused requests are not counted)
     * @param minuteUsed requests counted this minute, this one included when allowed
     * @param dayUsed requests counted today, likewise
     */
    record Counts(boolean allowed, long minuteUsed, long dayUsed) {
    }

    /** The answer's headers for these counts under the quota; for a refusal, {@code Retry-After} too. */
    Map<String, String> headers(Quota quota, Counts counts) {
        long minuteLeft = Math.max(0, quota.perMinute() - counts.minuteUsed());
        long dayLeft = Math.max(0, quota.perDay() - counts.dayUsed());
        boolean minuteTighter = minuteLeft < dayLeft || minuteLeft == dayLeft && minuteReset <= dayReset;
        Map<String, String> h = new LinkedHashMap<>();
        h.put("RateLimit-Limit", Long.toString(minuteTighter ? quota.perMinute() : quota.perDay()));
        h.put("RateLimit-Remaining", Long.toString(minuteTighter ? minuteLeft : dayLeft));
        h.put("RateLimit-Reset", Long.toString(minuteTighter ? minuteReset : dayReset));
        h.put("RateLimit-Policy", quota.perMinute() + ";w=60, " + quota.perDay() + ";w=86400");
        if (!counts.allowed()) {
            h.put("Retry-After", Long.toString(retryAfter(quota, counts)));
        }
        return h;
    }

    /** When the refused client may try again: when every window it has used up has ended. */
    long retryAfter(Quota quota, Counts counts) {
        long wait = 1;
        if (counts.minuteUsed() >= quota.perMinute()) {
            wait = Math.max(wait, minuteReset);
        }
        if (counts.dayUsed() >= quota.perDay()) {
            wait = Math.max(wait, dayReset);
        }
        return wait;
    }
}
