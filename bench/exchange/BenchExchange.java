import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Exchange feed throughput to one client (issue 25, see README.md): partner-bank mirrors the feed from seq 0 (or a given
 * seq) through the gateway, one page after the other as a client does (limit 5000), NDJSON or JSON, then the same
 * directly on record-service for the gateway's share. Prints changes/s, feed rows/s, MB/s and the page latencies.
 *
 * <pre>java bench/exchange/BenchExchange.java [after] [passes] [ndjson|json]</pre>
 */
public class BenchExchange {

    static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    static final String GATEWAY = System.getenv().getOrDefault("GATEWAY", "http://localhost:8080");
    static final String KEYCLOAK = System.getenv().getOrDefault("KEYCLOAK", "http://localhost:8180");
    static final String RECORD = System.getenv().getOrDefault("RECORD_SERVICE", "http://127.0.0.1:8082");
    static final Pattern LAST = Pattern.compile("\"lastSeq\":(\\d+)");
    static final Pattern MORE = Pattern.compile("\"hasMore\":(true|false)");
    static final Pattern CHANGE = Pattern.compile("\\{\"seq\":");

    public static void main(String[] args) throws Exception {
        long from = args.length > 0 ? Long.parseLong(args[0]) : 0;
        int passes = args.length > 1 ? Integer.parseInt(args[1]) : 3;
        boolean ndjson = args.length <= 2 || !args[2].equals("json");
        System.out.printf("machine: nproc %d, JDK %s, %s, load %s; %s pages of 5000 from seq %d%n",
                Runtime.getRuntime().availableProcessors(), System.getProperty("java.version"), java.time.Instant.now(), load(),
                ndjson ? "NDJSON" : "JSON", from);
        String token = token();
        for (String base : List.of(GATEWAY, RECORD)) {
            for (int pass = 1; pass <= passes; pass++) {
                run(base, token, from, ndjson, pass);
            }
        }
    }

    static void run(String base, String token, long from, boolean ndjson, int pass) throws Exception {
        long after = from;
        long changes = 0;
        long bytes = 0;
        int pages = 0;
        List<Long> latencies = new ArrayList<>();
        long t0 = System.nanoTime();
        while (true) {
            long s = System.nanoTime();
            HttpResponse<byte[]> r = HTTP.send(HttpRequest.newBuilder(URI.create(base + "/api/v1/exchange/changes?limit=5000&after=" + after))
                    .header("Authorization", "Bearer " + token).header("Accept", ndjson ? "application/x-ndjson" : "application/json")
                    .timeout(Duration.ofSeconds(60)).GET().build(), HttpResponse.BodyHandlers.ofByteArray());
            latencies.add(System.nanoTime() - s);
            if (r.statusCode() != 200) {
                throw new IllegalStateException(r.statusCode() + " " + new String(r.body(), StandardCharsets.UTF_8));
            }
            String body = new String(r.body(), StandardCharsets.UTF_8);
            bytes += r.body().length;
            pages++;
            Matcher c = CHANGE.matcher(body);
            while (c.find()) {
                changes++;
            }
            // the cursor: the NDJSON's last line, or the JSON page's fields after its changes
            String tail = body.substring(Math.max(0, body.lastIndexOf(ndjson ? "{\"lastSeq\"" : "\"lastSeq\"")));
            Matcher last = LAST.matcher(tail);
            Matcher more = MORE.matcher(tail);
            if (!last.find() || !more.find()) {
                throw new IllegalStateException("no cursor in " + tail);
            }
            after = Long.parseLong(last.group(1));
            if (more.group(1).equals("false")) {
                break;
            }
        }
        double seconds = (System.nanoTime() - t0) / 1e9;
        Collections.sort(latencies);
        System.out.printf("%s pass %d: %,d changes of %,d feed rows in %d pages, %.1f s: %,.0f changes/s, %,.0f rows/s, %.1f MB/s; "
                        + "page p50 %d ms, p99 %d ms; load %s%n", base.equals(GATEWAY) ? "gateway" : "record-service", pass, changes,
                after - from, pages, seconds, changes / seconds, (after - from) / seconds, bytes / seconds / 1e6,
                latencies.get(latencies.size() / 2) / 1_000_000, latencies.get(Math.min(latencies.size() - 1, latencies.size() * 99 / 100)) / 1_000_000,
                load());
    }

    static String token() throws Exception {
        HttpResponse<String> r = HTTP.send(HttpRequest.newBuilder(URI.create(KEYCLOAK + "/realms/credit/protocol/openid-connect/token"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("grant_type=client_credentials&client_id=partner-bank&client_secret=partner-bank-local-secret"))
                .build(), HttpResponse.BodyHandlers.ofString());
        Matcher m = Pattern.compile("\"access_token\":\"([^\"]+)\"").matcher(r.body());
        if (!m.find()) {
            throw new IllegalStateException("no token: " + r.body());
        }
        return m.group(1);
    }

    static String load() {
        try {
            return Files.readString(Path.of("/proc/loadavg")).split(" ")[0];
        } catch (Exception e) {
            return "?";
        }
    }
}
