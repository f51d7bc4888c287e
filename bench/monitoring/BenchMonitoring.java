import com.sun.net.httpserver.HttpServer;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Webhook delivery latency (issue 25, see README.md): partner-bank watches N fresh organisations and receives their events at
 * a local receiver; officer-tax pushes black-list entries for random watched subjects at a steady rate through the gateway;
 * the receiver measures now − occurredAt (the change's commit-side timestamp, change_log.changed_at) of each NEW_LIST_ENTRY,
 * checks every signature and counts duplicates.
 *
 * <pre>java bench/monitoring/BenchMonitoring.java [subjects] [changes-per-second] [seconds]</pre>
 */
public class BenchMonitoring {

    static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    static final String GATEWAY = System.getenv().getOrDefault("GATEWAY", "http://localhost:8080");
    static final String KEYCLOAK = System.getenv().getOrDefault("KEYCLOAK", "http://localhost:8180");
    static final String CHARS = "0123456789ABCDEFGHJKLMNPQRTUWXY";
    static final int[] USCC_W = {1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28};
    static final int[] ORG_W = {3, 7, 9, 10, 5, 8, 4, 2};

    static final Map<String, Instant> received = new ConcurrentHashMap<>();
    /** (occurredAt, latency ms) of each NEW_LIST_ENTRY: the tail by when in the run the change was made. */
    static final List<long[]> timeline = Collections.synchronizedList(new ArrayList<>());
    static final List<Long> latencies = Collections.synchronizedList(new ArrayList<>());
    static final AtomicInteger requests = new AtomicInteger();
    static final AtomicInteger duplicates = new AtomicInteger();
    static final AtomicInteger badSignatures = new AtomicInteger();
    static final AtomicInteger grades = new AtomicInteger();
    static volatile String secret;

    public static void main(String[] args) throws Exception {
        int status = 1;
        try {
            run(args);
            status = 0;
        } finally {
            System.exit(status); // the receiver's threads would keep the JVM alive after a failure
        }
    }

    static void run(String[] args) throws Exception {
        int subjectCount = args.length > 0 ? Integer.parseInt(args[0]) : 10_000;
        int rate = args.length > 1 ? Integer.parseInt(args[1]) : 1000;
        int seconds = args.length > 2 ? Integer.parseInt(args[2]) : 60;
        boolean settle = !java.util.Arrays.asList(args).contains("--no-settle");
        String run = Long.toString(System.currentTimeMillis() % 100_000_000L, 36).toUpperCase();
        System.out.printf("machine: nproc %d, JDK %s, %s, load %s; %,d subjects, %,d changes/s for %d s (run %s)%n",
                Runtime.getRuntime().availableProcessors(), System.getProperty("java.version"), Instant.now(), load(), subjectCount, rate,
                seconds, run);
        String bank = token("grant_type=client_credentials&client_id=partner-bank&client_secret=partner-bank-local-secret");
        String market = token("grant_type=password&client_id=portal&username=officer-market&password=demo");
        Random random = new Random(run.hashCode());

        // 1. fresh organisations, registered by one ordinary penalty each
        List<String> subjects = new ArrayList<>();
        for (int i = 0; i < subjectCount; i++) {
            subjects.add(uscc("91", "450202", String.format("%08d", random.nextInt(100_000_000))));
        }
        String authority = uscc("11", "450200", "MB000001".replace("MB", "77"));
        long t0 = System.nanoTime();
        for (int from = 0; from < subjects.size(); from += 5000) {
            StringBuilder nd = new StringBuilder();
            for (String s : subjects.subList(from, Math.min(subjects.size(), from + 5000))) {
                nd.append("{\"category\":\"ADM_PENALTY\",\"subject\":{\"identifier\":\"").append(s).append("\",\"name\":\"监测企业")
                        .append(s, 14, 18).append("\"},\"documentNumber\":\"MON-").append(run).append('-').append(s)
                        .append("\",\"decisionDate\":\"").append(LocalDate.now().minusDays(40)).append("\",\"fields\":{\"violationType\":\"其他\","
                                + "\"violationFacts\":\"未按规定履行法定义务\",\"penaltyBasis\":\"《行政处罚法》\",\"penaltyCategory\":\"罚款\","
                                + "\"penaltyContent\":\"罚款人民币5000元\",\"fineAmount\":\"0.5\",\"penaltyValidUntil\":\"")
                        .append(LocalDate.now().plusMonths(6)).append("\",\"authority\":\"柳州市市场监督管理局\",\"authorityUscc\":\"").append(authority)
                        .append("\",\"dataSource\":\"柳州市市场监督管理局\",\"dataSourceUscc\":\"").append(authority).append("\"}}\n");
            }
            String report = send("POST", "/api/v1/records:batch", market, "application/x-ndjson", nd.toString(), 200);
            Matcher totals = Pattern.compile("\"totals\":(\\{[^}]*})").matcher(report);
            System.out.printf("registration batch: %s%n", totals.find() ? totals.group(1) : report.substring(0, Math.min(300, report.length())));
        }
        System.out.printf("registered %,d subjects in %.1f s%n", subjects.size(), (System.nanoTime() - t0) / 1e9);

        // partner-bank's list starts empty (what an earlier run left is taken off)
        while (true) {
            String page = send("GET", "/api/v1/monitoring/watchlist?size=1000", bank, "application/json", "", 200);
            List<String> left = new ArrayList<>();
            Matcher m = Pattern.compile("\"code\":\"([0-9A-Z]{18})\"").matcher(page);
            while (m.find()) {
                left.add(m.group(1));
            }
            if (left.isEmpty()) {
                break;
            }
            send("POST", "/api/v1/monitoring/watchlist:remove", bank, "application/json", "{\"subjects\":[\"" + String.join("\",\"", left) + "\"]}", 200);
        }

        // 2. the receiver, the webhook and the watch list
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 200);
        server.createContext("/hook", exchange -> {
            Instant now = Instant.now();
            byte[] body;
            try (InputStream in = exchange.getRequestBody()) {
                body = in.readAllBytes();
            }
            // acknowledge first and check afterwards, as a webhook receiver should: the platform's deliveries in flight
            // are bounded, so a receiver that works before answering slows every other delivery
            String signature = exchange.getRequestHeaders().getFirst("X-Credit-Signature");
            String id = exchange.getRequestHeaders().getFirst("X-Credit-Event-Id");
            exchange.sendResponseHeaders(204, -1);
            exchange.close();
            String json = new String(body, StandardCharsets.UTF_8);
            if (id != null && id.startsWith(WARM_UP_ID)) {
                // the receiver's own warm-up (below): the same checks, counted apart
                if (!verify(signature, body, secret) || occurredAt(json) == null) {
                    warmUpBad.incrementAndGet();
                }
                return;
            }
            requests.incrementAndGet();
            if (!verify(signature, body, secret)) {
                badSignatures.incrementAndGet();
            }
            if (received.putIfAbsent(id, now) != null) {
                duplicates.incrementAndGet();
            } else if (json.contains("\"type\":\"NEW_LIST_ENTRY\"")) {
                Instant occurred = occurredAt(json);
                if (occurred != null) {
                    long ms = Duration.between(occurred, now).toMillis();
                    latencies.add(ms);
                    timeline.add(new long[] {occurred.toEpochMilli(), ms});
                }
            } else if (json.contains("\"type\":\"GRADE_CHANGED\"")) {
                grades.incrementAndGet();
            }
        });
        server.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
        server.start();
        String url = "http://127.0.0.1:" + server.getAddress().getPort() + "/hook";
        String set = send("PUT", "/api/v1/monitoring/webhook", bank, "application/json", "{\"url\":\"" + url + "\"}", 200);
        Matcher s = Pattern.compile("\"secret\":\"([^\"]+)\"").matcher(set);
        s.find();
        secret = s.group(1);
        warmUp(url);
        t0 = System.nanoTime();
        String watched = send("PUT", "/api/v1/monitoring/watchlist", bank, "application/json",
                "{\"subjects\":[\"" + String.join("\",\"", subjects) + "\"]}", 200);
        System.out.printf("watch list: %s in %.1f s%n", watched.substring(0, Math.min(120, watched.length())), (System.nanoTime() - t0) / 1e9);

        // the registration's own aftermath (search indexing 10,000 new subjects and their first records) is not the load
        // the target names: wait until it is indexed and the host is quiet (settle), as BenchSearch settles before its
        // steady state (--no-settle: push at once, the protocol of the runs before 2026-12-07 14:00)
        if (settle) {
            settle(subjects.getLast());
        }

        // 3. the steady load: every 100 ms a batch of rate/10 black-list entries (officer-tax), for `seconds`
        String tax = token("grant_type=password&client_id=portal&username=officer-tax&password=demo");
        int perBatch = Math.max(1, rate / 10);
        int batches = seconds * 10;
        AtomicInteger pushed = new AtomicInteger();
        AtomicInteger failedBatches = new AtomicInteger();
        ExecutorService pushers = Executors.newVirtualThreadPerTaskExecutor();
        long start = System.nanoTime();
        long startMillis = System.currentTimeMillis();
        List<java.util.concurrent.Future<?>> futures = new ArrayList<>();
        for (int b = 0; b < batches; b++) {
            long due = start + b * 100_000_000L;
            long wait = due - System.nanoTime();
            if (wait > 0) {
                Thread.sleep(wait / 1_000_000, (int) (wait % 1_000_000));
            }
            StringBuilder nd = new StringBuilder();
            for (int i = 0; i < perBatch; i++) {
                String subject = subjects.get(random.nextInt(subjects.size()));
                nd.append("{\"category\":\"TAX_MAJOR_VIOLATION\",\"subject\":{\"identifier\":\"").append(subject)
                        .append("\",\"name\":\"监测企业").append(subject, 14, 18).append("\"},\"documentNumber\":\"MONBL-").append(run).append('-')
                        .append(b).append('-').append(i).append("\",\"decisionDate\":\"").append(LocalDate.now().minusDays(3))
                        .append("\",\"fields\":{\"violationFacts\":\"虚开增值税专用发票\",\"taxAmount\":\"120.5\",\"authority\":\"国家税务总局柳州市税务局\"}}\n");
            }
            String body = nd.toString();
            futures.add(pushers.submit(() -> {
                try {
                    send("POST", "/api/v1/records:batch", tax, "application/x-ndjson", body, 200);
                    pushed.addAndGet(perBatch);
                } catch (Exception e) {
                    failedBatches.incrementAndGet();
                    System.out.println("batch refused: " + e.getMessage().substring(0, Math.min(160, e.getMessage().length())));
                }
                return null;
            }));
        }
        for (var f : futures) {
            f.get();
        }
        double pushSeconds = (System.nanoTime() - start) / 1e9;
        System.out.printf("pushed %,d black-list entries in %.1f s = %,.0f changes/s, %d batches refused (load %s)%n", pushed.get(),
                pushSeconds, pushed.get() / pushSeconds, failedBatches.get(), load());
        // 4. the stragglers
        long end = System.nanoTime() + 60_000_000_000L;
        while (latencies.size() < pushed.get() && System.nanoTime() < end) {
            Thread.sleep(200);
        }
        List<Long> sorted = new ArrayList<>(latencies);
        Collections.sort(sorted);
        System.out.printf("RESULT NEW_LIST_ENTRY events %,d of %,d pushed; latency p50 %d / p95 %d / p99 %d / max %d ms; requests %,d, "
                        + "duplicates %d, bad signatures %d, GRADE_CHANGED %,d; load %s%n", sorted.size(), pushed.get(), pct(sorted, 50),
                pct(sorted, 95), pct(sorted, 99), sorted.isEmpty() ? -1 : sorted.getLast(), requests.get(), duplicates.get(),
                badSignatures.get(), grades.get(), load());
        // where in the run the tail is: p50 / p99 of the changes made in each 10 s of the load
        StringBuilder windows = new StringBuilder("by 10 s of the load (change made at), p50/p99 ms:");
        for (int w = 0; w * 10 < seconds; w++) {
            long from = startMillis + w * 10_000L;
            List<Long> in = new ArrayList<>();
            synchronized (timeline) {
                timeline.stream().filter(t -> t[0] >= from && t[0] < from + 10_000).forEach(t -> in.add(t[1]));
            }
            Collections.sort(in);
            windows.append(String.format(" %d-%ds %d/%d", w * 10, w * 10 + 10, pct(in, 50), pct(in, 99)));
        }
        System.out.println(windows);
        // 5. leave partner-bank's list as it was
        send("POST", "/api/v1/monitoring/watchlist:remove", bank, "application/json",
                "{\"subjects\":[\"" + String.join("\",\"", subjects) + "\"]}", 200);
        server.stop(0);
        pushers.shutdown();
    }

    static long pct(List<Long> sorted, int p) {
        return sorted.isEmpty() ? -1 : sorted.get(Math.min(sorted.size() - 1, sorted.size() * p / 100));
    }

    static String uscc(String prefix, String region, String orgBody) {
        int sum = 0;
        for (int i = 0; i < 8; i++) {
            char c = orgBody.charAt(i);
            sum += (Character.isDigit(c) ? c - '0' : c - 'A' + 10) * ORG_W[i];
        }
        int check = 11 - sum % 11;
        String org = orgBody + (check == 10 ? "X" : check == 11 ? "0" : Integer.toString(check));
        String body = prefix + region + org;
        int total = 0;
        for (int i = 0; i < 17; i++) {
            total += CHARS.indexOf(body.charAt(i)) * USCC_W[i];
        }
        int c = 31 - total % 31;
        return body + CHARS.charAt(c == 31 ? 0 : c);
    }

    /** The event ids of the receiver's warm-up requests (never an id the platform sends: those are UUIDs). */
    static final String WARM_UP_ID = "warm-up-";
    static final int WARM_UP_REQUESTS = 20_000;
    static final AtomicInteger warmUpBad = new AtomicInteger();

    /**
     * A partner's receiver is a server that has been running for a while, not a JVM started a second before the load:
     * started cold, this JVM compiled its receiver and its HTTP client during the load's first 10 s and took half a
     * core doing so (2026-12-07, /proc CPU over the first 12 s of a run: 0.53 cores, 0.16 afterwards), on the two cores
     * the platform delivers on. So the receiver first answers {@link #WARM_UP_REQUESTS} signed requests of this JVM's
     * own (64 at a time, event ids {@link #WARM_UP_ID}…, checked like the platform's and counted apart), before
     * anything is watched.
     */
    static void warmUp(String url) throws Exception {
        long started = System.nanoTime();
        java.util.concurrent.Semaphore slots = new java.util.concurrent.Semaphore(64);
        for (int i = 0; i < WARM_UP_REQUESTS; i++) {
            byte[] body = ("{\"eventId\":\"" + WARM_UP_ID + i + "\",\"type\":\"NEW_LIST_ENTRY\",\"occurredAt\":\"" + Instant.now()
                    + "\",\"subject\":{\"code\":\"warm-up\"}}").getBytes(StandardCharsets.UTF_8);
            long t = Instant.now().getEpochSecond();
            slots.acquire();
            HTTP.sendAsync(HttpRequest.newBuilder(URI.create(url)).header("Content-Type", "application/json")
                            .header("X-Credit-Signature", "t=" + t + ",v1=" + hmacHex(secret, t, body))
                            .header("X-Credit-Event-Id", WARM_UP_ID + i).POST(HttpRequest.BodyPublishers.ofByteArray(body)).build(),
                    HttpResponse.BodyHandlers.discarding()).whenComplete((r, e) -> {
                        if (e != null || r.statusCode() != 204) {
                            warmUpBad.incrementAndGet();
                        }
                        slots.release();
                    });
        }
        slots.acquire(64);
        System.out.printf("receiver warmed up: %,d signed requests of its own in %.1f s, %d not answered or not verified%n",
                WARM_UP_REQUESTS, (System.nanoTime() - started) / 1e9, warmUpBad.get());
    }

    /** An event's {@code occurredAt}, or null. */
    static Instant occurredAt(String json) {
        Matcher m = OCCURRED_AT.matcher(json);
        return m.find() ? Instant.parse(m.group(1)) : null;
    }

    static final Pattern OCCURRED_AT = Pattern.compile("\"occurredAt\":\"([^\"]+)\"");

    /** HMAC-SHA256 of {@code t + "." + body}, lower-case hex: what {@code v1} carries (docs/contracts.md). */
    static String hmacHex(String secret, long t, byte[] body) throws Exception {
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        mac.update((t + ".").getBytes(StandardCharsets.UTF_8));
        return HexFormat.of().formatHex(mac.doFinal(body));
    }

    static boolean verify(String header, byte[] body, String secret) {
        try {
            String t = null;
            List<String> v1 = new ArrayList<>();
            for (String part : header.split(",")) {
                String[] kv = part.split("=", 2);
                if (kv[0].equals("t")) {
                    t = kv[1];
                } else if (kv[0].equals("v1")) {
                    v1.add(kv[1]);
                }
            }
            byte[] expected = hmacHex(secret, Long.parseLong(t), body).getBytes(StandardCharsets.UTF_8);
            return Math.abs(Instant.now().getEpochSecond() - Long.parseLong(t)) <= 300
                    && v1.stream().anyMatch(x -> MessageDigest.isEqual(expected, x.getBytes(StandardCharsets.UTF_8)));
        } catch (Exception e) {
            return false;
        }
    }

    static String send(String method, String path, String token, String type, String body, int expected) throws Exception {
        HttpResponse<String> r = HTTP.send(HttpRequest.newBuilder(URI.create(GATEWAY + path)).timeout(Duration.ofMinutes(5))
                .header("Authorization", "Bearer " + token).header("Content-Type", type)
                .method(method, method.equals("GET") ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8)).build(), HttpResponse.BodyHandlers.ofString());
        if (r.statusCode() != expected) {
            throw new IllegalStateException(method + " " + path + ": " + r.statusCode() + " " + r.body().substring(0, Math.min(500, r.body().length())));
        }
        return r.body();
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

    /**
     * Waits until search-service has indexed the registration (the last registered subject is found by its code, and the
     * indexer is at both feeds' heads) and the host is quiet (under 50 % of its CPU busy over 2 s: the 1-minute load
     * average lags, and after a quiet minute it let runs start while the 10,000 new subjects were still being indexed).
     */
    static void settle(String lastSubject) throws Exception {
        long t0 = System.nanoTime();
        Pattern feed = Pattern.compile("\"cursor\":(\\d+),\"head\":(\\d+)");
        while (System.nanoTime() - t0 < Duration.ofSeconds(180).toNanos()) {
            String health = HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:8083/actuator/health")).timeout(Duration.ofSeconds(5))
                    .build(), HttpResponse.BodyHandlers.ofString()).body();
            Matcher m = feed.matcher(health);
            boolean atHeads = false;
            boolean behind = false;
            while (m.find()) {
                atHeads = true;
                behind |= !m.group(1).equals(m.group(2));
            }
            String found = HTTP.send(HttpRequest.newBuilder(URI.create(GATEWAY + "/api/v1/search?q=" + lastSubject)).timeout(Duration.ofSeconds(5))
                    .build(), HttpResponse.BodyHandlers.ofString()).body();
            double busy = busy();
            if (atHeads && !behind && found.contains(lastSubject) && busy < 0.5) {
                System.out.printf("settled in %.1f s: the registration indexed, search indexer at both feeds' heads, CPU %.0f %% busy, load %s%n",
                        (System.nanoTime() - t0) / 1e9, busy * 100, load());
                return;
            }
            Thread.sleep(1000);
        }
        System.out.printf("not settled after 180 s (load %s); measuring anyway%n", load());
    }

    /** The share of the host's CPU time busy over the next 2 s (/proc/stat). */
    static double busy() throws Exception {
        long[] a = cpu();
        Thread.sleep(2000);
        long[] b = cpu();
        return (double) ((b[0] - a[0]) - (b[1] - a[1])) / Math.max(1, b[0] - a[0]);
    }

    /** {total, idle + iowait} jiffies of all CPUs. */
    static long[] cpu() throws Exception {
        String[] f = Files.readAllLines(Path.of("/proc/stat")).getFirst().trim().split("\\s+");
        long total = 0;
        for (int i = 1; i < f.length; i++) {
            total += Long.parseLong(f[i]);
        }
        return new long[] {total, Long.parseLong(f[4]) + Long.parseLong(f[5])};
    }

    static String load() {
        try {
            return Files.readString(Path.of("/proc/loadavg")).split(" ")[0];
        } catch (Exception e) {
            return "?";
        }
    }
}
