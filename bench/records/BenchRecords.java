import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.publiccredit.commons.id.Uscc;

/**
 * record-service benchmarks through the gateway (see README.md): batch ingestion of N fresh penalties (default
 * 200,000) in 100,000-row NDJSON batches, compared with a plain PostgreSQL COPY of the same rows; credit checks of 100
 * subjects, cold and warm cache, p50/p99; single-subject check throughput.
 *
 * <pre>java -cp commons/target/classes bench/records/BenchRecords.java [rows]</pre>
 */
public class BenchRecords {

    static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    static final String GATEWAY = System.getenv().getOrDefault("GATEWAY", "http://localhost:8080");
    static final String KEYCLOAK = System.getenv().getOrDefault("KEYCLOAK", "http://localhost:8180");
    static final String RECORD = System.getenv().getOrDefault("RECORD_SERVICE", "http://127.0.0.1:8082");

    public static void main(String[] args) throws Exception {
        int rows = args.length > 0 ? Integer.parseInt(args[0]) : 200_000;
        int subjectCount = args.length > 1 ? Integer.parseInt(args[1]) : 5_000;
        long budget = Duration.ofSeconds(args.length > 2 ? Long.parseLong(args[2]) : 300).toNanos();
        long indexerWait = Duration.ofSeconds(args.length > 3 ? Long.parseLong(args[3]) : 300).toNanos();
        int warmUpRows = Arrays.stream(args).filter(a -> a.startsWith("--warm-up=")).map(a -> Integer.parseInt(a.substring(10)))
                .findFirst().orElse(WARM_UP_ROWS);
        String run = Long.toString(System.currentTimeMillis(), 36);
        Random random = new Random(7);
        List<String> subjects = new ArrayList<>();
        System.out.printf("machine: nproc %d, JDK %s, %s, load %s%n", Runtime.getRuntime().availableProcessors(),
                System.getProperty("java.version"), java.time.Instant.now(), load());
        for (int i = 0; i < subjectCount; i++) {
            subjects.add(Uscc.of('9', '1', i % 2 == 0 ? "450202" : "450403", String.format("BM%06d", i)).value());
        }
        String authority = Uscc.of('1', '1', "450200", "MB000001").value();
        String officer = token("grant_type=password&client_id=portal&username=officer-market&password=demo");
        StringBuilder csv = new StringBuilder();
        Path file = Files.createTempFile("bench-records", ".tsv");
        var tsv = Files.newBufferedWriter(file);
        if (warmUpRows > 0) {
            warmUp(officer, warmUpRows, run, authority, indexerWait);
        }
        java.util.Map<String, Double> cpu0 = cpuByProcess();
        long t0 = System.nanoTime();
        double docs0 = metric("search_indexer_documents_total{feed=\"record\"}");
        double changes0 = metric("search_indexer_changes_total{feed=\"record\"}");
        int sent = 0;
        while (sent < rows && System.nanoTime() - t0 < budget) {
            int n = Math.min(100_000, rows - sent);
            java.util.Map<String, Double> cpuBatch = cpuByProcess();
            double waited = metric(RECORD, "record_ingest_chunk_wait_seconds_sum");
            String totals = batch(officer, subjects, "BENCH-" + run + "-", sent, n, authority, random, csv);
            tsv.write(csv.toString());
            csv.setLength(0);
            sent += n;
            // a batch reads, resolves and stores chunks at once: how long the resolved chunks waited for a writer
            System.out.printf("batch %s (%.0f s, load %s; waited for writers %.1f s; CPU-s %s)%n", totals,
                    (System.nanoTime() - t0) / 1e9, load(), metric(RECORD, "record_ingest_chunk_wait_seconds_sum") - waited,
                    cpuSince(cpuBatch));
        }
        double ingestSeconds = (System.nanoTime() - t0) / 1e9;
        rows = sent;
        System.out.printf("INGEST %,d rows in %.1f s = %,.0f rows/s (load %s)%n", rows, ingestSeconds, rows / ingestSeconds, load());
        System.out.println("CPU during the batches (s): " + cpuSince(cpu0));
        java.util.Map<String, Double> cpu1 = cpuByProcess();
        // the search indexer follows the record feed meanwhile: how long until it is at the head again
        double behind = indexerAtHead(indexerWait);
        double total = (System.nanoTime() - t0) / 1e9;
        double docs = metric("search_indexer_documents_total{feed=\"record\"}") - docs0;
        double changes = metric("search_indexer_changes_total{feed=\"record\"}") - changes0;
        System.out.printf("INDEXER at the record feed's head %.1f s after the last batch; meanwhile %,.0f changes -> %,.0f subject"
                + " documents in %.0f s = %,.0f changes/s, %,.0f documents/s (load %s)%n", behind, changes, docs, total,
                changes / total, docs / total, load());
        System.out.println("CPU during the indexer's catch-up (s): " + cpuSince(cpu1));

        tsv.close();
        String sql = "DROP TABLE IF EXISTS bench_record; CREATE TABLE bench_record (id bigserial primary key, department text, category text,"
                + " document_number text, subject_code text, decision_date date, fields jsonb, UNIQUE (department, category, document_number));"
                + "CREATE INDEX ON bench_record (subject_code);";
        psql("-c", sql);
        long c0 = System.nanoTime();
        psql("-c", "\\copy bench_record (department, category, document_number, subject_code, decision_date, fields) FROM '" + file + "'");
        double copySeconds = (System.nanoTime() - c0) / 1e9;
        System.out.printf("COPY %,d rows in %.1f s = %,.0f rows/s; ingestion / COPY = %.2f (load %s)%n", rows, copySeconds, rows / copySeconds,
                (rows / ingestSeconds) / (rows / copySeconds), load());
        double fullSeconds = copyFullShape(file);
        Files.delete(file);
        System.out.printf("COPY into credit_record's shape %,d rows in %.1f s = %,.0f rows/s; ingestion / COPY = %.2f (load %s)%n", rows,
                fullSeconds, rows / fullSeconds, (rows / ingestSeconds) / (rows / fullSeconds), load());

        String partner = token("grant_type=client_credentials&client_id=partner-bank&client_secret=partner-bank-local-secret");
        List<String> hundred = subjects.subList(0, 100);
        long[] cold = new long[30];
        long[] warm = new long[200];
        for (int i = 0; i < cold.length; i++) {
            // cold: 100 subjects never checked before in this run (fresh set each time)
            cold[i] = check(GATEWAY, partner, subjects.subList(100 + i * 100, 200 + i * 100));
        }
        check(GATEWAY, partner, hundred);
        for (int i = 0; i < warm.length; i++) {
            warm[i] = check(GATEWAY, partner, hundred);
            Thread.sleep(5);   // stay under the partner rate limit (200/s)
        }
        System.out.printf("CHECK100 cold p50 %.1f ms p99 %.1f ms; warm p50 %.1f ms p99 %.1f ms (through the gateway, load %s)%n",
                p(cold, 50), p(cold, 99), p(warm, 50), p(warm, 99), load());

        AtomicLong done = new AtomicLong();
        long end = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        List<Thread> threads = new ArrayList<>();
        for (int t = 0; t < 8; t++) {
            int offset = t;
            threads.add(Thread.startVirtualThread(() -> {
                int i = offset;
                while (System.nanoTime() < end) {
                    try {
                        check(RECORD, partner, List.of(subjects.get(i++ % 1000)));
                        done.incrementAndGet();
                    } catch (Exception e) {
                        throw new IllegalStateException(e);
                    }
                }
            }));
        }
        for (Thread t : threads) {
            t.join();
        }
        System.out.printf("CHECK1 %,.0f checks/s (8 concurrent callers, record-service directly, warm cache, load %s)%n",
                done.get() / 10.0, load());
    }

    static long check(String base, String token, List<String> codes) throws IOException, InterruptedException {
        String body = "{\"scenario\":\"GOV_PROCUREMENT\",\"purpose\":\"benchmark\",\"subjects\":[\"" + String.join("\",\"", codes) + "\"]}";
        long t = System.nanoTime();
        HttpResponse<String> r = HTTP.send(HttpRequest.newBuilder(URI.create(base + "/api/v1/checks")).header("Authorization", "Bearer " + token)
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
        if (r.statusCode() != 201) {
            throw new IllegalStateException("check failed: " + r.statusCode() + " " + r.body());
        }
        return System.nanoTime() - t;
    }

    static String load() {
        try {
            return Files.readString(Path.of("/proc/loadavg")).split(" ")[0];
        } catch (IOException e) {
            return "?";
        }
    }

    static String get(String url) {
        try {
            return HTTP.send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(5)).build(),
                    HttpResponse.BodyHandlers.ofString()).body();
        } catch (Exception e) {
            return "";
        }
    }

    /** A counter of search-service's Prometheus endpoint (0 when absent). */
    static double metric(String name) {
        return metric("http://127.0.0.1:8083", name);
    }

    /** A value of a service's Prometheus endpoint ({@code base}: the service's own address), 0 when absent. */
    static double metric(String base, String name) {
        for (String line : get(base + "/actuator/prometheus").split("\n")) {
            if (line.startsWith(name + " ")) {
                return Double.parseDouble(line.substring(name.length() + 1).trim());
            }
        }
        return 0;
    }

    /** A platform service's jar in a command line (the stack runs copies from .platform/jars/). */
    static final Pattern PLATFORM_JAR = Pattern.compile("jars/(\\w+)\\.jar");

    /**
     * CPU seconds (user + system) used so far by each process of the host, grouped: the platform's jars by name,
     * postgres, elasticsearch, keycloak, this benchmark, other. Processes that ended are not counted.
     */
    static java.util.Map<String, Double> cpuByProcess() {
        java.util.Map<String, Double> out = new java.util.TreeMap<>();
        try (var dirs = Files.list(Path.of("/proc"))) {
            for (Path d : dirs.filter(x -> x.getFileName().toString().chars().allMatch(Character::isDigit)).toList()) {
                try {
                    String cmd = new String(Files.readAllBytes(d.resolve("cmdline")), StandardCharsets.UTF_8).replace('\0', ' ');
                    String stat = Files.readString(d.resolve("stat"));
                    String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
                    double seconds = (Long.parseLong(f[11]) + Long.parseLong(f[12])) / 100.0;
                    Matcher jar = PLATFORM_JAR.matcher(cmd);
                    String group = jar.find() ? jar.group(1) : cmd.contains("BenchRecords") ? "bench" : cmd.startsWith("postgres")
                            || cmd.contains("/postgres") ? "postgres" : cmd.contains("elasticsearch") ? "elasticsearch"
                            : cmd.contains("keycloak") ? "keycloak" : "other";
                    out.merge(group, seconds, Double::sum);
                } catch (IOException | RuntimeException e) {
                    // the process ended meanwhile
                }
            }
        } catch (IOException e) {
            // no /proc: nothing to tell
        }
        return out;
    }

    static String cpuSince(java.util.Map<String, Double> before) {
        StringBuilder s = new StringBuilder();
        double total = 0;
        for (var e : cpuByProcess().entrySet()) {
            double d = e.getValue() - before.getOrDefault(e.getKey(), 0.0);
            if (d >= 0.5) {
                s.append(String.format("%s %.0f, ", e.getKey(), d));
            }
            total += Math.max(0, d);
        }
        return s.append(String.format("total %.0f", total)).toString();
    }

    static double p(long[] nanos, int percentile) {
        long[] s = nanos.clone();
        Arrays.sort(s);
        return s[Math.min(s.length - 1, (int) Math.ceil(percentile / 100.0 * s.length) - 1)] / 1e6;
    }

    static void psql(String... args) throws Exception {
        List<String> cmd = new ArrayList<>(List.of("/usr/bin/psql", "-q", "-v", "ON_ERROR_STOP=1", "postgresql://bench:bench@127.0.0.1:15432/bench"));
        cmd.addAll(List.of(args));
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes());
        if (p.waitFor() != 0) {
            throw new IllegalStateException("psql failed: " + out);
        }
    }

    /**
     * The second yardstick: COPY of the same rows into a table of {@code credit_record}'s shape (its 21 columns and five
     * indexes, as migrations V2-V11 leave them), each row with what record-service stores beside the pushed values (a
     * time-ordered id, the subject's id, name, type and region, a SHA-256 content hash, state, version, timestamps, the
     * publication date and timeliness). The narrow table of the first COPY ({@code bench_record}: six columns, three
     * indexes) is the yardstick of the runs before 2026-12-08. The file is expanded before the clock starts. Returns the
     * seconds of the COPY.
     */
    static double copyFullShape(Path narrow) throws Exception {
        Path full = Files.createTempFile("bench-records-full", ".tsv");
        java.security.MessageDigest sha = java.security.MessageDigest.getInstance("SHA-256");
        String now = java.time.OffsetDateTime.now(java.time.ZoneOffset.UTC).toString();
        String today = LocalDate.now(org.publiccredit.commons.calendar.PlatformZone.ZONE).toString();
        Random random = new Random(5);
        long millis = System.currentTimeMillis();
        try (var in = Files.newBufferedReader(narrow); var out = Files.newBufferedWriter(full)) {
            int n = 0;
            for (String line; (line = in.readLine()) != null; n++) {
                // department, category, document number, subject code, decision date, fields
                String[] c = line.split("\t", 6);
                String code = c[3];
                java.util.UUID id = new java.util.UUID(((millis + n / 4096) << 16) | 0x7000 | (n & 0xfff),
                        (random.nextLong() & 0x3fffffffffffffffL) | 0x8000000000000000L);
                String hash = java.util.HexFormat.of().formatHex(sha.digest((c[2] + c[5]).getBytes(StandardCharsets.UTF_8)));
                out.write(String.join("\t", id.toString(), java.util.UUID.nameUUIDFromBytes(code.getBytes(StandardCharsets.UTF_8)).toString(),
                        "USCC", code, "企业" + code.substring(14, 18), "ENTERPRISE", code.substring(2, 8), c[0], c[1], c[2], c[4], c[5], hash,
                        "ACTIVE", "1", "\\N", now, now, today, "t", "\\N"));
                out.write('\n');
            }
        }
        psql("-c", "DROP TABLE IF EXISTS bench_record_full; CREATE TABLE bench_record_full (id UUID PRIMARY KEY, subject_id UUID NOT NULL,"
                + " subject_kind TEXT NOT NULL, subject_code TEXT NOT NULL, subject_name TEXT NOT NULL, subject_type TEXT, subject_region TEXT,"
                + " department TEXT NOT NULL, category TEXT NOT NULL, document_number TEXT NOT NULL, decision_date DATE NOT NULL,"
                + " fields JSONB NOT NULL, content_hash TEXT NOT NULL, state TEXT NOT NULL, version INT NOT NULL, state_note TEXT,"
                + " created_at TIMESTAMPTZ NOT NULL DEFAULT now(), updated_at TIMESTAMPTZ NOT NULL DEFAULT now(), published_on DATE NOT NULL,"
                + " timely BOOLEAN NOT NULL, name_on_decision TEXT, UNIQUE (department, category, document_number));"
                + " CREATE INDEX ON bench_record_full (subject_id); CREATE INDEX ON bench_record_full (subject_code);"
                + " CREATE INDEX ON bench_record_full (published_on) INCLUDE (category, department, timely);");
        long c0 = System.nanoTime();
        psql("-c", "\\copy bench_record_full FROM '" + full + "'");
        double seconds = (System.nanoTime() - c0) / 1e9;
        Files.delete(full);
        return seconds;
    }

    /** Rows of the warm-up ({@code --warm-up=N}; 0: none, the protocol of the runs before 2026-12-07 19:45). */
    static final int WARM_UP_ROWS = 100_000;

    /**
     * Before the timed batches, {@code rows} penalties over 5,000 subjects of their own (codes {@code 9145020[2|3]BW…}, so
     * that the timed batches still meet their subjects for the first time), then a wait until search-service's indexer is
     * at the record feed's head again. The services of a freshly started stack compile their ingestion path during the
     * first batches (2026-12-07: the first 100,000-row batch of a run took 23 s, the later ones 9-15 s); a platform that
     * takes records every day does so warm, and COPY, the yardstick, has no JIT to warm.
     */
    static void warmUp(String officer, int rows, String run, String authority, long indexerWait) throws Exception {
        List<String> own = new ArrayList<>();
        for (int i = 0; i < 5_000; i++) {
            own.add(Uscc.of('9', '1', i % 2 == 0 ? "450202" : "450403", String.format("BW%06d", i)).value());
        }
        Random random = new Random(11);
        long w0 = System.nanoTime();
        for (int sent = 0; sent < rows; sent += 100_000) {
            String totals = batch(officer, own, "BENCH-" + run + "-W", sent, Math.min(100_000, rows - sent), authority, random, null);
            System.out.printf("warm-up batch %s (%.0f s, load %s)%n", totals, (System.nanoTime() - w0) / 1e9, load());
        }
        System.out.printf("WARM-UP %,d rows in %.1f s; the indexer at the record feed's head %.1f s later (load %s)%n", rows,
                (System.nanoTime() - w0) / 1e9, indexerAtHead(indexerWait), load());
    }

    /**
     * One batch of {@code n} fresh penalties of random subjects through the gateway (document numbers {@code prefix +
     * from…}); their rows for COPY go to {@code csv} unless it is null. Returns the answer's totals.
     */
    static String batch(String officer, List<String> subjects, String prefix, int from, int n, String authority, Random random,
            StringBuilder csv) throws Exception {
        StringBuilder nd = new StringBuilder(n * 700);
        for (int i = 0; i < n; i++) {
            String subject = subjects.get(random.nextInt(subjects.size()));
            String doc = prefix + (from + i);
            LocalDate decided = LocalDate.of(2026, 1, 1).plusDays(random.nextInt(300));
            String fields = "{\"violationType\":\"其他\",\"violationFacts\":\"未按规定履行法定义务\",\"penaltyBasis\":\"《行政处罚法》\","
                    + "\"penaltyCategory\":\"罚款\",\"penaltyContent\":\"罚款人民币5000元\",\"fineAmount\":\"0.5\",\"penaltyValidUntil\":\"2027-01-01\","
                    + "\"authority\":\"柳州市市场监督管理局\",\"authorityUscc\":\"" + authority + "\",\"dataSource\":\"柳州市市场监督管理局\","
                    + "\"dataSourceUscc\":\"" + authority + "\"}";
            nd.append("{\"category\":\"ADM_PENALTY\",\"subject\":{\"identifier\":\"").append(subject).append("\",\"name\":\"企业")
                    .append(subject, 14, 18).append("\"},\"documentNumber\":\"").append(doc).append("\",\"decisionDate\":\"")
                    .append(decided).append("\",\"fields\":").append(fields).append("}\n");
            if (csv != null) {
                csv.append("market\tADM_PENALTY\t").append(doc).append('\t').append(subject).append('\t').append(decided).append('\t')
                        .append(fields.replace("\\", "\\\\")).append('\n');
            }
        }
        HttpResponse<String> r = HTTP.send(HttpRequest.newBuilder(URI.create(GATEWAY + "/api/v1/records:batch"))
                .timeout(Duration.ofMinutes(10)).header("Authorization", "Bearer " + officer).header("Content-Type", "application/x-ndjson")
                .POST(HttpRequest.BodyPublishers.ofString(nd.toString(), StandardCharsets.UTF_8)).build(), HttpResponse.BodyHandlers.ofString());
        Matcher totals = Pattern.compile("\"totals\":(\\{[^}]*})").matcher(r.body());
        if (r.statusCode() != 200 || !totals.find()) {
            throw new IllegalStateException("batch failed: " + r.statusCode() + " " + r.body().substring(0, Math.min(500, r.body().length())));
        }
        return totals.group(1);
    }

    /** Seconds until search-service's indexer is at the record feed's head (at most {@code maxNanos}). */
    static double indexerAtHead(long maxNanos) throws Exception {
        long i0 = System.nanoTime();
        while (System.nanoTime() - i0 < maxNanos) {
            String health = get("http://127.0.0.1:8083/actuator/health");
            Matcher feed = Pattern.compile("\"record\":\\{\"cursor\":(\\d+),\"head\":(\\d+)").matcher(health);
            if (feed.find() && feed.group(1).equals(feed.group(2))) {
                break;
            }
            Thread.sleep(250);
        }
        return (System.nanoTime() - i0) / 1e9;
    }

    static String token(String form) throws Exception {
        HttpResponse<String> r = HTTP.send(HttpRequest.newBuilder(URI.create(KEYCLOAK + "/realms/credit/protocol/openid-connect/token"))
                .header("Content-Type", "application/x-www-form-urlencoded").POST(HttpRequest.BodyPublishers.ofString(form)).build(),
                HttpResponse.BodyHandlers.ofString());
        Matcher m = Pattern.compile("\"access_token\":\"([^\"]+)\"").matcher(r.body());
        if (!m.find()) {
            throw new IllegalStateException("no token: " + r.body());
        }
        return m.group(1);
    }
}
