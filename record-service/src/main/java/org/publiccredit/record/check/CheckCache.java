package org.publiccredit.record.check;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import org.publiccredit.record.publicity.PublicityPolicy;
import org.publiccredit.record.record.RecordChanged;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.data.redis.core.RedisCallback;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionPhase;
import org.springframework.transaction.event.TransactionalEventListener;
import tools.jackson.databind.json.JsonMapper;

/**
 * Redis cache of the entries in force per subject, for credit checks. Keys carry a per-subject generation and a global
 * epoch: {@code check:v:<epoch>:<subject>:<gen>}. A record change bumps the subject's generation right after its commit
 * (same code path, {@link TransactionalEventListener}), so a check that read the database before the change can only
 * have cached under the old generation, which nobody reads again. If Redis cannot take a bump, the instance bumps the
 * epoch as soon as Redis answers again, before it reads any cached value. Redis down: checks read PostgreSQL.
 */
@Component
class CheckCache {

    private static final Logger log = LoggerFactory.getLogger(CheckCache.class);
    private static final String EPOCH = "check:epoch";
    private static final Duration GEN_TTL = Duration.ofDays(2);

    private final StringRedisTemplate redis;
    private final JsonMapper json;
    private final Duration ttl;
    private final AtomicBoolean epochBumpPending = new AtomicBoolean(false);
    private volatile Instant downUntil = Instant.MIN;

    /**
     * What is cached per subject.
     *
     * @param entries entries in force
     * @param nextChange the day time alone changes them, or null
     */
    record Cached(List<CheckEntry> entries, LocalDate nextChange) {
    }

    /**
     * A read: the values found (by subject key) and the generations to write misses under.
     *
     * @param hits cached values
     * @param versions key suffix ({@code epoch:subject:gen}) per subject, empty when the cache is not usable
     */
    record Lookup(Map<String, Cached> hits, Map<String, String> versions) {
    }

    CheckCache(StringRedisTemplate redis, JsonMapper json, @Value("${platform.checks.cache-ttl:10m}") Duration ttl) {
        this.redis = redis;
        this.json = json;
        this.ttl = ttl;
    }

    Lookup read(Collection<String> subjects) {
        if (subjects.isEmpty() || !usable() || !bumpEpochIfPending()) {
            return new Lookup(Map.of(), Map.of());
        }
        try {
            List<String> keys = new ArrayList<>(subjects.size() + 1);
            keys.add(EPOCH);
            subjects.forEach(s -> keys.add("check:gen:" + s));
            List<String> gens = redis.opsForValue().multiGet(keys);
            String epoch = value(gens.getFirst());
            Map<String, String> versions = new HashMap<>();
            List<String> valueKeys = new ArrayList<>();
            int i = 1;
            for (String s : subjects) {
                String v = epoch + ":" + s + ":" + value(gens.get(i++));
                versions.put(s, v);
                valueKeys.add("check:v:" + v);
            }
            List<String> values = redis.opsForValue().multiGet(valueKeys);
            Map<String, Cached> hits = new HashMap<>();
            i = 0;
            for (String s : subjects) {
                String v = values.get(i++);
                if (v != null) {
                    hits.put(s, json.readValue(v, Cached.class));
                }
            }
            return new Lookup(hits, versions);
        } catch (RuntimeException e) {
            failed("read", e);
            return new Lookup(Map.of(), Map.of());
        }
    }

    void write(Map<String, String> versions, Map<String, Cached> values, LocalDate today) {
        if (versions.isEmpty() || values.isEmpty() || !usable()) {
            return;
        }
        try {
            redis.executePipelined((RedisCallback<Object>) connection -> {
                values.forEach((subject, cached) -> {
                    String version = versions.get(subject);
                    if (version != null) {
                        long seconds = ttl.toSeconds();
                        if (cached.nextChange() != null) {
                            long untilChange = Duration.between(Instant.now(),
                                    cached.nextChange().atStartOfDay(PublicityPolicy.ZONE).toInstant()).toSeconds();
                            seconds = Math.max(1, Math.min(seconds, untilChange));
                        }
                        connection.stringCommands().setEx(bytes("check:v:" + version), seconds,
                                bytes(json.writeValueAsString(cached)));
                    }
                });
                return null;
            });
        } catch (RuntimeException e) {
            failed("write", e);
        }
    }

    /** After the commit of any record change: the subjects' cached checks are never read again. */
    @TransactionalEventListener(phase = TransactionPhase.AFTER_COMMIT)
    void onRecordChanged(RecordChanged change) {
        List<String> subjects = new ArrayList<>();
        change.subjectCodes().forEach(c -> subjects.add(CheckService.enterpriseKey(c)));
        change.subjectIds().forEach(id -> subjects.add(CheckService.personKey(id)));
        invalidate(subjects);
    }

    void invalidate(Collection<String> subjects) {
        if (subjects.isEmpty()) {
            return;
        }
        if (!usable()) {
            epochBumpPending.set(true);
            return;
        }
        try {
            redis.executePipelined((RedisCallback<Object>) connection -> {
                subjects.forEach(s -> {
                    connection.stringCommands().incr(bytes("check:gen:" + s));
                    connection.keyCommands().expire(bytes("check:gen:" + s), GEN_TTL.toSeconds());
                });
                return null;
            });
        } catch (RuntimeException e) {
            epochBumpPending.set(true);
            failed("invalidate", e);
        }
    }

    private boolean bumpEpochIfPending() {
        if (!epochBumpPending.get()) {
            return true;
        }
        try {
            redis.opsForValue().increment(EPOCH);
            epochBumpPending.set(false);
            log.info("check cache epoch bumped after Redis was unreachable for an invalidation");
            return true;
        } catch (RuntimeException e) {
            failed("epoch", e);
            return false;
        }
    }

    private boolean usable() {
        return Instant.now().isAfter(downUntil);
    }

    private void failed(String what, RuntimeException e) {
        if (usable()) {
            log.warn("Redis unavailable ({} {}); credit checks read PostgreSQL for 5 s", what, e.getClass().getSimpleName());
        }
        downUntil = Instant.now().plusSeconds(5);
    }

    private static byte[] bytes(String s) {
        return s.getBytes(java.nio.charset.StandardCharsets.UTF_8);
    }

    private static String value(String s) {
        return s == null ? "0" : s;
    }
}
