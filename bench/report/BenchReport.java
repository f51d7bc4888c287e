import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.publiccredit.commons.id.Uscc;

/**
 * Credit reports through the gateway (bench/report/README.md): a fresh subject with N records (pushed as one NDJSON
 * batch by officer-market), then sequential reports (p50/p95/max, public edition anonymous and full edition as
 * reviewer1), then C reports at once (statuses, no 5xx). JDK and commons only.
 *
 *   java -cp commons/target/classes bench/report/BenchReport.java [records=500] [sequential=30] [concurrent=20]
 */
public class BenchReport {

    static final String GATEWAY = System.getProperty("gateway", "http://localhost:8080");
    static final String KEYCLOAK = System.getProperty("keycloak", "http://localhost:8180");
    static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    public static void main(String[] args) throws Exception {
        int records = args.length > 0 ? Integer.parseInt(args[0]) : 500;
        int sequential = args.length > 1 ? Integer.parseInt(args[1]) : 30;
        int concurrent = args.length > 2 ? Integer.parseInt(args[2]) : 20;
        String officer = token("grant_type=password&client_id=portal&username=officer-market&password=demo");
        String reviewer = token("grant_type=password&client_id=portal&username=reviewer1&password=demo");

        String subject = Uscc.of('9', '1', "450202", digits(8)).value();
        String authority = Uscc.of('1', '1', "450200", digits(8)).value();
        StringBuilder ndjson = new StringBuilder();
        for (int i = 0; i < records; i++) {
            LocalDate decided = LocalDate.now().minusDays(1 + i % 700);
            ndjson.append("{\"category\":\"ADM_PENALTY\",\"subject\":{\"identifier\":\"").append(subject)
                    .append("\",\"name\":\"柳州报告压测有限公司\"},\"documentNumber\":\"柳市监罚〔").append(decided.getYear()).append("〕")
                    .append(digits(10)).append("号\",\"decisionDate\":\"").append(decided).append("\",\"fields\":{")
                    .append("\"violationType\":\"其他\",\"violationFacts\":\"未按规定公示年度报告，经责令限期改正逾期仍未改正，违反《企业信息公示暂行条例》第八条\",")
                    .append("\"penaltyBasis\":\"《企业信息公示暂行条例》第十条\",\"penaltyCategory\":\"罚款\",\"penaltyContent\":\"罚款人民币一万元\",")
                    .append("\"fineAmount\":\"1.0\",\"penaltyValidUntil\":\"").append(decided.plusMonths(6)).append("\",")
                    .append("\"authority\":\"柳州市市场监督管理局\",\"authorityUscc\":\"").append(authority).append("\",")
                    .append("\"dataSource\":\"柳州市市场监督管理局\",\"dataSourceUscc\":\"").append(authority).append("\"}}\n");
        }
        long t0 = System.nanoTime();
        HttpResponse<String> batch = HTTP.send(HttpRequest.newBuilder(URI.create(GATEWAY + "/api/v1/records:batch"))
                .header("Authorization", "Bearer " + officer).header("Content-Type", "application/x-ndjson")
                .POST(HttpRequest.BodyPublishers.ofString(ndjson.toString())).timeout(Duration.ofMinutes(5)).build(),
                HttpResponse.BodyHandlers.ofString());
        System.out.printf("pushed %d records for %s: HTTP %d in %d ms%n", records, subject, batch.statusCode(), (System.nanoTime() - t0) / 1_000_000);

        for (int i = 0; i < 3; i++) {
            report(subject, "public", null);
        }
        System.out.println(load() + " sequential, public edition, anonymous:");
        summary(sequence(subject, "public", null, sequential));
        System.out.println(load() + " sequential, full edition, reviewer1:");
        summary(sequence(subject, "full", reviewer, sequential));

        System.out.println(load() + " " + concurrent + " at once (public, anonymous), twice:");
        for (int round = 0; round < 2; round++) {
            ExecutorService pool = Executors.newFixedThreadPool(concurrent);
            List<Future<long[]>> all = new ArrayList<>();
            Instant start = Instant.now();
            for (int i = 0; i < concurrent; i++) {
                all.add(pool.submit(() -> report(subject, "public", null)));
            }
            Map<Integer, Integer> statuses = new TreeMap<>();
            List<Long> times = new ArrayList<>();
            for (Future<long[]> f : all) {
                long[] r = f.get();
                statuses.merge((int) r[0], 1, Integer::sum);
                times.add(r[1]);
            }
            pool.shutdown();
            Collections.sort(times);
            System.out.printf("  round %d: statuses %s, all done in %d ms, fastest %d ms, slowest %d ms, 5xx: %d%n", round + 1, statuses,
                    Duration.between(start, Instant.now()).toMillis(), times.getFirst(), times.getLast(),
                    statuses.entrySet().stream().filter(e -> e.getKey() >= 500).mapToInt(Map.Entry::getValue).sum());
        }
        System.out.println(load());
    }

    static List<long[]> sequence(String subject, String edition, String token, int n) throws Exception {
        List<long[]> out = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            out.add(report(subject, edition, token));
        }
        return out;
    }

    /** {status, ms, bytes}. */
    static long[] report(String subject, String edition, String token) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(GATEWAY + "/api/v1/reports")).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"subject\":\"" + subject + "\",\"edition\":\"" + edition + "\"}"))
                .timeout(Duration.ofSeconds(60));
        if (token != null) {
            b.header("Authorization", "Bearer " + token);
        }
        long t = System.nanoTime();
        HttpResponse<byte[]> r = HTTP.send(b.build(), HttpResponse.BodyHandlers.ofByteArray());
        return new long[] {r.statusCode(), (System.nanoTime() - t) / 1_000_000, r.body().length};
    }

    static void summary(List<long[]> runs) {
        List<Long> ms = runs.stream().map(r -> r[1]).sorted().toList();
        Map<Long, Integer> statuses = new TreeMap<>();
        runs.forEach(r -> statuses.merge(r[0], 1, Integer::sum));
        System.out.printf("  n=%d statuses %s, p50 %d ms, p95 %d ms, max %d ms, PDF %d KB%n", ms.size(), statuses,
                ms.get(ms.size() / 2), ms.get((int) Math.ceil(ms.size() * 0.95) - 1), ms.getLast(), runs.getLast()[2] / 1024);
    }

    static String load() throws Exception {
        return "[load " + java.nio.file.Files.readString(java.nio.file.Path.of("/proc/loadavg")).split(" ")[0] + "]";
    }

    static String digits(int n) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < n; i++) {
            sb.append(ThreadLocalRandom.current().nextInt(10));
        }
        return sb.toString();
    }

    static String token(String form) throws Exception {
        HttpResponse<String> r = HTTP.send(HttpRequest.newBuilder(URI.create(KEYCLOAK + "/realms/credit/protocol/openid-connect/token"))
                .header("Content-Type", "application/x-www-form-urlencoded").POST(HttpRequest.BodyPublishers.ofString(form)).build(),
                HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        Matcher m = Pattern.compile("\"access_token\":\"([^\"]+)\"").matcher(r.body());
        if (!m.find()) {
            throw new IllegalStateException("no token: " + r.body());
        }
        return m.group(1);
    }
}
