import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.publiccredit.commons.id.Regions;
import org.publiccredit.commons.id.Uscc;

/**
 * Imports N generated, valid subjects through the gateway in one streamed NDJSON request and prints rows/s; then
 * imports the same file again (every row unchanged) and prints that rate too.
 *
 * <pre>java -cp commons/target/classes bench/subject-import/ImportBench.java [rows=100000] [seed=random]</pre>
 * Environment: GATEWAY (http://localhost:8080), KEYCLOAK (http://localhost:8180), BENCH_USER (officer-market).
 */
public class ImportBench {

    private static final String CHARS = "0123456789ABCDEFGHJKLMNPQRTUWXY";
    private static final String[] WORDS = {"鸿运", "宏达", "金桥", "华信", "盛世", "联合", "新程", "瑞丰", "东方", "恒通", "嘉禾", "兴业"};
    private static final String[] TRADES = {"机械", "贸易", "建筑", "食品", "科技", "物流", "餐饮", "电子"};

    public static void main(String[] args) throws Exception {
        int rows = args.length > 0 ? Integer.parseInt(args[0]) : 100_000;
        long seed = args.length > 1 ? Long.parseLong(args[1]) : System.nanoTime();
        String gateway = System.getenv().getOrDefault("GATEWAY", "http://localhost:8080");
        String keycloak = System.getenv().getOrDefault("KEYCLOAK", "http://localhost:8180");
        String user = System.getenv().getOrDefault("BENCH_USER", "officer-market");

        byte[] body = generate(rows, new Random(seed));
        System.out.printf("generated %,d rows (%,d bytes, seed %d)%n", rows, body.length, seed);
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
        String token = token(http, keycloak, user);
        for (String pass : List.of("first import (all new)", "second import (all unchanged)")) {
            long t0 = System.nanoTime();
            HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(gateway + "/api/v1/subjects:import"))
                    .timeout(Duration.ofMinutes(10)).header("Authorization", "Bearer " + token)
                    .header("Content-Type", "application/x-ndjson").POST(HttpRequest.BodyPublishers.ofByteArray(body)).build(),
                    HttpResponse.BodyHandlers.ofString());
            double seconds = (System.nanoTime() - t0) / 1e9;
            String answer = r.body();
            Matcher totals = Pattern.compile("\"totals\":\\{[^}]*}").matcher(answer);
            System.out.printf("%s: HTTP %d in %.2f s = %,.0f rows/s; %s%n", pass, r.statusCode(), seconds, rows / seconds,
                    totals.find() ? totals.group() : answer.substring(0, Math.min(400, answer.length())));
        }
    }

    static byte[] generate(int rows, Random random) {
        List<String> counties = new java.util.ArrayList<>(Regions.countiesOf("4502"));
        counties.addAll(Regions.countiesOf("4504"));
        ByteArrayOutputStream out = new ByteArrayOutputStream(rows * 220);
        StringBuilder line = new StringBuilder(256);
        for (int i = 0; i < rows; i++) {
            String region = counties.get(random.nextInt(counties.size()));
            char category = random.nextInt(10) == 0 ? '2' : '1';
            StringBuilder org = new StringBuilder(8);
            for (int k = 0; k < 8; k++) {
                org.append(CHARS.charAt(random.nextInt(CHARS.length())));
            }
            Uscc code = Uscc.of('9', category, region, org.toString());
            String city = region.startsWith("4502") ? "柳州市" : "梧州市";
            String name = city + WORDS[random.nextInt(WORDS.length)] + WORDS[random.nextInt(WORDS.length)]
                    + TRADES[random.nextInt(TRADES.length)] + (category == '2' ? "店" + i : "有限公司" + i);
            line.setLength(0);
            line.append("{\"code\":\"").append(code.value()).append("\",\"name\":\"").append(name)
                    .append("\",\"registrationStatus\":\"ACTIVE\",\"industry\":\"").append("CFGEHI".charAt(random.nextInt(6)))
                    .append("\",\"registrationDate\":\"20").append(10 + random.nextInt(15)).append("-0").append(1 + random.nextInt(9))
                    .append("-1").append(random.nextInt(10)).append("\",\"legalRepresentative\":\"王").append(i % 97)
                    .append("\",\"address\":\"").append(city).append("某路").append(i).append("号\"}\n");
            out.writeBytes(line.toString().getBytes(StandardCharsets.UTF_8));
        }
        return out.toByteArray();
    }

    static String token(HttpClient http, String keycloak, String user) throws Exception {
        String form = "grant_type=password&client_id=portal&username=" + URLEncoder.encode(user, StandardCharsets.UTF_8) + "&password=demo";
        HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(keycloak + "/realms/credit/protocol/openid-connect/token"))
                .header("Content-Type", "application/x-www-form-urlencoded").POST(HttpRequest.BodyPublishers.ofString(form)).build(),
                HttpResponse.BodyHandlers.ofString());
        Matcher m = Pattern.compile("\"access_token\":\"([^\"]+)\"").matcher(r.body());
        if (r.statusCode() != 200 || !m.find()) {
            throw new IllegalStateException("no token for " + user + ": HTTP " + r.statusCode());
        }
        return m.group(1);
    }
}
