package org.publiccredit.record.check;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.RETURNS_DEFAULTS;
import static org.mockito.Mockito.mock;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.publiccredit.record.creditrecord.RecordChanged;
import org.publiccredit.record.publicity.Evaluation;
import org.publiccredit.record.publicity.PublicityPolicy;
import org.springframework.data.redis.connection.RedisConnection;
import org.springframework.data.redis.connection.RedisScriptingCommands;
import org.springframework.data.redis.connection.RedisStringCommands;
import org.springframework.data.redis.core.RedisCallback;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.data.redis.core.ValueOperations;
import tools.jackson.databind.json.JsonMapper;

/**
 * The check cache's own logic against an in-memory Redis: keys under generations and an epoch, invalidation by bumping
 * them, the entries' time to live, and reading PostgreSQL while Redis is down. The fake runs the two Lua scripts as Java
 * (what they do, not the Lua itself: {@code CheckIT} runs them on a real Redis); expiry itself is Redis's, so what is
 * tested here is the time to live each entry is written with.
 */
class CheckCacheTest {

    private static final Duration TTL = Duration.ofMinutes(10);
    private static final String ACME = CheckService.enterpriseKey("91450200MA5K00012P");
    private static final String BETA = CheckService.enterpriseKey("91450202MA5N000017");

    private final FakeRedis redis = new FakeRedis();
    private final CheckCache cache = new CheckCache(redis.template(), JsonMapper.builder().build(), TTL);

    /**
     * Redis in memory, as the check cache uses it: the read script (epoch, generations, values), the bump script
     * (INCR and EXPIRE per generation), SETEX and INCR of the epoch. {@code down} makes every command fail.
     */
    private static final class FakeRedis {

        final Map<String, String> values = new HashMap<>();
        final Map<String, Long> ttls = new HashMap<>();
        boolean down;
        int commands;

        StringRedisTemplate template() {
            RedisScriptingCommands scripting = mock(RedisScriptingCommands.class, inv -> {
                if (!inv.getMethod().getName().equals("eval")) {
                    return RETURNS_DEFAULTS.answer(inv);
                }
                Object[] raw = inv.getRawArguments();
                return eval(new String((byte[]) raw[0], StandardCharsets.UTF_8), (Integer) raw[2], (byte[][]) raw[3]);
            });
            RedisStringCommands strings = mock(RedisStringCommands.class, inv -> {
                if (!inv.getMethod().getName().equals("setEx")) {
                    return RETURNS_DEFAULTS.answer(inv);
                }
                command();
                String key = string(inv.getArgument(0));
                values.put(key, string(inv.getArgument(2)));
                ttls.put(key, inv.getArgument(1));
                return true;
            });
            RedisConnection connection = mock(RedisConnection.class, inv -> switch (inv.getMethod().getName()) {
                case "scriptingCommands" -> scripting;
                case "stringCommands" -> strings;
                default -> RETURNS_DEFAULTS.answer(inv);
            });
            @SuppressWarnings("unchecked")
            ValueOperations<String, String> ops = mock(ValueOperations.class, inv -> {
                if (!inv.getMethod().getName().equals("increment") || inv.getArguments().length != 1) {
                    return RETURNS_DEFAULTS.answer(inv);
                }
                command();
                return incr(inv.getArgument(0));
            });
            return mock(StringRedisTemplate.class, inv -> switch (inv.getMethod().getName()) {
                case "execute" -> ((RedisCallback<?>) inv.getArgument(0)).doInRedis(connection);
                case "executePipelined" -> {
                    ((RedisCallback<?>) inv.getArgument(0)).doInRedis(connection);
                    yield List.of();
                }
                case "opsForValue" -> ops;
                default -> RETURNS_DEFAULTS.answer(inv);
            });
        }

        private void command() {
            if (down) {
                throw new org.springframework.data.redis.RedisConnectionFailureException("connection refused");
            }
            commands++;
        }

        private Object eval(String script, int numKeys, byte[][] keysAndArgs) {
            command();
            List<String> keys = new ArrayList<>();
            List<String> args = new ArrayList<>();
            for (int i = 0; i < keysAndArgs.length; i++) {
                (i < numKeys ? keys : args).add(string(keysAndArgs[i]));
            }
            if (script.contains("MGET")) {
                String epoch = values.getOrDefault(keys.getFirst(), "0");
                List<byte[]> out = new ArrayList<>();
                out.add(bytes(epoch));
                for (int i = 0; i < args.size(); i++) {
                    String gen = values.getOrDefault(keys.get(i + 1), "0");
                    out.add(bytes(gen));
                    String value = values.get("check:v2:" + epoch + ":" + args.get(i) + ":" + gen);
                    out.add(value == null ? null : bytes(value));
                }
                return out;
            }
            keys.forEach(k -> {
                incr(k);
                ttls.put(k, Long.parseLong(args.getFirst()));
            });
            return (long) keys.size();
        }

        private long incr(String key) {
            long next = Long.parseLong(values.getOrDefault(key, "0")) + 1;
            values.put(key, Long.toString(next));
            return next;
        }

        /** The time to live the entry of this subject was last written with. */
        long ttlOf(String subject) {
            return ttls.entrySet().stream().filter(e -> e.getKey().startsWith("check:v2:") && e.getKey().contains(":" + subject + ":"))
                    .mapToLong(Map.Entry::getValue).max().orElseThrow();
        }

        private static String string(byte[] b) {
            return new String(b, StandardCharsets.UTF_8);
        }

        private static byte[] bytes(String s) {
            return s.getBytes(StandardCharsets.UTF_8);
        }
    }

    private static CheckCache.Cached cached(String category, LocalDate nextChange) {
        CheckEntry entry = new CheckEntry(UUID.randomUUID(), category, "重大税收违法失信主体", "BLACK_LIST", "tax",
                LocalDate.of(2026, 3, 1), LocalDate.of(2029, 2, 28), false);
        Evaluation evaluation = new Evaluation("D", "差", "poor", 100, "2026.1",
                List.of(new Evaluation.Reason("BLACK_LIST", "列入严重失信主体名单", "On a serious dishonesty list", 0, 1, "D")), null,
                LocalDate.of(2026, 12, 6));
        return new CheckCache.Cached(List.of(entry), nextChange, evaluation);
    }

    /** A check that missed and stored what it read from the database. */
    private void checkAndStore(Map<String, CheckCache.Cached> values) {
        CheckCache.Lookup lookup = cache.read(values.keySet());
        cache.write(lookup.versions(), values, LocalDate.now(PublicityPolicy.ZONE));
    }

    @Test
    void aFirstCheckMissesAndWhatItStoredIsTheNextChecksHit() {
        CheckCache.Cached acme = cached("TAX_MAJOR_VIOLATION", null);

        CheckCache.Lookup first = cache.read(List.of(ACME, BETA));
        cache.write(first.versions(), Map.of(ACME, acme), LocalDate.now(PublicityPolicy.ZONE));
        CheckCache.Lookup second = cache.read(List.of(ACME, BETA));

        assertThat(first.hits()).isEmpty();
        assertThat(first.versions()).containsOnlyKeys(ACME, BETA);
        assertThat(second.hits()).containsOnly(Map.entry(ACME, acme));
    }

    @Test
    void aRecordChangeMakesItsSubjectsCachedCheckAMissAndLeavesOtherSubjectsCached() {
        checkAndStore(Map.of(ACME, cached("TAX_MAJOR_VIOLATION", null), BETA, cached("COURT_DEFAULTER", null)));

        cache.invalidate(List.of(ACME));

        assertThat(cache.read(List.of(ACME, BETA)).hits()).containsOnlyKeys(BETA);
    }

    @Test
    void aCheckThatReadTheDatabaseBeforeAChangeAndStoresAfterItIsNeverReadAgain() {
        CheckCache.Lookup before = cache.read(List.of(ACME));
        cache.invalidate(List.of(ACME)); // the record change commits while the check reads PostgreSQL

        cache.write(before.versions(), Map.of(ACME, cached("TAX_MAJOR_VIOLATION", null)), LocalDate.now(PublicityPolicy.ZONE));

        assertThat(cache.read(List.of(ACME)).hits()).isEmpty();
    }

    @Test
    void aCommittedChangeInvalidatesEnterprisesByCodeAndPersonsBySubjectId() {
        UUID person = UUID.randomUUID();
        String personKey = CheckService.personKey(person);
        checkAndStore(Map.of(ACME, cached("TAX_MAJOR_VIOLATION", null), personKey, cached("COURT_DEFAULTER", null),
                BETA, cached("COURT_DEFAULTER", null)));

        cache.onRecordChanged(new RecordChanged(Set.of("91450200MA5K00012P"), Set.of(person)));

        assertThat(cache.read(List.of(ACME, personKey, BETA)).hits()).containsOnlyKeys(BETA);
    }

    @Test
    void aChangeOfAThousandSubjectsIsOneRedisCommand() {
        List<String> subjects = IntStream.range(0, 1000).mapToObj(i -> CheckService.personKey(UUID.randomUUID())).toList();
        int before = redis.commands;

        cache.invalidate(subjects);

        assertThat(redis.commands - before).isEqualTo(1);
        assertThat(subjects).allSatisfy(s -> assertThat(redis.values).containsEntry("check:gen:" + s, "1"));
    }

    @Test
    void anEntryIsKeptForTheConfiguredTimeToLiveWhenTimeAloneDoesNotChangeIt() {
        checkAndStore(Map.of(ACME, cached("TAX_MAJOR_VIOLATION", null)));

        assertThat(redis.ttlOf(ACME)).isEqualTo(TTL.toSeconds());
    }

    @Test
    void anEntryThatTimeAloneChangesBeforeItsTimeToLiveExpiresOnThatDay() {
        CheckCache cacheForDays = new CheckCache(redis.template(), JsonMapper.builder().build(), Duration.ofDays(3));
        LocalDate tomorrow = LocalDate.now(PublicityPolicy.ZONE).plusDays(1);
        long untilTomorrow = Duration.between(Instant.now(), tomorrow.atStartOfDay(PublicityPolicy.ZONE).toInstant()).toSeconds();

        CheckCache.Lookup lookup = cacheForDays.read(List.of(ACME));
        cacheForDays.write(lookup.versions(), Map.of(ACME, cached("TAX_MAJOR_VIOLATION", tomorrow)), tomorrow.minusDays(1));

        assertThat(redis.ttlOf(ACME)).isBetween(Math.max(1, untilTomorrow - 5), untilTomorrow);
    }

    @Test
    void anEntryWhoseChangeDayHasComeIsKeptOneSecondAtMost() {
        checkAndStore(Map.of(ACME, cached("TAX_MAJOR_VIOLATION", LocalDate.now(PublicityPolicy.ZONE).minusDays(1))));

        assertThat(redis.ttlOf(ACME)).isEqualTo(1);
    }

    @Test
    void whileRedisIsDownChecksReadTheDatabaseAndRedisIsLeftAloneForAWhile() {
        checkAndStore(Map.of(ACME, cached("TAX_MAJOR_VIOLATION", null)));
        redis.down = true;

        CheckCache.Lookup down = cache.read(List.of(ACME));
        redis.down = false;
        int commands = redis.commands;
        CheckCache.Lookup justAfter = cache.read(List.of(ACME));
        cache.write(justAfter.versions(), Map.of(ACME, cached("COURT_DEFAULTER", null)), LocalDate.now(PublicityPolicy.ZONE));
        cache.invalidate(List.of(BETA));

        assertThat(down.hits()).isEmpty();
        assertThat(down.versions()).isEmpty();
        assertThat(justAfter.hits()).isEmpty();
        assertThat(redis.commands).as("no command within the 5 s after a failure").isEqualTo(commands);
    }

    @Test
    void anInvalidationRedisMissedBumpsTheEpochBeforeAnythingCachedIsReadAgain() throws InterruptedException {
        checkAndStore(Map.of(ACME, cached("TAX_MAJOR_VIOLATION", null), BETA, cached("COURT_DEFAULTER", null)));
        redis.down = true;
        cache.invalidate(List.of(ACME));
        redis.down = false;

        // the cache reads the system clock (no Clock to inject): wait out its 5 s without Redis
        Thread.sleep(5_100);
        CheckCache.Lookup after = cache.read(List.of(ACME, BETA));

        assertThat(redis.values).containsEntry("check:epoch", "1");
        assertThat(after.hits()).isEmpty();
        assertThat(after.versions()).isNotEmpty();
    }
}
