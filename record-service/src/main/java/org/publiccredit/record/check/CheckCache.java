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
import org.publiccredit.record.creditrecord.RecordChanged;
import org.publiccredit.record.publicity.Evaluation;
import org.publiccredit.record.publicity.PublicityPolicy;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.data.redis.connection.ReturnType;
import org.springframework.data.redis.core.RedisCallback;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionPhase;
import org.springframework.transaction.event.TransactionalEventListener;
import tools.jackson.databind.json.JsonMapper;

/**
 * Redis cache of the entries in force per subject, for credit checks. Keys carry a per-subject generation and a global
 * epoch: {@code check:v2:<epoch>:<subject>:<gen>} (v2: values carry the evaluation). A record change bumps the subject's generation right after its commit
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
     * @param nextChange the day time alone changes them (or the evaluation), or null
     * @param evaluation the subject's credit evaluation
     */
    record Cached(List<CheckEntry> entries, LocalDate nextChange, Evaluation evaluation) {
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

    /**
     * One round trip for the whole check: the epoch, every subject's generation and the value cached under it. The
     * script computes the value keys from the generations it just read (so this needs one Redis, not a cluster).
     */
    private static final byte[] READ_SCRIPT = bytes("""
            local epoch = redis.call('GET', KEYS[1]) or '0'
            local gens = redis.call('MGET', unpack(KEYS, 2))
            local vkeys = {}
            for i = 1, #ARGV do
              gens[i] = gens[i] or '0'
              vkeys[i] = 'check:v2:' .. epoch .. ':' .. ARGV[i] .. ':' .. gens[i]
            end
            local values = redis.call('MGET', unpack(vkeys))
            local out = {epoch}
            for i = 1, #ARGV do
              out[2 * i] = gens[i]
              out[2 * i + 1] = values[i]
            end
            return out""");

    /** Bumps the generations of KEYS (each kept for ARGV[1] seconds). */
    private static final byte[] BUMP_SCRIPT = bytes("""
            for i = 1, #KEYS do
              redis.call('INCR', KEYS[i])
              redis.call('EXPIRE', KEYS[i], ARGV[1])
            end
            return #KEYS""");

    Lookup read(Collection<String> subjects) {
        if (subjects.isEmpty() || !usable() || !bumpEpochIfPending()) {
            return new Lookup(Map.of(), Map.of());
        }
        try {
            List<String> ordered = List.copyOf(subjects);
            byte[][] keysAndArgs = new byte[ordered.size() * 2 + 1][];
            keysAndArgs[0] = bytes(EPOCH);
            for (int i = 0; i < ordered.size(); i++) {
                keysAndArgs[i + 1] = bytes("check:gen:" + ordered.get(i));
                keysAndArgs[ordered.size() + 1 + i] = bytes(ordered.get(i));
            }
            List<?> reply = redis.execute((RedisCallback<List<?>>) connection ->
                    connection.scriptingCommands().eval(READ_SCRIPT, ReturnType.MULTI, ordered.size() + 1, keysAndArgs));
            if (reply == null || reply.size() != 2 * ordered.size() + 1) {
                throw new IllegalStateException("unexpected reply of the check cache script");
            }
            String epoch = string(reply.getFirst());
            Map<String, String> versions = new HashMap<>();
            Map<String, Cached> hits = new HashMap<>();
            for (int i = 0; i < ordered.size(); i++) {
                String s = ordered.get(i);
                versions.put(s, epoch + ":" + s + ":" + string(reply.get(2 * i + 1)));
                Object v = reply.get(2 * i + 2);
                if (v instanceof byte[] b) {
                    hits.put(s, json.readValue(b, Cached.class));
                }
            }
            return new Lookup(hits, versions);
        } catch (RuntimeException e) {
            failed("read", e);
            return new Lookup(Map.of(), Map.of());
        }
    }

    private static String string(Object o) {
        return o instanceof byte[] b ? new String(b, java.nio.charset.StandardCharsets.UTF_8) : "0";
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
                        connection.stringCommands().setEx(bytes("check:v2:" + version), seconds,
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
            // one command for the whole change (a chunk of a batch touches up to 1,000 subjects), not two per subject
            byte[][] keysAndArgs = new byte[subjects.size() + 1][];
            int i = 0;
            for (String subject : subjects) {
                keysAndArgs[i++] = bytes("check:gen:" + subject);
            }
            keysAndArgs[i] = bytes(Long.toString(GEN_TTL.toSeconds()));
            redis.execute((RedisCallback<Object>) connection ->
                    connection.scriptingCommands().eval(BUMP_SCRIPT, ReturnType.INTEGER, subjects.size(), keysAndArgs));
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
}
