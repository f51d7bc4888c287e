import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.DoubleAccumulator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.publiccredit.commons.calendar.PlatformZone;
import org.publiccredit.commons.id.Uscc;

/**
 * search-service benchmark (see README.md): one run measures the search issue's targets on data that went through the
 * platform itself.
 * <ol>
 * <li>imports N organisations (default 1,000,000) through the gateway ({@code POST /api/v1/subjects:import});</li>
 * <li>pushes recordsPerSubject × N ADM_PENALTY records over them ({@code POST /api/v1/records:batch});</li>
 * <li>waits until search-service's indexer, which follows both feeds live, is at their heads; prints its rates; with
 * {@code --rebuild} then runs a full rebuild ({@code POST /api/v1/admin/search:rebuild}) and prints subjects/s;</li>
 * <li>times the same name-fragment searches as the raw Elasticsearch request on the live alias, directly at
 * search-service and through the gateway (p50/p95/p99, one client, sequential);</li>
 * <li>loads the run's subjects into PostgreSQL ({@code bench.bench_subject}, pg_trgm GIN index) and times the same
 * fragments as {@code LIKE '%…%'} with a total and the top 20 by similarity;</li>
 * <li>steady state: 1,000 record changes/s through the gateway while a prober measures push → publicly visible.</li>
 * </ol>
 * The run's subjects and records stay in the platform.
 *
 * <pre>java -Xmx2g -cp commons/target/classes bench/search/BenchSearch.java [subjects] [recordsPerSubject] [queries] [steadySeconds] [--rebuild]</pre>
 */
public class BenchSearch {

    static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    static final String GATEWAY = System.getenv().getOrDefault("GATEWAY", "http://localhost:8080");
    /** The gateway's actuator port (metrics): the public port answers health only. */
    static final String GATEWAY_MANAGEMENT = System.getenv().getOrDefault("GATEWAY_MANAGEMENT", "http://127.0.0.1:9080");
    static final String SEARCH = System.getenv().getOrDefault("SEARCH_SERVICE", "http://127.0.0.1:8083");
    static final String ES = System.getenv().getOrDefault("ELASTICSEARCH", "http://127.0.0.1:9200");
    static final String KEYCLOAK = System.getenv().getOrDefault("KEYCLOAK", "http://localhost:8180");
    static final String ALIAS = System.getenv().getOrDefault("SEARCH_ALIAS", "subjects");
    static final String PSQL_URL = "postgresql://bench:bench@127.0.0.1:15432/bench";
    static final ZoneId CHINA = PlatformZone.ZONE;

    static final String[] CITIES = {"柳州", "梧州", "南宁", "桂林", "北海", "玉林", "百色", "钦州"};
    static final String[] REGIONS = {"450202", "450403", "450102", "450302", "450502", "450902", "451002", "450702"};
    static final String BRAND = "华盛鑫源泰丰恒达宏远金顺兴隆德信安康永利新宇嘉禾瑞福天成万通伟业明辉昌盛博腾锦程";
    static final String[] TRADES = {"商贸", "建筑工程", "科技", "物流", "餐饮管理", "农业开发", "机械设备", "医药", "文化传媒", "房地产开发"};
    static final String[] FORMS = {"有限公司", "有限责任公司", "股份有限公司", "合作社"};

    /** Rows per import / batch request: the services refuse row 100,001. */
    static final int REQUEST_ROWS = 100_000;
    static final String AUTHORITY = Uscc.of('1', '1', "450200", "MB000001").value();
    /** The USCC character set (no I, O, S, V, Z); a run tag is a letter of it and any character of it. */
    static final String USCC_CHARS = "0123456789ABCDEFGHJKLMNPQRTUWXY";
    static final String TAG_LETTERS = "ACDEFGHJKLMNPQRTUWXY";

    static final long START = System.nanoTime();
    static volatile long lastPrint = START;
    /** What the run is doing, printed by the ticker when nothing else was printed for 30 s. */
    static volatile String status = "starting";

    /** A subject the run created. */
    record Subject(String code, String name, String region) {
    }

    public static void main(String[] args) throws Exception {
        List<String> numbers = Arrays.stream(args).filter(a -> !a.startsWith("--")).toList();
        boolean rebuild = Arrays.asList(args).contains("--rebuild");
        // a scaling run (bench/scaling) grows one stack in steps: pg_trgm is compared once, not at every step, and the
        // warm-up and settle waits are bounded so that the four steps fit in an hour
        boolean trgm = !Arrays.asList(args).contains("--no-trgm");
        WARM_UP_MAX = option(args, "--warm-up-max=", WARM_UP_MAX);
        SETTLE_MAX_SECONDS = option(args, "--settle-max=", SETTLE_MAX_SECONDS);
        if (Arrays.asList(args).contains("--latency-only")) {
            // step 4 alone, on what the alias holds now: to compare the three ways after a change without a full run
            startTicker();
            latency(arg(numbers, 0, 300), fragments(), List.of());
            return;
        }
        if (Arrays.asList(args).contains("--steady-only")) {
            // step 6 alone (warm-up + measured), over the subjects the last full run left in bench.bench_subject
            startTicker();
            steadyOnly(arg(numbers, 0, 120), Arrays.asList(args).contains("--grade-probe"));
            return;
        }
        int n = arg(numbers, 0, 1_000_000);
        int perSubject = arg(numbers, 1, 3);
        int queries = arg(numbers, 2, 300);
        int steadySeconds = arg(numbers, 3, 120);
        if (n < 1 || n > 1_000_000) {
            throw new IllegalArgumentException("subjects: 1 to 1,000,000 (a 6-digit sequence in the organisation code)");
        }
        String run = Long.toString(System.currentTimeMillis(), 36);
        String tag = unusedTag(null);
        String probeTag = unusedTag(tag);
        log("machine: nproc %d, JDK %s, %s (load %s)", Runtime.getRuntime().availableProcessors(), System.getProperty("java.version"),
                Instant.now(), load());
        log("run %s: %,d subjects (codes 91<region>%s<nnnnnn><check>), %,d records, %d queries per way, steady state %d s%s;"
                + " probe subjects 91<region>%s<nnnnnn>…", run, n, tag, (long) n * perSubject, queries, steadySeconds,
                rebuild ? ", with a rebuild" : "", probeTag);
        startTicker();
        Token officer = new Token("officer-market");
        Path tsv = Files.createTempFile("bench-search-" + run, ".tsv");
        try {
            Counters c0 = Counters.read();
            List<Subject> subjects = importSubjects(n, tag, tsv, officer);
            Counters c1 = Counters.read();
            pushRecords(subjects, perSubject, run, officer);
            Counters c2 = Counters.read();
            awaitIndexer();
            Counters c3 = Counters.read();
            indexerRates("step 1 (import)", c0, c1);
            indexerRates("step 2 (records)", c1, c2);
            indexerRates("step 3 (catching up)", c2, c3);
            indexerRates("steps 1-3", c0, c3);
            // queries and the steady state on the index the live indexer built; the rebuild last, so that they never
            // measure a freshly rebuilt index that Elasticsearch is still merging
            settle("STEP 4a");
            List<String> fragments = fragments();
            long[] raw = latency(queries, fragments, subjects);
            if (trgm) {
                pgTrgm(tsv, n, queries, fragments, raw);
                settle("STEP 6a");
            } else {
                log("STEP 5: pg_trgm skipped (--no-trgm)");
            } // pg_trgm's load and index build leave PostgreSQL checkpointing for a while
            // 30 s of the same load first, not counted: the first batches over a million random subjects meet cold caches
            // (PostgreSQL pages of their records, Elasticsearch documents), a transient and not the steady state
            new SteadyState(subjects, run, probeTag, officer, 900_000, "warm-up (not counted): ").run(SteadyState.WARM_UP_SECONDS);
            new SteadyState(subjects, run, probeTag, officer, 0, "").run(steadySeconds);
            if (rebuild) {
                rebuild(new Token("admin1"));
            }
        } finally {
            Files.deleteIfExists(tsv);
        }
        log("done: the run's %,d subjects (91<region>%s…), their records and the probe subjects (…%s…) stay in the platform",
                n, tag, probeTag);
    }

    /** Step 6 on an existing index: the subjects of the last full run (its pg_trgm table), new tags for the probes. */
    static void steadyOnly(int seconds, boolean gradeProbe) throws Exception {
        List<Subject> subjects = new ArrayList<>();
        for (String line : psql("-A", "-t", "-F", "\t", "-c", "SELECT code, name, region FROM bench_subject").split("\n")) {
            String[] f = line.split("\t");
            if (f.length == 3) {
                subjects.add(new Subject(f[0], f[1], f[2]));
            }
        }
        if (subjects.isEmpty()) {
            throw new IllegalStateException("bench.bench_subject is empty: --steady-only needs a full run first");
        }
        String run = Long.toString(System.currentTimeMillis(), 36);
        String probeTag = unusedTag(null);
        log("machine: nproc %d, JDK %s, %s (load %s)", Runtime.getRuntime().availableProcessors(), System.getProperty("java.version"),
                Instant.now(), load());
        log("run %s: steady state only, %d s, over the %,d subjects of bench.bench_subject; probe subjects 91<region>%s<nnnnnn>…",
                run, seconds, subjects.size(), probeTag);
        Token officer = new Token("officer-market");
        Token tax = gradeProbe ? new Token("officer-tax") : null;
        if (gradeProbe) {
            log("grade probes: every 500 ms a black-list entry (TAX_MAJOR_VIOLATION, officer-tax) for one of these subjects not yet"
                    + " graded D, then a count on the alias of its public document with grade D polled until it finds it: the grade recomputation lag in the index");
        }
        settle("STEP 6a");
        new SteadyState(subjects, run, probeTag, officer, 900_000, "warm-up (not counted): ").grades(tax).run(SteadyState.WARM_UP_SECONDS);
        new SteadyState(subjects, run, probeTag, officer, 0, "").grades(tax).run(seconds);
    }

    // --- step 1: subjects ---------------------------------------------------------------------------

    /** Imports N generated organisations, two requests of 100,000 rows at a time; writes code/name/region to the TSV. */
    static List<Subject> importSubjects(int n, String tag, Path tsv, Token officer) throws Exception {
        log("STEP 1: import %,d subjects through the gateway (POST /api/v1/subjects:import, NDJSON, %,d rows per request,"
                + " 2 at a time, officer-market)", n, REQUEST_ROWS);
        Random random = new Random(42);
        List<Subject> subjects = new ArrayList<>(n);
        Progress progress = new Progress("subjects imported", n);
        try (ExecutorService senders = Executors.newFixedThreadPool(2); var out = Files.newBufferedWriter(tsv)) {
            List<Future<?>> pending = new ArrayList<>();
            for (int from = 0; from < n; from += REQUEST_ROWS) {
                int count = Math.min(REQUEST_ROWS, n - from);
                StringBuilder body = new StringBuilder(count * 260);
                for (int i = from; i < from + count; i++) {
                    Subject s = newSubject(random, tag, i);
                    subjects.add(s);
                    body.append(importRow(s, i, random));
                    out.write(s.code() + '\t' + s.name() + '\t' + s.region() + '\n');
                }
                String rows = body.toString();
                String what = String.format("import rows %,d-%,d", from + 1, from + count);
                pending.add(senders.submit(() -> importRequest(what, rows, count, officer, progress)));
                while (pending.size() > 2) {
                    pending.removeFirst().get();
                }
            }
            for (Future<?> f : pending) {
                f.get();
            }
        }
        log("IMPORT %,d subjects in %.1f s = %,.0f subjects/s through the gateway (load %s)", n, progress.seconds(),
                n / progress.seconds(), load());
        return subjects;
    }

    /** An organisation: city + two brand characters (+ one more for a third) + trade + legal form. */
    static Subject newSubject(Random random, String tag, int i) {
        int city = random.nextInt(CITIES.length);
        String code = Uscc.of('9', '1', REGIONS[city], tag + String.format("%06d", i)).value();
        StringBuilder name = new StringBuilder(CITIES[city]).append("市");
        for (int k = 0; k < 2 + random.nextInt(2); k++) {
            name.append(BRAND.charAt(random.nextInt(BRAND.length())));
        }
        name.append(TRADES[random.nextInt(TRADES.length)]).append(FORMS[random.nextInt(FORMS.length)]);
        return new Subject(code, name.toString(), REGIONS[city]);
    }

    /** One NDJSON line of the subject import (bench/subject-import's field set). */
    static String importRow(Subject s, int i, Random random) {
        return "{\"code\":\"" + s.code() + "\",\"name\":" + json(s.name()) + ",\"registrationStatus\":\"ACTIVE\",\"industry\":\""
                + "CFGEHI".charAt(random.nextInt(6)) + "\",\"registrationDate\":\"" + LocalDate.of(2005, 1, 1).plusDays(random.nextInt(7000))
                + "\",\"legalRepresentative\":\"王" + (i % 97) + "\",\"address\":\"" + s.name().substring(0, 3) + "某路" + i + "号\"}\n";
    }

    static Void importRequest(String what, String body, int count, Token officer, Progress progress) throws Exception {
        long t = System.nanoTime();
        Answer a = sendBulk("/api/v1/subjects:import", body, officer, what, "subject-bulk");
        Map<String, Long> totals = totals(a, what);
        expectEvery(a, totals, "created", count, what);
        long done = progress.add(count);
        double seconds = (System.nanoTime() - t) / 1e9;
        log("%s: %s in %.1f s = %,.0f rows/s; %,d of %,d imported, %,.0f subjects/s so far (load %s)", what, totals, seconds,
                count / seconds, done, progress.total(), done / progress.seconds(), load());
        return null;
    }

    // --- step 2: records ----------------------------------------------------------------------------

    /** recordsPerSubject × N penalties over the run's subjects, 100,000 rows per request, one request at a time. */
    static void pushRecords(List<Subject> subjects, int perSubject, String run, Token officer) throws Exception {
        long total = (long) subjects.size() * perSubject;
        log("STEP 2: push %,d ADM_PENALTY records through the gateway (POST /api/v1/records:batch, NDJSON, %,d rows per"
                + " request, 1 at a time, officer-market)", total, REQUEST_ROWS);
        Random random = new Random(43);
        LocalDate today = LocalDate.now(CHINA);
        Progress progress = new Progress("records pushed", total);
        try (ExecutorService sender = Executors.newSingleThreadExecutor()) {
            Future<?> inFlight = null;
            for (long from = 0; from < total; from += REQUEST_ROWS) {
                int count = (int) Math.min(REQUEST_ROWS, total - from);
                StringBuilder body = new StringBuilder(count * 800);
                for (long i = from; i < from + count; i++) {
                    Subject s = subjects.get(random.nextInt(subjects.size()));
                    LocalDate decided = decisionDate(random, today);
                    body.append(penalty(s.code(), s.name(), "BENCH-" + run + "-R" + i, decided, random.nextInt(4) == 0)).append('\n');
                }
                String rows = body.toString();
                String what = String.format("records %,d-%,d", from + 1, from + count);
                if (inFlight != null) {
                    inFlight.get();   // the next body is built while the previous one is sent
                }
                inFlight = sender.submit(() -> recordRequest(what, rows, count, officer, progress));
            }
            if (inFlight != null) {
                inFlight.get();
            }
        }
        log("RECORDS %,d rows in %.1f s = %,.0f rows/s through the gateway (load %s)", total, progress.seconds(),
                total / progress.seconds(), load());
    }

    /** Mostly recent (4 in 5 within 180 days), the rest over 3 years; a quarter end their publicity after 6 months. */
    static LocalDate decisionDate(Random random, LocalDate today) {
        int days = random.nextInt(5) < 4 ? random.nextInt(180) : random.nextInt(3 * 365);
        return today.minusDays(1 + days);
    }

    /** One ADM_PENALTY record (bench/records' field set); public from its decision date for 3 years or until publicityUntil. */
    static String penalty(String code, String name, String documentNumber, LocalDate decided, boolean shortPublicity) {
        String fields = "{\"violationType\":\"其他\",\"violationFacts\":\"未按规定履行法定义务\",\"penaltyBasis\":\"《行政处罚法》\","
                + "\"penaltyCategory\":\"罚款\",\"penaltyContent\":\"罚款人民币5000元\",\"fineAmount\":\"0.5\",\"penaltyValidUntil\":\""
                + decided.plusYears(1) + "\"," + (shortPublicity ? "\"publicityUntil\":\"" + decided.plusMonths(6) + "\"," : "")
                + "\"authority\":\"柳州市市场监督管理局\",\"authorityUscc\":\"" + AUTHORITY + "\",\"dataSource\":\"柳州市市场监督管理局\","
                + "\"dataSourceUscc\":\"" + AUTHORITY + "\"}";
        return "{\"category\":\"ADM_PENALTY\",\"subject\":{\"identifier\":\"" + code + "\",\"name\":" + json(name) + "},\"documentNumber\":\""
                + documentNumber + "\",\"decisionDate\":\"" + decided + "\",\"fields\":" + fields + "}";
    }

    static Void recordRequest(String what, String body, int count, Token officer, Progress progress) throws Exception {
        long t = System.nanoTime();
        Answer a = sendBulk("/api/v1/records:batch", body, officer, what, "record-bulk");
        Map<String, Long> totals = totals(a, what);
        if (!a.body().contains("\"complete\":true")) {
            throw new IllegalStateException(what + ": the batch was not read to the end: " + excerpt(a.body()));
        }
        expectEvery(a, totals, "created", count, what);
        long before = progress.done().get();
        long done = progress.add(count);
        double seconds = (System.nanoTime() - t) / 1e9;
        log("%s: %s in %.1f s = %,.0f rows/s; %,d of %,d, %,.0f rows/s so far (load %s)", what, totals, seconds, count / seconds, done,
                progress.total(), done / progress.seconds(), load());
        if (before < 1_000_000 && done >= 1_000_000) {
            log("RECORDS first %,d rows in %.1f s = %,.0f rows/s (load %s)", done, progress.seconds(), done / progress.seconds(), load());
        }
        return null;
    }

    // --- step 3: indexing ---------------------------------------------------------------------------

    /** Waits until search-service's health shows both feeds with cursor = head. */
    static void awaitIndexer() throws Exception {
        log("STEP 3: wait until search-service's indexer (following both feeds since step 1) is at the head of both (actuator/health)");
        long t0 = System.nanoTime();
        Thread.sleep(500);   // at least one poll of the indexer after the last batch was acknowledged
        long[] feeds;
        while (true) {
            feeds = feeds(patiently(SEARCH + "/actuator/health", null).body());
            if (feeds != null && feeds[0] == feeds[1] && feeds[2] == feeds[3]) {
                break;
            }
            if (System.nanoTime() - t0 > Duration.ofHours(3).toNanos()) {
                throw new IllegalStateException("the indexer did not reach the feeds' heads within 3 h: " + indexerPosition());
            }
            status = "step 3: waiting for the indexer";
            Thread.sleep(250);
        }
        log("CAUGHT UP %.1f s after the last record batch was acknowledged (subject feed at %,d, record feed at %,d; load %s)",
                (System.nanoTime() - t0) / 1e9, feeds[0], feeds[2], load());
    }

    /** Subject cursor, subject head, record cursor, record head from the health answer; null without an active indexer. */
    static long[] feeds(String health) {
        Matcher s = Pattern.compile("\"subject\":\\{\"cursor\":(\\d+),\"head\":(\\d+)").matcher(health);
        Matcher r = Pattern.compile("\"record\":\\{\"cursor\":(\\d+),\"head\":(\\d+)").matcher(health);
        if (!s.find() || !r.find()) {
            return null;
        }
        return new long[] {Long.parseLong(s.group(1)), Long.parseLong(s.group(2)), Long.parseLong(r.group(1)), Long.parseLong(r.group(2))};
    }

    static String indexerPosition() {
        try {
            long[] f = feeds(get(SEARCH + "/actuator/health", null).body());
            return f == null ? "indexer not active" : String.format("indexer subject %,d/%,d, record %,d/%,d", f[0], f[1], f[2], f[3]);
        } catch (Exception e) {
            return "indexer health unreadable: " + e;
        }
    }

    /** search-service's indexer counters (live and rebuild work alike). */
    record Counters(long nanos, double subjectChanges, double subjectDocuments, double recordChanges, double recordDocuments) {
        static Counters read() throws Exception {
            String text = patiently(SEARCH + "/actuator/prometheus", null).body();
            return new Counters(System.nanoTime(), metric(text, "search_indexer_changes_total{feed=\"subject\"}"),
                    metric(text, "search_indexer_documents_total{feed=\"subject\"}"), metric(text, "search_indexer_changes_total{feed=\"record\"}"),
                    metric(text, "search_indexer_documents_total{feed=\"record\"}"));
        }
    }

    static void indexerRates(String during, Counters a, Counters b) {
        double s = (b.nanos() - a.nanos()) / 1e9;
        log("INDEXER during %s, %.1f s: subject feed %,.0f changes -> %,.0f documents = %,.0f subject documents/s; record feed %,.0f"
                + " changes = %,.0f changes/s -> %,.0f documents/s (load %s)", during, s, b.subjectChanges() - a.subjectChanges(),
                b.subjectDocuments() - a.subjectDocuments(), (b.subjectDocuments() - a.subjectDocuments()) / s,
                b.recordChanges() - a.recordChanges(), (b.recordChanges() - a.recordChanges()) / s,
                (b.recordDocuments() - a.recordDocuments()) / s, load());
    }

    /** A full rebuild as admin; followed until its index has taken over the alias. */
    static void rebuild(Token admin) throws Exception {
        log("STEP 7: full rebuild (POST /api/v1/admin/search:rebuild through the gateway, admin1)");
        Counters c0 = Counters.read();
        // the job's subjectHead is only the rebuild's own position (subject-service sends no headSeq): the live one instead
        long[] live = feeds(patiently(SEARCH + "/actuator/health", null).body());
        long subjectHead = live != null ? live[1] : Long.MAX_VALUE;
        long t0 = System.nanoTime();
        HttpResponse<String> r = post(GATEWAY + "/api/v1/admin/search:rebuild", admin.get(), "application/json", "");
        expect(r, 202, "rebuild");
        String id = field(r.body(), "id");
        String job;
        double subjectFeedSeconds = 0;
        while (true) {
            Thread.sleep(2_000);
            HttpResponse<String> j = patiently(GATEWAY + "/api/v1/admin/search/rebuilds/" + id, admin);
            expect(j, 200, "rebuild " + id);
            job = j.body();
            status = String.format("rebuild %s %s into %s: subject feed %s/%s, record feed %s/%s", id, field(job, "state"), field(job, "index"),
                    field(job, "subjectSeq"), field(job, "subjectHead"), field(job, "recordSeq"), field(job, "recordHead"));
            String subjectSeq = field(job, "subjectSeq");
            if (subjectFeedSeconds == 0 && subjectSeq != null && Long.parseLong(subjectSeq) >= subjectHead) {
                subjectFeedSeconds = (System.nanoTime() - t0) / 1e9;
                log("rebuild: subject feed replayed (%,d changes) %.0f s after the request (polled every 2 s; as many record pages went"
                        + " alongside) = ~%,.0f subject changes/s (load %s)", subjectHead, subjectFeedSeconds, subjectHead / subjectFeedSeconds,
                        load());
            }
            if ("DONE".equals(field(job, "state"))) {
                break;
            }
            if ("FAILED".equals(field(job, "state"))) {
                throw new IllegalStateException("rebuild failed: " + job);
            }
        }
        double wall = (System.nanoTime() - t0) / 1e9;
        double seconds = Duration.between(instant(field(job, "startedAt")), instant(field(job, "finishedAt"))).toMillis() / 1e3;
        long documents = Long.parseLong(field(job, "documents"));
        log("REBUILD %s -> %s: %,d subject documents in %.1f s (started -> alias swapped) = %,.0f subjects/s; %.1f s from the request"
                + " (subject feed %s, record feed %s; load %s)", field(job, "previousIndex"), field(job, "index"), documents, seconds,
                documents / seconds, wall, field(job, "subjectSeq"), field(job, "recordSeq"), load());
        indexerRates("the rebuild (rebuild and live pages)", c0, Counters.read());
    }

    // --- step 4: latency ----------------------------------------------------------------------------

    /** The same fragments three ways, twice in alternating order, pooled; returns the raw Elasticsearch times. */
    /**
     * Waits, at most 10 minutes, until Elasticsearch merges nothing on the alias's index and the 1-minute load is below
     * 1.5, so that the latencies and pg_trgm are measured on a settled machine: right after millions of updates,
     * Elasticsearch merges segments and PostgreSQL vacuums for minutes, and on 2 shared cores every fixed cost in a
     * request then swings with the load. Prints how long it waited, the index's segments and what it saw last.
     */
    static void settle(String step) throws Exception {
        log("%s: settle: wait (at most " + SETTLE_MAX_SECONDS + " s) until search-service's indexer has looked at the quiet index's"
                + " segments (merged into one after %s of quiet, or left), Elasticsearch merges nothing on '%s' and the 1-minute load is < %.1f",
                step, "2 min", ALIAS, SETTLED_LOAD);
        long start = System.nanoTime();
        long deadline = start + Duration.ofSeconds(SETTLE_MAX_SECONDS).toNanos();
        long merging;
        double load;
        boolean looked;
        do {
            Thread.sleep(5_000);
            merging = firstNumber(es("GET", "/" + ALIAS + "/_stats/merge", null).body(), "\"merges\":\\{\"current\":(\\d+)");
            load = Double.parseDouble(load());
            // the indexer's upkeep (IndexUpkeep): "settled" once this quiet spell's index was merged or found not worth it
            looked = !get(SEARCH + "/actuator/health", null).body().contains("\"settled\":false");
        } while ((!looked || merging > 0 || load >= SETTLED_LOAD) && System.nanoTime() < deadline);
        long segments = firstNumber(es("GET", "/" + ALIAS + "/_stats/segments", null).body(), "\"segments\":\\{\"count\":(\\d+)");
        String stats = es("GET", "/" + ALIAS + "/_stats/store,docs", null).body();
        long bytes = firstNumber(stats, "\"primaries\":\\{\"docs\":\\{\"count\":\\d+,\"deleted\":\\d+,\"total_size_in_bytes\":\\d+\\},\"store\":\\{\"size_in_bytes\":(\\d+)");
        long docs = firstNumber(stats, "\"primaries\":\\{\"docs\":\\{\"count\":(\\d+)");
        log("index '%s': %,d documents, %,.1f MB on disk, %,.0f bytes per document", ALIAS, docs, bytes / 1e6, docs > 0 ? bytes / (double) docs : 0);
        log("SETTLED after %.0f s: merges running %d, segments %d, load %.2f%s", (System.nanoTime() - start) / 1e9, merging, segments,
                load, !looked || merging > 0 || load >= SETTLED_LOAD ? " (not settled: measured anyway after " + SETTLE_MAX_SECONDS + " s)" : "");
    }

    static final double SETTLED_LOAD = 1.5;
    /** The longest settle wait ({@code --settle-max=S}; 600 s unless given). */
    static int SETTLE_MAX_SECONDS = 600;

    /** The first match of a pattern with one group of digits in a JSON text (-1 when none). */
    static long firstNumber(String json, String pattern) {
        Matcher m = Pattern.compile(pattern).matcher(json);
        return m.find() ? Long.parseLong(m.group(1)) : -1;
    }

    static long[] latency(int queries, List<String> fragments, List<Subject> subjects) throws Exception {
        log("STEP 4: latency on the live alias '%s': raw Elasticsearch, search-service directly, through the gateway (%d fragments,"
                + " at least %,d warm-up requests per way until the JIT is quiet and the medians hold still, then 2 × %,d timed requests per way, interleaved: each query is sent the three ways in a"
                + " rotating order, so that a slow moment of the shared machine falls on all three alike)",
                ALIAS, fragments.size(), WARM_UP, queries);
        hitCheck(fragments, subjects);
        List<Call> ways = List.of(
                q -> es("POST", "/" + ALIAS + "/_search", rawQuery(q)),
                q -> get(SEARCH + "/api/v1/search?q=" + enc(q), null),
                q -> get(GATEWAY + "/api/v1/search?q=" + enc(q), nextIp()));
        long[][] t = time(2 * queries, fragments, ways);
        report("ES raw      ", t[0]);
        report("search-svc  ", t[1]);
        report("gateway     ", t[2]);
        log("ratios p50: gateway/direct %.2f (target <= 1.3), direct/raw %.2f (target <= 1.5) (load %s)",
                p(t[2], 50) / p(t[1], 50), p(t[1], 50) / p(t[0], 50), load());
        // the search box's suggestions: prefixes of one to four characters of the fragments, through the gateway
        List<String> prefixes = fragments.stream().map(f -> f.substring(0, Math.min(f.length(), 1 + Math.abs(f.hashCode()) % 4))).toList();
        long[][] s = rounds(2 * queries, prefixes, List.of(q -> get(GATEWAY + "/api/v1/search/suggest?q=" + enc(q), nextIp())), "suggest");
        report("suggest (gw)", s[0]);
        log("suggestions through the gateway p95 %.1f ms (target <= 20 ms)", p(s[0], 95));
        return t[0];
    }

    /** How many documents the fragments match (raw totals), next to how many of the run's names contain them. */
    static void hitCheck(List<String> fragments, List<Subject> subjects) throws Exception {
        int k = 8;
        long total = 0;
        long ours = 0;
        for (String q : fragments.subList(0, k)) {
            HttpResponse<String> r = es("POST", "/" + ALIAS + "/_search", rawQuery(q));
            expect(r, 200, "search " + q);
            Matcher m = Pattern.compile("\"total\":\\{\"value\":(\\d+)").matcher(r.body());
            total += m.find() ? Long.parseLong(m.group(1)) : 0;
            ours += subjects.stream().filter(s -> s.name().contains(q)).count();
        }
        log("fragments match %,.0f documents on average (raw ES totals of the first %d fragments); %,.0f of this run's names contain"
                + " the fragment on average", total / (double) k, k, ours / (double) k);
    }

    /** Name fragments people type: a brand (2-3 characters), city + brand, brand + trade, a trade. */
    static List<String> fragments() {
        Random random = new Random(7);
        List<String> out = new ArrayList<>();
        for (int i = 0; i < 60; i++) {
            String brand = "" + BRAND.charAt(random.nextInt(BRAND.length())) + BRAND.charAt(random.nextInt(BRAND.length()));
            switch (i % 4) {
                case 0 -> out.add(brand);
                case 1 -> out.add(CITIES[random.nextInt(CITIES.length)] + "市" + brand);
                case 2 -> out.add(brand + TRADES[random.nextInt(TRADES.length)]);
                default -> out.add(brand + BRAND.charAt(random.nextInt(BRAND.length())));
            }
        }
        return out;
    }

    /**
     * What search-service sends for a text-only query (query.SubjectQueries.search), page 0, size 20: the text read by
     * search-service's own names.NameQuery (search-service/target/classes on the class path), the clauses written out
     * here as SubjectQueries builds them.
     */
    static String rawQuery(String q) {
        org.publiccredit.search.names.NameQuery n = org.publiccredit.search.names.NameQuery.of(q);
        List<String> exact = new ArrayList<>();
        List<String> should = new ArrayList<>();
        if (n != null) {
            exact.add(constant("term", "names.exact", json(n.normalized()), 5000));
            exact.add(constant("term", "names.former", json(n.normalized()), 2000));
            exact.add(constant("term", "names.core.keyword", json(n.core()), 800));
            exact.add(constant("term", "names.keys", json(n.core()), 700));
            if (!n.bodies().isEmpty()) {
                exact.add(constant("terms", "names.keys", jsonList(n.bodies()), 600));
            }
            exact.add(constant("term", "names.formerKeys", json(n.core()), 500));
            exact.add(constant("term", "names.shortNames", json(n.normalized()), 450));
            exact.add(constant("terms", "names.trade", jsonList(n.trades()), 400));
            if (n.typedPinyin()) {
                exact.add(constant("term", "names.pinyinKeys", json(String.join("", n.pinyin())), 300));
            }
        }
        should.add("{\"dis_max\":{\"tie_breaker\":0.0,\"queries\":[" + String.join(",", exact) + "]}}");
        if (n != null) {
            should.add(most("names.core", n.core(), 1));
            if (!n.typedPinyin() && !n.pinyin().isEmpty()) {
                should.add(constant("term", "names.pinyinKeys", json(String.join("", n.pinyin())), 1));
            }
            should.add(most("names.formerCore", n.core(), 0.5));
            if (n.pairsSyllables()) {
                should.add(most("names.pinyin", String.join(" ", n.pinyin()), n.typedPinyin() ? 1 : 0.3));
            }
            if (n.initials() != null) {
                should.add(constant("term", "names.initials", json(n.initials()), 2));
                should.add("{\"constant_score\":{\"filter\":{\"prefix\":{\"names.initials\":{\"value\":" + json(n.initials())
                        + "}}},\"boost\":0.5}}");
            }
            should.add(constant("term", "names.derived", json(n.normalized()), 0.2));
        }
        return "{\"from\":0,\"size\":20,\"track_total_hits\":true,"
                + "\"query\":{\"bool\":{\"must\":[{\"bool\":{\"should\":[" + String.join(",", should) + "],\"minimum_should_match\":\"1\"}}],"
                + "\"filter\":[{\"term\":{\"public\":{\"value\":true}}}]}},"
                + "\"sort\":[{\"_score\":{\"order\":\"desc\"}},{\"standing\":{\"order\":\"desc\",\"missing\":\"_last\",\"unmapped_type\":\"byte\"}},"
                + "{\"subjectId\":{\"order\":\"asc\"}}],"
                + "\"_source\":{\"includes\":[\"subjectId\",\"kind\",\"public\",\"code\",\"masked\",\"name\",\"formerNames\","
                + "\"type\",\"region\",\"status\",\"lists\",\"counts\",\"disputed\"]},"
                + "\"aggregations\":{\"region\":{\"terms\":{\"field\":\"region\",\"size\":30}},"
                + "\"type\":{\"terms\":{\"field\":\"type\",\"size\":10}},\"list\":{\"terms\":{\"field\":\"lists\",\"size\":2}},"
                + "\"category\":{\"terms\":{\"field\":\"categories\",\"size\":30}}}}";
    }

    static String constant(String kind, String field, String value, double boost) {
        return "{\"constant_score\":{\"filter\":{\"" + kind + "\":{\"" + field + "\":" + (kind.equals("term") ? "{\"value\":" + value + "}" : value)
                + "}},\"boost\":" + boost + "}}";
    }

    static String most(String field, String text, double boost) {
        // the strict search (every bigram): what search-service sends first, and alone when it finds 20 or more
        return "{\"match\":{\"" + field + "\":{\"query\":" + json(text) + ",\"operator\":\"and\",\"boost\":" + boost + "}}}";
    }

    static String jsonList(List<String> values) {
        return "[" + String.join(",", values.stream().map(BenchSearch::json).toList()) + "]";
    }

    interface Call {
        HttpResponse<String> run(String q) throws Exception;
    }

    /**
     * Untimed requests per way first: the search path (query building, the gateway's filters, response parsing) has been
     * run only by tests and the hit check so far, and the JIT compiles it over tens of thousands of calls. At least this
     * many rounds, then blocks of {@link #WARM_UP_BLOCK} until the JIT has gone quiet and every way's median holds still
     * ({@link #warmUp}).
     */
    static final int WARM_UP = 3_000;
    static final int WARM_UP_BLOCK = 1_000;
    /** At most this many warm-up rounds ({@code --warm-up-max=N} lowers it, e.g. for the points of a scaling run after the first). */
    static int WARM_UP_MAX = 45_000;
    /** A way is warm when the median of its last block is within this fraction of the block before. */
    static final double WARM_UP_STABLE = 0.05;
    /** The JIT is quiet when the gateway and search-service each spent less than this compiling during a block... */
    static final double WARM_UP_JIT_QUIET_MS = 100;
    /** ... in this many blocks in a row. */
    static final int WARM_UP_QUIET_BLOCKS = 2;

    /**
     * Times each query the given ways, one right after the other and the first way rotating, after the warm-up; one
     * array of nanoseconds per way.
     */
    static long[][] time(int count, List<String> fragments, List<Call> ways) throws Exception {
        warmUp(fragments, ways);
        return rounds(count, fragments, ways, "timed");
    }

    /**
     * {@link #WARM_UP} untimed rounds, then blocks of {@link #WARM_UP_BLOCK} rounds until, in {@link #WARM_UP_QUIET_BLOCKS}
     * blocks in a row, the gateway and search-service each compiled for less than {@link #WARM_UP_JIT_QUIET_MS} (their
     * {@code jvm_compilation_time_ms_total}) and the median of every way moved less than {@link #WARM_UP_STABLE} from the
     * block before (at most {@link #WARM_UP_MAX} rounds).
     * <p>
     * Medians alone stopped too early: a fresh gateway's JIT kept compiling in bursts of 0.2-1.3 s per block of 1,000
     * requests until about 30,000 requests, while its median drifted down by less than 5 % per block (gateway ÷ direct
     * 1.47 after 5,000 rounds, 1.39 after 11,000, 1.33 after 20,000, 1.30 after 35,000, in one test); run I stopped after
     * 5,000 rounds and measured the JIT, not the gateway.
     */
    static void warmUp(List<String> fragments, List<Call> ways) throws Exception {
        rounds(WARM_UP, fragments, ways, "warm-up");
        double[] previous = null;
        double[] jit = jitMillis();
        int quiet = 0;
        for (int done = WARM_UP; done < WARM_UP_MAX; done += WARM_UP_BLOCK) {
            long[][] block = rounds(WARM_UP_BLOCK, fragments, ways, "warm-up");
            double[] medians = Arrays.stream(block).mapToDouble(times -> p(times, 50)).toArray();
            double[] jitNow = jitMillis();
            double[] compiled = {jitNow[0] - jit[0], jitNow[1] - jit[1]};
            jit = jitNow;
            boolean stable = previous != null && stable(medians, previous)
                    && compiled[0] < WARM_UP_JIT_QUIET_MS && compiled[1] < WARM_UP_JIT_QUIET_MS;
            quiet = stable ? quiet + 1 : 0;
            log("warm-up: %,d rounds, p50 of the last %,d per way %s ms, JIT of gateway / search-service %.0f / %.0f ms%s"
                            + " (load %s)", done + WARM_UP_BLOCK, WARM_UP_BLOCK,
                    Arrays.stream(medians).mapToObj(m -> String.format("%.2f", m)).toList(), compiled[0], compiled[1],
                    stable ? ": quiet and stable (" + quiet + " of " + WARM_UP_QUIET_BLOCKS + ")" : "", load());
            if (quiet >= WARM_UP_QUIET_BLOCKS) {
                return;
            }
            previous = medians;
        }
        log("warm-up: still compiling or moving after %,d rounds; measured anyway", WARM_UP_MAX);
    }

    /**
     * Milliseconds the JIT has compiled so far in the gateway and in search-service ({@code jvm_compilation_time_ms_total}
     * on their Prometheus endpoints); a process that does not say counts as always compiling (NaN never is quiet).
     */
    static double[] jitMillis() {
        return new double[] {jitMillis(GATEWAY_MANAGEMENT), jitMillis(SEARCH)};
    }

    static double jitMillis(String base) {
        try {
            HttpResponse<String> r = HTTP.send(HttpRequest.newBuilder(URI.create(base + "/actuator/prometheus"))
                    .timeout(Duration.ofSeconds(5)).build(), HttpResponse.BodyHandlers.ofString());
            Matcher m = Pattern.compile("(?m)^jvm_compilation_time_ms_total\\{[^}]*} ([0-9.Ee+-]+)$").matcher(r.body());
            return r.statusCode() == 200 && m.find() ? Double.parseDouble(m.group(1)) : Double.NaN;
        } catch (IOException e) {
            return Double.NaN;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Double.NaN;
        }
    }

    /** Whether every way's median is within {@link #WARM_UP_STABLE} of its median in the block before. */
    static boolean stable(double[] medians, double[] previous) {
        for (int way = 0; way < medians.length; way++) {
            if (Math.abs(medians[way] - previous[way]) > WARM_UP_STABLE * previous[way]) {
                return false;
            }
        }
        return true;
    }

    /** {@code count} rounds of each query the given ways, the first way rotating; nanoseconds per way and round. */
    static long[][] rounds(int count, List<String> fragments, List<Call> ways, String what) throws Exception {
        int k = ways.size();
        long[][] out = new long[k][count];
        for (int i = 0; i < count; i++) {
            String q = fragments.get(i % fragments.size());
            for (int j = 0; j < k; j++) {
                int way = (i + j) % k;
                long t = System.nanoTime();
                HttpResponse<String> r = ways.get(way).run(q);
                long took = System.nanoTime() - t;
                expect(r, 200, "search " + q);
                out[way][i] = took;
            }
            status = "step 4: " + what + ", " + (i + 1) + " of " + count + " rounds";
        }
        return out;
    }

    // --- step 5: PostgreSQL -------------------------------------------------------------------------

    /** The run's subjects in PostgreSQL with a trigram index, and the same fragments. */
    static void pgTrgm(Path tsv, int rows, int queries, List<String> fragments, long[] raw) throws Exception {
        log("STEP 5: PostgreSQL pg_trgm on the same rows: the %,d subjects this run created (code, name, region) in bench.bench_subject", rows);
        status = "step 5: loading bench.bench_subject";
        psql("-c", "CREATE EXTENSION IF NOT EXISTS pg_trgm; DROP TABLE IF EXISTS bench_subject;"
                + " CREATE TABLE bench_subject (code text PRIMARY KEY, name text NOT NULL, region text)");
        long c0 = System.nanoTime();
        psql("-c", "\\copy bench_subject (code, name, region) FROM '" + tsv + "'");
        psql("-c", "CREATE INDEX bench_subject_name_trgm ON bench_subject USING gin (name gin_trgm_ops); ANALYZE bench_subject");
        log("PG load of %,d rows + trigram index: %.1f s (load %s)", rows, (System.nanoTime() - c0) / 1e9, load());
        status = "step 5: " + (20 + queries * 2) + " statements in psql";
        long[] pg = pgTimes(queries * 2, fragments);
        report("PG pg_trgm  ", pg);
        log("p95 PG / ES raw = %.1f (target >= 10) (load %s)", p(pg, 95) / p(raw, 95), load());
    }

    /** The same fragments in PostgreSQL: total and top 20 by trigram similarity, timed by psql (\timing). */
    static long[] pgTimes(int count, List<String> fragments) throws Exception {
        StringBuilder script = new StringBuilder("\\timing on\n");
        for (int i = 0; i < 20 + count; i++) {
            String q = fragments.get(i % fragments.size()).replace("'", "''");
            script.append("SELECT code, name, count(*) OVER () AS total FROM bench_subject WHERE name LIKE '%").append(q)
                    .append("%' ORDER BY similarity(name, '").append(q).append("') DESC, code LIMIT 20;\n");
        }
        Path file = Files.createTempFile("bench-pg", ".sql");
        Files.writeString(file, script);
        String out = psql("-o", "/dev/null", "-f", file.toString());
        Files.delete(file);
        Matcher m = Pattern.compile("Time: ([\\d.]+) ms").matcher(out);
        List<Long> times = new ArrayList<>();
        while (m.find()) {
            times.add((long) (Double.parseDouble(m.group(1)) * 1e6));
        }
        return times.subList(20, times.size()).stream().mapToLong(Long::longValue).toArray();   // first 20: warm-up
    }

    // --- step 6: steady state -----------------------------------------------------------------------

    /**
     * 1,000 record changes/s through the gateway (a 100-row batch of new records over the run's subjects every 100 ms,
     * fixed rate, each batch on its own virtual thread) while a prober pushes one record for a brand-new subject every
     * 500 ms and polls its public profile through the gateway every 50 ms (every 200 ms after 4 s) until the record shows.
     */
    static final class SteadyState {
        final List<Subject> subjects;
        final String run;
        final String probeTag;
        final Token officer;
        final LocalDate today = LocalDate.now(CHINA);
        final AtomicLong rows = new AtomicLong();
        final AtomicInteger batches = new AtomicInteger();
        final AtomicInteger failedBatches = new AtomicInteger();
        final AtomicInteger skipped = new AtomicInteger();
        final AtomicInteger inFlight = new AtomicInteger();
        final AtomicInteger probes = new AtomicInteger();
        final AtomicInteger probeFailures = new AtomicInteger();
        final AtomicInteger invisible = new AtomicInteger();
        final AtomicInteger samples = new AtomicInteger();
        final List<Long> lags = Collections.synchronizedList(new ArrayList<>());
        final List<Long> pushes = Collections.synchronizedList(new ArrayList<>());
        final DoubleAccumulator subjectGauge = new DoubleAccumulator(Math::max, 0);
        final DoubleAccumulator recordGauge = new DoubleAccumulator(Math::max, 0);
        volatile String firstError;

        /** Prefix of the report lines ("" for the measured run). */
        final String label;
        final int firstProbe;

        SteadyState(List<Subject> subjects, String run, String probeTag, Token officer, int firstProbe, String label) {
            this.label = label;
            this.firstProbe = firstProbe;
            this.probes.set(firstProbe);
            this.subjects = subjects;
            this.run = run;
            this.probeTag = probeTag;
            this.officer = officer;
        }

        void run(int seconds) throws Exception {
            log("%sSTEP 6: steady state for %d s: 100 new records over the run's subjects every 100 ms (POST /api/v1/records:batch);"
                    + " every 500 ms one record for a new subject (POST /api/v1/records), then GET /api/v1/public/subjects/{code}"
                    + " through the gateway every 50 ms, after 4 s every 200 ms (anonymous, distinct X-Forwarded-For) until it shows the record",
                    label, seconds);
            status = "step 6: steady state";
            ExecutorService io = Executors.newVirtualThreadPerTaskExecutor();
            ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor();
            long t0 = System.nanoTime();
            try {
                timer.scheduleAtFixedRate(() -> startBatch(io), 0, 100, TimeUnit.MILLISECONDS);
                timer.scheduleAtFixedRate(() -> io.submit(this::probe), 0, 500, TimeUnit.MILLISECONDS);
                timer.scheduleAtFixedRate(() -> io.submit(this::sampleGauge), 0, 250, TimeUnit.MILLISECONDS);
                for (int s = 10; s <= seconds; s += 10) {
                    sleepUntil(t0 + Duration.ofSeconds(s).toNanos());
                    progress(s);
                }
                sleepUntil(t0 + Duration.ofSeconds(seconds).toNanos());
            } finally {
                timer.shutdownNow();   // never more load than asked for, whatever happens above
            }
            double elapsed = (System.nanoTime() - t0) / 1e9;
            status = "step 6: waiting for the last batches and probes";
            io.shutdown();
            io.awaitTermination(90, TimeUnit.SECONDS);
            report(elapsed);
        }

        void startBatch(ExecutorService io) {
            int k = batches.getAndIncrement();
            if (inFlight.get() >= 20) {
                skipped.incrementAndGet();   // the platform is not keeping up: do not pile up requests
                return;
            }
            inFlight.incrementAndGet();
            io.submit(() -> {
                try {
                    sendBatch(k);
                } finally {
                    inFlight.decrementAndGet();
                }
            });
        }

        void sendBatch(int k) {
            ThreadLocalRandom random = ThreadLocalRandom.current();
            StringBuilder body = new StringBuilder(100 * 800);
            for (int i = 0; i < 100; i++) {
                Subject s = subjects.get(random.nextInt(subjects.size()));
                body.append(penalty(s.code(), s.name(), "BENCH-" + run + "-L" + (firstProbe + k) + "-" + i, today.minusDays(1 + random.nextInt(30)), false))
                        .append('\n');
            }
            try {
                HttpResponse<String> r = post(GATEWAY + "/api/v1/records:batch", officer.get(), "application/x-ndjson", body.toString());
                if (r.statusCode() == 200 && r.body().contains("\"created\":100,")) {
                    rows.addAndGet(100);
                } else {
                    failed("batch " + k + ": " + r.statusCode() + " " + excerpt(r.body()));
                }
            } catch (Exception e) {
                failed("batch " + k + ": " + e);
            }
        }

        void failed(String what) {
            failedBatches.incrementAndGet();
            if (firstError == null) {
                firstError = what;
            }
        }

        /** With a tax officer's token: the probes are grade probes ({@link #gradeProbe}). */
        Token tax;
        final int probeOffset = ThreadLocalRandom.current().nextInt(1_000_000);

        SteadyState grades(Token taxOfficer) {
            this.tax = taxOfficer;
            return this;
        }

        /**
         * A black-list entry for one of the run's subjects (each probe another one), then the alias polled until the
         * subject's public document has grade D: the time from the push's answer until the recomputed grade is in the index,
         * where the grade filter and facet find it (the profile reads the evaluation from record-service, decision 0009). A subject already
         * at D (an earlier run probed it) is skipped and counted.
         */
        void gradeProbe() {
            int k = probes.getAndIncrement();
            Subject s = subjects.get(Math.floorMod(probeOffset + (long) k * 7919, subjects.size()));
            try {
                HttpResponse<String> before = get(GATEWAY + "/api/v1/public/subjects/" + s.code(), nextIp());
                if (before.statusCode() != 200 || before.body().contains("\"grade\":\"D\"")) {
                    skippedProbes.incrementAndGet();
                    return;
                }
                String body = "{\"category\":\"TAX_MAJOR_VIOLATION\",\"subject\":{\"identifier\":\"" + s.code() + "\",\"name\":"
                        + json(s.name()) + "},\"documentNumber\":\"BENCH-" + run + "-G" + k + "\",\"decisionDate\":\"" + today.minusDays(1)
                        + "\",\"fields\":{\"violationFacts\":\"虚开增值税专用发票\",\"taxAmount\":\"120.5\",\"authority\":\"国家税务总局柳州市税务局\"}}";
                long t = System.nanoTime();
                HttpResponse<String> r = post(GATEWAY + "/api/v1/records", tax.get(), "application/json", body);
                long acknowledged = System.nanoTime();
                pushes.add(acknowledged - t);
                if (r.statusCode() != 201) {
                    probeFailures.incrementAndGet();
                    firstError = firstError != null ? firstError : "grade probe " + k + ": " + r.statusCode() + " " + excerpt(r.body());
                    return;
                }
                // the index's grade (what the grade filter and facet use); since decision 0009 the profile shows record-service's
                // evaluation read with it, which is current at once and would not measure the recomputation in the index. Polled
                // on the alias itself with a count (what a search with grade=D finds once search-service's refresh made it
                // visible): polling full searches through the gateway at 20/s per open probe loaded the host it measures
                awaitGradeInIndex(s.code(), acknowledged);
            } catch (Exception e) {
                probeFailures.incrementAndGet();
                firstError = firstError != null ? firstError : "grade probe " + k + ": " + e;
            }
        }

        final AtomicInteger skippedProbes = new AtomicInteger();

        /** One record for a subject nobody knows yet; the time from the push's answer until the public profile shows it. */
        void probe() {
            if (tax != null) {
                gradeProbe();
                return;
            }
            int k = probes.getAndIncrement();
            String code = Uscc.of('9', '1', REGIONS[k % REGIONS.length], probeTag + String.format("%06d", k)).value();
            String body = penalty(code, CITIES[k % CITIES.length] + "市探针" + k + "商贸有限公司", "BENCH-" + run + "-P" + k,
                    today.minusDays(1), false);
            try {
                long t = System.nanoTime();
                HttpResponse<String> r = post(GATEWAY + "/api/v1/records", officer.get(), "application/json", body);
                long acknowledged = System.nanoTime();
                pushes.add(acknowledged - t);
                if (r.statusCode() != 201) {
                    probeFailures.incrementAndGet();
                    firstError = firstError != null ? firstError : "probe " + k + ": " + r.statusCode() + " " + excerpt(r.body());
                    return;
                }
                awaitInProfile(code, "\"recordId\":\"" + field(r.body(), "id") + "\"", acknowledged);
            } catch (Exception e) {
                probeFailures.incrementAndGet();
                firstError = firstError != null ? firstError : "probe " + k + ": " + e;
            }
        }

        /**
         * Polls the subject's public profile through the gateway until it contains {@code expected}: the time since the
         * push was acknowledged is a lag, or after 60 s the probe counts as not visible. Every 50 ms up to twice the
         * target, then every 200 ms: a probe that is late must not add load that makes the next ones later still (20
         * polls/s per open probe fed back into the lag).
         */
        void awaitInProfile(String code, String expected, long acknowledged) throws Exception {
            awaitIn(GATEWAY + "/api/v1/public/subjects/" + code, expected, acknowledged);
        }

        /** Polls the alias until a public document with this code has grade D, as {@link #awaitIn} polls (60 s at most). */
        void awaitGradeInIndex(String code, long acknowledged) throws Exception {
            String query = "{\"query\":{\"bool\":{\"filter\":[{\"term\":{\"code\":\"" + code + "\"}},{\"term\":{\"grade\":\"D\"}},"
                    + "{\"term\":{\"public\":true}}]}}}";
            for (long next = acknowledged; System.nanoTime() - acknowledged < 60_000_000_000L; ) {
                HttpResponse<String> r = es("POST", "/" + ALIAS + "/_count", query);
                if (r.statusCode() == 200 && r.body().contains("\"count\":1")) {
                    lags.add(System.nanoTime() - acknowledged);
                    return;
                }
                next += next - acknowledged < POLL_FINE_NANOS ? 50_000_000L : 200_000_000L;
                sleepUntil(next);
            }
            invisible.incrementAndGet();
        }

        /** The same for any anonymous GET through the gateway. */
        void awaitIn(String url, String expected, long acknowledged) throws Exception {
            for (long next = acknowledged; System.nanoTime() - acknowledged < 60_000_000_000L; ) {
                HttpResponse<String> p = get(url, nextIp());
                if (p.statusCode() == 200 && p.body().contains(expected)) {
                    lags.add(System.nanoTime() - acknowledged);
                    return;
                }
                next += next - acknowledged < POLL_FINE_NANOS ? 50_000_000L : 200_000_000L;
                sleepUntil(next);
            }
            invisible.incrementAndGet();
        }

        static final long POLL_FINE_NANOS = 4_000_000_000L;
        /** The same load before the measured steady state, not counted. */
        static final int WARM_UP_SECONDS = 30;

        void sampleGauge() {
            try {
                String text = get(SEARCH + "/actuator/prometheus", null).body();
                subjectGauge.accumulate(metric(text, "search_indexer_lag_seconds{feed=\"subject\"}"));
                recordGauge.accumulate(metric(text, "search_indexer_lag_seconds{feed=\"record\"}"));
                samples.incrementAndGet();
            } catch (Exception e) {
                // a missed sample
            }
        }

        static void sleepUntil(long nanoTime) throws InterruptedException {
            Thread.sleep(Duration.ofNanos(Math.max(0, nanoTime - System.nanoTime())));
        }

        void progress(int s) {
            status = "step 6: steady state, " + s + " s";
            long[] visible = lagArray();
            log("%ssteady %d s: %,d changes acknowledged = %,.0f changes/s, %d failed batches; %d probes visible%s; lag gauge max subject"
                    + " %.2f s, record %.2f s (load %s)", label, s, rows.get(), rows.get() / (double) s, failedBatches.get(), visible.length,
                    visible.length == 0 ? "" : String.format(", lag p50 %.0f ms, max %.0f ms", p(visible, 50), p(visible, 100)),
                    subjectGauge.get(), recordGauge.get(), load());
        }

        void report(double elapsed) {
            log(label + "STEADY LOAD %,d record changes acknowledged in %.1f s = %,.0f changes/s (%d batches of 100 due, %d failed, %d skipped"
                    + " with 20 in flight) (load %s)", rows.get(), elapsed, rows.get() / elapsed, batches.get(), failedBatches.get(),
                    skipped.get(), load());
            long[] visible = lagArray();
            if (visible.length > 0) {
                log(label + "LAG push acknowledged -> visible in the public profile through the gateway: n=%d, p50 %.0f ms, p95 %.0f ms,"
                        + " p99 %.0f ms, max %.0f ms (target p99 < 2,000 ms); probe push p50 %.0f ms (load %s)", visible.length,
                        p(visible, 50), p(visible, 95), p(visible, 99), p(visible, 100), p(pushes.stream().mapToLong(Long::longValue).toArray(), 50),
                        load());
            }
            log(label + "probes%s: %d started, %d visible, %d not visible within 60 s, %d failed pushes, %d skipped (already D)",
                    tax != null ? " (grade: push acknowledged -> grade D in the index)" : "", probes.get() - firstProbe, visible.length,
                    invisible.get(), probeFailures.get(), skippedProbes.get());
            log(label + "GAUGE search_indexer_lag_seconds max over %d samples (every 250 ms): subject %.2f s, record %.2f s", samples.get(),
                    subjectGauge.get(), recordGauge.get());
            if (firstError != null) {
                log("first error: %s", firstError);
            }
        }

        long[] lagArray() {
            synchronized (lags) {
                return lags.stream().mapToLong(Long::longValue).toArray();
            }
        }
    }

    // --- HTTP ---------------------------------------------------------------------------------------

    /** A bulk request's answer and how many attempts it took. */
    record Answer(int status, String body, int attempts) {
    }

    /**
     * A bulk upload through the gateway. The gateway's breaker for bulk routes answers 503 SERVICE_UNAVAILABLE at once
     * while open (see README); the request then never reached the service and is sent again after 5 s (imports and
     * batches are idempotent on their keys anyway, so a row stored by an earlier attempt comes back unchanged).
     */
    static Answer sendBulk(String path, String body, Token token, String what, String breaker) throws Exception {
        for (int attempt = 1; ; attempt++) {
            String why;
            try {
                HttpResponse<String> r = post(GATEWAY + path, token.get(), "application/x-ndjson", body);
                if (r.statusCode() != 503 || !r.body().contains("SERVICE_UNAVAILABLE")) {
                    return new Answer(r.statusCode(), r.body(), attempt);
                }
                why = "503 SERVICE_UNAVAILABLE";
            } catch (IOException e) {
                why = e.toString();
            }
            if (attempt == 10) {
                throw new IllegalStateException(what + ": gave up after 10 attempts: " + why);
            }
            log("%s: %s from the gateway (breaker %s: %s); again in 5 s", what, why, breaker, breakerState(breaker));
            Thread.sleep(5_000);
        }
    }

    /** The state of one of the gateway's circuit breakers, from its Prometheus endpoint. */
    static String breakerState(String name) {
        try {
            String text = get(GATEWAY_MANAGEMENT + "/actuator/prometheus", null).body();
            Matcher m = Pattern.compile("resilience4j_circuitbreaker_state\\{[^}]*name=\"" + name + "\",state=\"(\\w+)\"} 1\\.0").matcher(text);
            Matcher slow = Pattern.compile("resilience4j_circuitbreaker_slow_call_rate\\{[^}]*name=\"" + name + "\"} ([\\d.-]+)").matcher(text);
            return (m.find() ? m.group(1) : "?") + ", slow-call rate " + (slow.find() ? slow.group(1) + " %" : "?");
        } catch (Exception e) {
            return "unknown";
        }
    }

    static Map<String, Long> totals(Answer a, String what) {
        Matcher m = Pattern.compile("\"totals\":\\{([^}]*)}").matcher(a.body());
        if (a.status() != 200 || !m.find()) {
            throw new IllegalStateException(what + " failed: " + a.status() + " " + excerpt(a.body()));
        }
        Map<String, Long> out = new LinkedHashMap<>();
        Matcher kv = Pattern.compile("\"(\\w+)\":(\\d+)").matcher(m.group(1));
        while (kv.find()) {
            out.put(kv.group(1), Long.parseLong(kv.group(2)));
        }
        return out;
    }

    /** Every row must have the outcome (after a retried attempt, "unchanged" counts too: stored by the earlier one). */
    static void expectEvery(Answer a, Map<String, Long> totals, String outcome, int count, String what) {
        long ok = totals.getOrDefault(outcome, 0L) + (a.attempts() > 1 ? totals.getOrDefault("unchanged", 0L) : 0);
        if (totals.getOrDefault("rows", 0L) != count || ok != count) {
            throw new IllegalStateException(what + ": not every row " + outcome + ": " + totals + "; " + excerpt(a.body()));
        }
    }

    /** A password-grant token of the portal client, fetched again when less than a minute (or a third) of it is left. */
    static final class Token {
        final String user;
        String value;
        long renewAt;

        Token(String user) {
            this.user = user;
        }

        synchronized String get() throws Exception {
            if (value == null || System.nanoTime() > renewAt) {
                HttpResponse<String> r = send(HttpRequest.newBuilder(URI.create(KEYCLOAK + "/realms/credit/protocol/openid-connect/token"))
                        .header("Content-Type", "application/x-www-form-urlencoded").timeout(Duration.ofSeconds(30))
                        .POST(HttpRequest.BodyPublishers.ofString("grant_type=password&client_id=portal&username=" + enc(user) + "&password=demo"))
                        .build());
                Matcher m = Pattern.compile("\"access_token\":\"([^\"]+)\".*\"expires_in\":(\\d+)").matcher(r.body());
                if (r.statusCode() != 200 || !m.find()) {
                    throw new IllegalStateException("no token for " + user + ": " + r.statusCode() + " " + excerpt(r.body()));
                }
                long lifetime = Long.parseLong(m.group(2));
                value = m.group(1);
                renewAt = System.nanoTime() + Duration.ofSeconds(lifetime - Math.min(60, lifetime / 3)).toNanos();
            }
            return value;
        }
    }

    static HttpResponse<String> post(String url, String token, String type, String body) throws IOException, InterruptedException {
        return send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofMinutes(15)).header("Authorization", "Bearer " + token)
                .header("Content-Type", type).POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8)).build());
    }

    /** A GET that rides out a restart of the service behind it (no connection, 5xx) for up to 3 minutes. */
    static HttpResponse<String> patiently(String url, Token token) throws Exception {
        long deadline = System.nanoTime() + Duration.ofMinutes(3).toNanos();
        for (int attempt = 1; ; attempt++) {
            String why;
            try {
                HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(30));
                if (token != null) {
                    b.header("Authorization", "Bearer " + token.get());
                }
                HttpResponse<String> r = send(b.build());
                // search-service's health is 503 (DOWN) while its indexer is more than a while behind: the answer still
                // carries the cursors, which is what the waits read
                boolean lagging = r.statusCode() == 503 && r.body().contains("\"indexer\"");
                if (r.statusCode() < 500 || lagging || System.nanoTime() > deadline) {
                    return r;
                }
                why = "HTTP " + r.statusCode();
            } catch (IOException e) {
                if (System.nanoTime() > deadline) {
                    throw e;
                }
                why = e.toString();
            }
            if (attempt == 1) {
                log("%s: %s; trying again every second for up to 3 minutes (a service restarting?)", url, why);
            }
            Thread.sleep(1_000);
        }
    }

    static HttpResponse<String> send(HttpRequest request) throws IOException, InterruptedException {
        return HTTP.send(request, HttpResponse.BodyHandlers.ofString());
    }

    static final AtomicInteger IP = new AtomicInteger();

    /** A distinct client address per request: the gateway trusts X-Forwarded-For from loopback locally. */
    static String nextIp() {
        int ip = IP.incrementAndGet();
        return "10.77." + (ip / 250 % 250) + "." + (1 + ip % 250);
    }

    static HttpResponse<String> get(String url, String forwardedFor) throws IOException, InterruptedException {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(30));
        if (forwardedFor != null) {
            b.header("X-Forwarded-For", forwardedFor);
        }
        return HTTP.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    static HttpResponse<String> es(String method, String path, String body) throws IOException, InterruptedException {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(ES + path)).timeout(Duration.ofMinutes(10)).header("Content-Type", "application/json");
        b.method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
        return HTTP.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    static void expect(HttpResponse<String> r, int status, String what) {
        if (r.statusCode() != status) {
            throw new IllegalStateException(what + ": " + r.statusCode() + " " + excerpt(r.body()));
        }
    }

    /**
     * A two-character tag for the organisation codes (positions 9-10) that no indexed subject has with six digits
     * after it (other benchmarks use random organisation codes, so every tag exists with other characters), so that
     * every run creates new subjects.
     */
    static String unusedTag(String taken) throws Exception {
        int count = TAG_LETTERS.length() * USCC_CHARS.length();
        int start = (int) (System.currentTimeMillis() / 1000 % count);
        for (int i = 0; i < count; i++) {
            int k = (start + i) % count;
            String tag = "" + TAG_LETTERS.charAt(k / USCC_CHARS.length()) + USCC_CHARS.charAt(k % USCC_CHARS.length());
            if (tag.equals(taken)) {
                continue;
            }
            HttpResponse<String> r = es("POST", "/" + ALIAS + "/_count",
                    "{\"query\":{\"regexp\":{\"code\":{\"value\":\"9.{7}" + tag + "[0-9]{6}.{2}\",\"case_insensitive\":true}}}}");
            expect(r, 200, "count of tag " + tag);
            if (r.body().startsWith("{\"count\":0,")) {
                return tag;
            }
        }
        throw new IllegalStateException("every code tag is taken");
    }

    // --- output and small helpers -------------------------------------------------------------------

    /** Prints with the wall-clock time and the time since the start. */
    static synchronized void log(String format, Object... args) {
        long s = (System.nanoTime() - START) / 1_000_000_000L;
        System.out.printf("[%s +%d:%02d:%02d] %s%n", LocalTime.now().format(DateTimeFormatter.ofPattern("HH:mm:ss")), s / 3600, s / 60 % 60,
                s % 60, String.format(format, args));
        lastPrint = System.nanoTime();
    }

    /** Every 30 s without output: what the run is doing and where the indexer is. */
    static void startTicker() {
        Thread.ofPlatform().daemon().name("ticker").start(() -> {
            while (true) {
                try {
                    Thread.sleep(5_000);
                } catch (InterruptedException e) {
                    return;
                }
                if (System.nanoTime() - lastPrint > 30_000_000_000L) {
                    log("... %s; %s (load %s)", status, indexerPosition(), load());
                }
            }
        });
    }

    /** Step 1/2 progress: how many of how many, since when. */
    record Progress(String what, long total, long t0, AtomicLong done) {
        Progress(String what, long total) {
            this(what, total, System.nanoTime(), new AtomicLong());
        }

        long add(long n) {
            long now = done.addAndGet(n);
            status = String.format("%,d of %,d %s", now, total, what);
            return now;
        }

        double seconds() {
            return (System.nanoTime() - t0) / 1e9;
        }
    }

    static void report(String what, long[] nanos) {
        log("%s n=%d p50 %.1f ms, p95 %.1f ms, p99 %.1f ms (load %s)", what, nanos.length, p(nanos, 50), p(nanos, 95), p(nanos, 99), load());
    }

    static double p(long[] nanos, int percentile) {
        long[] s = nanos.clone();
        Arrays.sort(s);
        return s[Math.min(s.length - 1, (int) Math.ceil(percentile / 100.0 * s.length) - 1)] / 1e6;
    }

    /** A counter or gauge of a Prometheus text (0 when absent). */
    static double metric(String text, String name) {
        for (String line : text.split("\n")) {
            if (line.startsWith(name + " ")) {
                return Double.parseDouble(line.substring(name.length() + 1).trim());
            }
        }
        return 0;
    }

    /** A top-level-looking JSON field's value (string without quotes, number, or null). */
    static String field(String json, String name) {
        Matcher m = Pattern.compile("\"" + name + "\":(?:\"([^\"]*)\"|([^,}\\]]*))").matcher(json);
        if (!m.find()) {
            return null;
        }
        return m.group(1) != null ? m.group(1) : "null".equals(m.group(2)) ? null : m.group(2);
    }

    /** An ISO instant, or decimal epoch seconds (Jackson's timestamp form). */
    static Instant instant(String value) {
        if (value.matches("[\\d.]+")) {
            return Instant.ofEpochMilli((long) (Double.parseDouble(value) * 1000));
        }
        return Instant.parse(value);
    }

    /** The number after a {@code --name=} argument, or the default. */
    static int option(String[] args, String prefix, int otherwise) {
        return Arrays.stream(args).filter(a -> a.startsWith(prefix)).map(a -> Integer.parseInt(a.substring(prefix.length())))
                .findFirst().orElse(otherwise);
    }

    static int arg(List<String> args, int i, int otherwise) {
        return args.size() > i ? Integer.parseInt(args.get(i)) : otherwise;
    }

    static String excerpt(String s) {
        return s.substring(0, Math.min(500, s.length()));
    }

    static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    static String json(String s) {
        return "\"" + s.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }

    static String load() {
        try {
            return Files.readString(Path.of("/proc/loadavg")).split(" ")[0];
        } catch (IOException e) {
            return "?";
        }
    }

    static String psql(String... args) throws Exception {
        List<String> cmd = new ArrayList<>(List.of("/usr/bin/psql", "-q", "-v", "ON_ERROR_STOP=1", PSQL_URL));
        cmd.addAll(List.of(args));
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (p.waitFor() != 0) {
            throw new IllegalStateException("psql failed: " + out);
        }
        return out;
    }
}
