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
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.publiccredit.commons.id.Uscc;

/**
 * search-service benchmark (see README.md), in one run:
 * <ol>
 * <li>bulk-loads N synthetic organisations (default 1,000,000) with the real mapping
 * ({@code search-service/src/main/resources/elasticsearch/subjects-index.json}) into a separate index
 * {@code bench-subjects-<run>}, reporting subjects/s;</li>
 * <li>attaches that index to the read alias {@code subjects} for the duration of the run (read-only: the indexer only
 * writes to {@code subjects-v*} indices), so the public search reaches the rows without any new parameter;</li>
 * <li>times the same name-fragment searches through the gateway, directly at search-service and as the equivalent raw
 * Elasticsearch request (p50/p95/p99, one client, sequential);</li>
 * <li>loads the same rows into PostgreSQL ({@code bench.bench_subject}, pg_trgm GIN index) and times the same
 * fragments as {@code LIKE '%…%'} with a total and the top 20 by similarity;</li>
 * <li>detaches and deletes the benchmark index (also when a step fails).</li>
 * </ol>
 *
 * <pre>java -Xmx1g -cp commons/target/classes bench/search/BenchSearch.java [N] [queries]</pre>
 */
public class BenchSearch {

    static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    static final String GATEWAY = System.getenv().getOrDefault("GATEWAY", "http://localhost:8080");
    static final String SEARCH = System.getenv().getOrDefault("SEARCH_SERVICE", "http://127.0.0.1:8083");
    static final String ES = System.getenv().getOrDefault("ELASTICSEARCH", "http://127.0.0.1:9200");
    static final String ALIAS = System.getenv().getOrDefault("SEARCH_ALIAS", "subjects");
    static final String PSQL_URL = "postgresql://bench:bench@127.0.0.1:15432/bench";

    static final String[] CITIES = {"柳州", "梧州", "南宁", "桂林", "北海", "玉林", "百色", "钦州"};
    static final String[] REGIONS = {"450202", "450403", "450102", "450302", "450502", "450902", "451002", "450702"};
    static final String BRAND = "华盛鑫源泰丰恒达宏远金顺兴隆德信安康永利新宇嘉禾瑞福天成万通伟业明辉昌盛博腾锦程";
    static final String[] TRADES = {"商贸", "建筑工程", "科技", "物流", "餐饮管理", "农业开发", "机械设备", "医药", "文化传媒", "房地产开发"};
    static final String[] FORMS = {"有限公司", "有限责任公司", "股份有限公司", "合作社"};

    public static void main(String[] args) throws Exception {
        int n = args.length > 0 ? Integer.parseInt(args[0]) : 1_000_000;
        int queries = args.length > 1 ? Integer.parseInt(args[1]) : 300;
        String run = Long.toString(System.currentTimeMillis(), 36);
        String index = "bench-subjects-" + run;
        System.out.printf("machine: nproc %d, JDK %s, %s%n", Runtime.getRuntime().availableProcessors(),
                System.getProperty("java.version"), Instant.now());
        Path tsv = Files.createTempFile("bench-subjects", ".tsv");
        boolean attached = false;
        try {
            // 1. the index, with the service's own mapping; no refresh while loading
            String mapping = Files.readString(Path.of("search-service/src/main/resources/elasticsearch/subjects-index.json"));
            expect(es("PUT", "/" + index, mapping), 200, "create index");
            expect(es("PUT", "/" + index + "/_settings", "{\"index\":{\"refresh_interval\":\"-1\"}}"), 200, "settings");
            long t0 = System.nanoTime();
            load(index, n, tsv);
            expect(es("PUT", "/" + index + "/_settings", "{\"index\":{\"refresh_interval\":\"1s\"}}"), 200, "settings");
            expect(es("POST", "/" + index + "/_refresh", ""), 200, "refresh");
            double seconds = (System.nanoTime() - t0) / 1e9;
            System.out.printf("LOAD %,d subjects in %.1f s = %,.0f subjects/s (bulk of 5,000, 2 senders, refresh off; load %s)%n",
                    n, seconds, n / seconds, load());
            expect(es("POST", "/" + index + "/_forcemerge?max_num_segments=1", ""), 200, "forcemerge");

            // 2. readable through the public alias for the run
            expect(es("POST", "/_aliases", "{\"actions\":[{\"add\":{\"index\":\"" + index + "\",\"alias\":\"" + ALIAS + "\"}}]}"),
                    200, "alias");
            attached = true;

            List<String> fragments = fragments();
            // 3. the same fragments three ways
            long[] raw = time(queries, fragments, q -> es("POST", "/" + ALIAS + "/_search", rawQuery(q)));
            long[] direct = time(queries, fragments, q -> get(SEARCH + "/api/v1/search?q=" + enc(q), null));
            long[] gateway = time(queries, fragments, q -> get(GATEWAY + "/api/v1/search?q=" + enc(q), nextIp()));
            // a second round in the other order, so that warming does not favour one
            long[] gateway2 = time(queries, fragments, q -> get(GATEWAY + "/api/v1/search?q=" + enc(q), nextIp()));
            long[] direct2 = time(queries, fragments, q -> get(SEARCH + "/api/v1/search?q=" + enc(q), null));
            long[] raw2 = time(queries, fragments, q -> es("POST", "/" + ALIAS + "/_search", rawQuery(q)));
            report("ES raw      ", concat(raw, raw2));
            report("search-svc  ", concat(direct, direct2));
            report("gateway     ", concat(gateway, gateway2));
            System.out.printf("ratios p50: gateway/direct %.2f, direct/raw %.2f (load %s)%n",
                    p(concat(gateway, gateway2), 50) / p(concat(direct, direct2), 50),
                    p(concat(direct, direct2), 50) / p(concat(raw, raw2), 50), load());

            // 4. PostgreSQL with pg_trgm on the same rows
            psql("-c", "CREATE EXTENSION IF NOT EXISTS pg_trgm; DROP TABLE IF EXISTS bench_subject;"
                    + " CREATE TABLE bench_subject (code text PRIMARY KEY, name text NOT NULL, region text, subject_id uuid)");
            long c0 = System.nanoTime();
            psql("-c", "\\copy bench_subject (code, name, region, subject_id) FROM '" + tsv + "'");
            psql("-c", "CREATE INDEX bench_subject_name_trgm ON bench_subject USING gin (name gin_trgm_ops); ANALYZE bench_subject");
            System.out.printf("PG load + trigram index: %.1f s%n", (System.nanoTime() - c0) / 1e9);
            long[] pg = pgTimes(queries * 2, fragments);
            report("PG pg_trgm  ", pg);
            System.out.printf("p95 PG / ES raw = %.1f (load %s)%n", p(pg, 95) / p(concat(raw, raw2), 95), load());
        } finally {
            if (attached) {
                es("POST", "/_aliases", "{\"actions\":[{\"remove\":{\"index\":\"" + index + "\",\"alias\":\"" + ALIAS + "\"}}]}");
            }
            es("DELETE", "/" + index, null);
            Files.deleteIfExists(tsv);
            System.out.println("benchmark index detached and deleted: " + index);
        }
    }

    /** Synthetic organisations: city + two brand characters (+ one more for a third) + trade + legal form. */
    static void load(String index, int n, Path tsv) throws Exception {
        Random random = new Random(42);
        int batch = 5_000;
        StringBuilder table = new StringBuilder();
        try (ExecutorService senders = Executors.newFixedThreadPool(2); var out = Files.newBufferedWriter(tsv)) {
            List<Future<?>> pending = new ArrayList<>();
            for (int from = 0; from < n; from += batch) {
                StringBuilder bulk = new StringBuilder(batch * 400);
                for (int i = from; i < Math.min(n, from + batch); i++) {
                    int city = random.nextInt(CITIES.length);
                    String code = Uscc.of('9', '1', REGIONS[city], String.format("BK%06d", i)).value();
                    StringBuilder name = new StringBuilder(CITIES[city]).append("市");
                    for (int k = 0; k < 2 + random.nextInt(2); k++) {
                        name.append(BRAND.charAt(random.nextInt(BRAND.length())));
                    }
                    name.append(TRADES[random.nextInt(TRADES.length)]).append(FORMS[random.nextInt(FORMS.length)]);
                    String id = UUID.nameUUIDFromBytes(code.getBytes(StandardCharsets.UTF_8)).toString();
                    bulk.append("{\"index\":{\"_id\":\"").append(id).append("\"}}\n{\"subjectId\":\"").append(id)
                            .append("\",\"kind\":\"USCC\",\"public\":true,\"code\":\"").append(code).append("\",\"name\":\"")
                            .append(name).append("\",\"formerNames\":[],\"type\":\"ENTERPRISE\",\"region\":\"").append(REGIONS[city])
                            .append("\",\"status\":\"ACTIVE\",\"verified\":true,\"lists\":[],\"categories\":[],\"counts\":{},")
                            .append("\"redList\":[],\"blackList\":[],\"latestPenalties\":[],\"disputed\":[],\"indexedAt\":\"")
                            .append(Instant.now()).append("\"}\n");
                    table.append(code).append('\t').append(name).append('\t').append(REGIONS[city]).append('\t').append(id).append('\n');
                }
                out.write(table.toString());
                table.setLength(0);
                String body = bulk.toString();
                pending.add(senders.submit(() -> {
                    HttpResponse<String> r = es("POST", "/" + index + "/_bulk", body, "application/x-ndjson");
                    if (r.statusCode() != 200 || r.body().startsWith("{\"errors\":true")) {
                        throw new IllegalStateException("bulk failed: " + r.statusCode() + " " + r.body().substring(0, 300));
                    }
                    return null;
                }));
                while (pending.size() > 4) {
                    pending.removeFirst().get();
                }
            }
            for (Future<?> f : pending) {
                f.get();
            }
        }
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

    /** What search-service sends for a text-only query (query.SubjectQueries.search), page 0, size 20. */
    static String rawQuery(String q) {
        String t = json(q);
        String lower = json(q.toLowerCase(java.util.Locale.ROOT));
        return "{\"from\":0,\"size\":20,\"track_total_hits\":true,"
                + "\"query\":{\"bool\":{\"must\":[{\"dis_max\":{\"tie_breaker\":0.0,\"queries\":["
                + "{\"constant_score\":{\"filter\":{\"term\":{\"name.keyword\":{\"value\":" + lower + "}}},\"boost\":5000.0}},"
                + "{\"constant_score\":{\"filter\":{\"term\":{\"formerNames.keyword\":{\"value\":" + lower + "}}},\"boost\":2000.0}},"
                + "{\"match\":{\"name\":{\"query\":" + t + ",\"operator\":\"and\"}}},"
                + "{\"match\":{\"formerNames\":{\"query\":" + t + ",\"operator\":\"and\",\"boost\":0.5}}}]}}],"
                + "\"filter\":[{\"term\":{\"public\":{\"value\":true}}}]}},"
                + "\"sort\":[{\"_score\":{\"order\":\"desc\"}},{\"subjectId\":{\"order\":\"asc\"}}],"
                + "\"_source\":{\"excludes\":[\"subjectSeq\",\"recordSeq\",\"summaryValidUntil\"]},"
                + "\"highlight\":{\"encoder\":\"html\",\"pre_tags\":[\"<em>\"],\"post_tags\":[\"</em>\"],"
                + "\"fields\":{\"name\":{\"number_of_fragments\":0},\"formerNames\":{\"number_of_fragments\":0}}},"
                + "\"aggregations\":{\"region\":{\"terms\":{\"field\":\"region\",\"size\":30}},"
                + "\"type\":{\"terms\":{\"field\":\"type\",\"size\":10}},\"list\":{\"terms\":{\"field\":\"lists\",\"size\":2}},"
                + "\"category\":{\"terms\":{\"field\":\"categories\",\"size\":30}}}}";
    }

    interface Call {
        HttpResponse<String> run(String q) throws Exception;
    }

    static long[] time(int count, List<String> fragments, Call call) throws Exception {
        for (int i = 0; i < 30; i++) {
            expect(call.run(fragments.get(i % fragments.size())), 200, "warm-up");
        }
        long[] out = new long[count];
        for (int i = 0; i < count; i++) {
            String q = fragments.get(i % fragments.size());
            long t = System.nanoTime();
            HttpResponse<String> r = call.run(q);
            out[i] = System.nanoTime() - t;
            expect(r, 200, "search " + q);
        }
        return out;
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

    static int ip;

    /** A distinct client address per request: the gateway trusts X-Forwarded-For from loopback locally. */
    static String nextIp() {
        ip++;
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
        return es(method, path, body, "application/json");
    }

    static HttpResponse<String> es(String method, String path, String body, String type) throws IOException, InterruptedException {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(ES + path)).timeout(Duration.ofMinutes(10)).header("Content-Type", type);
        b.method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
        return HTTP.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    static void expect(HttpResponse<String> r, int status, String what) {
        if (r.statusCode() != status) {
            throw new IllegalStateException(what + ": " + r.statusCode() + " " + r.body().substring(0, Math.min(300, r.body().length())));
        }
    }

    static void report(String what, long[] nanos) {
        System.out.printf("%s n=%d p50 %.1f ms, p95 %.1f ms, p99 %.1f ms (load %s)%n", what, nanos.length, p(nanos, 50), p(nanos, 95),
                p(nanos, 99), load());
    }

    static long[] concat(long[] a, long[] b) {
        long[] out = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }

    static double p(long[] nanos, int percentile) {
        long[] s = nanos.clone();
        Arrays.sort(s);
        return s[Math.min(s.length - 1, (int) Math.ceil(percentile / 100.0 * s.length) - 1)] / 1e6;
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
