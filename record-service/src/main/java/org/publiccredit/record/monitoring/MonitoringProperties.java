package org.publiccredit.record.monitoring;

import java.time.Duration;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code platform.monitoring}: partners' watch lists and webhooks (信用监测预警).
 *
 * @param enabled whether this replica follows the change log and delivers events (false: the API still answers)
 * @param allowHttpTargets the local/dev profile only: http targets and loopback or private addresses are accepted
 *        (link-local, multicast and unspecified addresses never are)
 * @param maxWatched subjects one client may watch
 * @param maxWatchedByClient another limit for some clients (client id → subjects)
 * @param maxPerRequest codes in one bulk add or remove
 * @param followInterval the pause between two looks at the change log when it had nothing new
 * @param followBatch change_log rows per follower transaction
 * @param sendInterval the pause between two looks at the outbox when nothing was due
 * @param maxInFlight deliveries under way at once (per replica)
 * @param connectTimeout connecting to a target
 * @param readTimeout the target's answer
 * @param maxBackoff the longest pause between two attempts (1 s, 2 s, 4 s … up to this)
 * @param giveUpAfter how long an event is tried (then FAILED)
 * @param secretOverlap how long the previous secret still signs after a rotation
 */
@ConfigurationProperties("platform.monitoring")
public record MonitoringProperties(Boolean enabled, boolean allowHttpTargets, int maxWatched, Map<String, Integer> maxWatchedByClient,
        int maxPerRequest,
        Duration followInterval, int followBatch, Duration sendInterval, int maxInFlight, Duration connectTimeout,
        Duration readTimeout, Duration maxBackoff, Duration giveUpAfter, Duration secretOverlap) {

    public MonitoringProperties {
        enabled = enabled == null || enabled;
        maxWatched = maxWatched < 1 ? 100_000 : maxWatched;
        maxWatchedByClient = maxWatchedByClient == null ? Map.of() : Map.copyOf(maxWatchedByClient);
        maxPerRequest = maxPerRequest < 1 ? 10_000 : maxPerRequest;
        followInterval = followInterval == null ? Duration.ofMillis(100) : followInterval;
        followBatch = followBatch < 1 ? 2_000 : followBatch;
        sendInterval = sendInterval == null ? Duration.ofMillis(100) : sendInterval;
        maxInFlight = maxInFlight < 1 ? 256 : maxInFlight;
        connectTimeout = connectTimeout == null ? Duration.ofSeconds(2) : connectTimeout;
        readTimeout = readTimeout == null ? Duration.ofSeconds(5) : readTimeout;
        maxBackoff = maxBackoff == null ? Duration.ofSeconds(60) : maxBackoff;
        giveUpAfter = giveUpAfter == null ? Duration.ofHours(24) : giveUpAfter;
        secretOverlap = secretOverlap == null ? Duration.ofHours(24) : secretOverlap;
    }

    /** The most subjects this client may watch. */
    public int maxWatched(String client) {
        return maxWatchedByClient.getOrDefault(client, maxWatched);
    }
}
