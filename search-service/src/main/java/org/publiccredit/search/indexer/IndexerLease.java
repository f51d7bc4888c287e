package org.publiccredit.search.indexer;

import java.net.InetAddress;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.publiccredit.search.config.SearchProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.data.redis.core.script.DefaultRedisScript;
import org.springframework.data.redis.core.script.RedisScript;
import org.springframework.stereotype.Component;

/**
 * The lease that lets exactly one instance index: {@code SET key me NX PX ttl} to take it, a compare-and-pexpire
 * script every third of the ttl to keep it. While Redis cannot be reached the holder keeps acting only until its
 * lease would have run out, then stops (reads never depend on Redis). The writes are also conditional on the
 * versions read, so even two instances that both believe they hold it cannot overwrite each other's work.
 */
@Component
class IndexerLease {

    static final String KEY = "search-service:indexer-lease";
    private static final Logger log = LoggerFactory.getLogger(IndexerLease.class);
    private static final RedisScript<Long> RENEW = new DefaultRedisScript<>(
            "if redis.call('get', KEYS[1]) == ARGV[1] then return redis.call('pexpire', KEYS[1], ARGV[2]) else return 0 end", Long.class);
    private static final RedisScript<Long> RELEASE = new DefaultRedisScript<>(
            "if redis.call('get', KEYS[1]) == ARGV[1] then return redis.call('del', KEYS[1]) else return 0 end", Long.class);

    private final StringRedisTemplate redis;
    private final Clock clock;
    private final Duration ttl;
    private final String me;
    private volatile boolean held;
    private volatile Instant validUntil = Instant.EPOCH;
    private volatile Instant renewAt = Instant.EPOCH;
    private volatile String problem;

    IndexerLease(StringRedisTemplate redis, Clock clock, SearchProperties properties) {
        this.redis = redis;
        this.clock = clock;
        this.ttl = properties.leaseTtl();
        this.me = hostname() + ":" + UUID.randomUUID();
    }

    /** Takes or keeps the lease; true while this instance may index. */
    boolean hold() {
        Instant now = clock.instant();
        if (held && now.isBefore(renewAt)) {
            return true;
        }
        try {
            boolean ok;
            if (held) {
                Long r = redis.execute(RENEW, List.of(KEY), me, String.valueOf(ttl.toMillis()));
                ok = r != null && r == 1L;
                if (!ok) {
                    log.warn("indexer lease lost to another instance");
                }
            } else {
                ok = Boolean.TRUE.equals(redis.opsForValue().setIfAbsent(KEY, me, ttl));
                if (ok) {
                    log.info("indexer lease taken by {}", me);
                }
            }
            held = ok;
            problem = null;
            if (ok) {
                validUntil = now.plus(ttl);
                renewAt = now.plus(ttl.dividedBy(3));
            }
            return ok;
        } catch (RuntimeException e) {
            if (problem == null) {
                log.warn("Redis unreachable for the indexer lease: {}", e.getMessage());
            }
            problem = e.getClass().getSimpleName();
            // keep going only while the lease surely has not expired (a safety margin of a third)
            held = held && now.isBefore(validUntil.minus(ttl.dividedBy(3)));
            return held;
        }
    }

    void release() {
        if (held) {
            held = false;
            try {
                redis.execute(RELEASE, List.of(KEY), me);
            } catch (RuntimeException e) {
                log.debug("could not release the lease: {}", e.getMessage());
            }
        }
    }

    boolean held() {
        return held;
    }

    String instance() {
        return me;
    }

    /** Why the last Redis call failed, or null. */
    String problem() {
        return problem;
    }

    private static String hostname() {
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (Exception e) {
            return "search";
        }
    }
}
