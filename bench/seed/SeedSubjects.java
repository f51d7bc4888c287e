import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.publiccredit.commons.id.IdNumber;
import org.publiccredit.commons.id.Regions;
import org.publiccredit.commons.id.Uscc;

/**
 * Loads the demo subjects through the gateway's import endpoint (as officer-market, a registration source, so they
 * are verified): the demo users' subjects, 10,000 synthetic Liuzhou (4502xx) and Wuzhou (4504xx) organisations with
 * valid codes (enterprises, a few hundred 个体工商户 and 农民专业合作社, some social organisations and public
 * institutions) and a few natural persons. Deterministic (fixed seed): seeding again changes nothing.
 *
 * <pre>java -cp commons/target/classes bench/seed/SeedSubjects.java</pre>
 * Environment: GATEWAY (http://localhost:8080), KEYCLOAK (http://localhost:8180), SEED_USER (officer-market; password demo).
 */
public class SeedSubjects {

    private static final long SEED = 20261123L;
    private static final String CHARS = "0123456789ABCDEFGHJKLMNPQRTUWXY";
    private static final String[] TRADE_NAMES = {"鸿运", "宏达", "金桥", "华信", "盛世", "联合", "新程", "瑞丰", "东方", "恒通", "嘉禾",
            "兴业", "汇丰", "永利", "佳和", "锦华", "龙城", "桂柳", "骑楼", "西江", "鸳江", "三江", "融水", "鹿寨", "凤山", "岑溪",
            "藤县", "蒙山", "苍梧", "柳工", "百灵", "国泰", "天成", "万象", "明珠", "长青", "广源", "富民", "安泰", "立信"};
    private static final String[][] INDUSTRIES = {{"机械", "C"}, {"汽车配件", "C"}, {"钢铁制品", "C"}, {"食品", "C"}, {"螺蛳粉", "C"},
            {"建筑工程", "E"}, {"装饰工程", "E"}, {"贸易", "F"}, {"商贸", "F"}, {"物流", "G"}, {"运输", "G"}, {"餐饮管理", "H"},
            {"酒店管理", "H"}, {"网络科技", "I"}, {"信息技术", "I"}, {"房地产开发", "K"}, {"物业服务", "K"}, {"商务咨询", "L"},
            {"检测技术", "M"}, {"环保科技", "N"}, {"家政服务", "O"}, {"教育咨询", "P"}, {"文化传媒", "R"}, {"农业开发", "A"}};
    private static final String[] SHOPS = {"便利店", "小吃店", "五金店", "理发店", "粉店", "水果店", "汽车修理部", "服装店", "茶叶店", "快餐店"};
    private static final String[] COOPS = {"种植", "养殖", "茶叶种植", "水果种植", "生猪养殖", "油茶种植", "中药材种植", "蔬菜种植"};
    private static final String[] SURNAMES = {"张", "王", "李", "刘", "陈", "杨", "黄", "赵", "吴", "周", "覃", "韦", "蒙", "莫", "梁"};
    private static final String[] GIVEN = {"伟", "芳", "娜", "敏", "静", "强", "磊", "洋", "勇", "艳", "杰", "军", "丽", "斌", "华", "明", "红", "平"};
    private static final String[] STATUSES = {"存续", "存续", "存续", "存续", "存续", "存续", "存续", "存续", "注销", "吊销"};
    private static final String[] ROADS = {"文昌路", "潭中大道", "东环大道", "柳石路", "航银路", "西堤路", "新兴路", "龙母大道", "钱鉴路", "高旺路"};

    public static void main(String[] args) throws Exception {
        String gateway = System.getenv().getOrDefault("GATEWAY", "http://localhost:8080");
        String keycloak = System.getenv().getOrDefault("KEYCLOAK", "http://localhost:8180");
        String user = System.getenv().getOrDefault("SEED_USER", "officer-market");
        List<String> rows = rows();
        ByteArrayOutputStream body = new ByteArrayOutputStream(rows.size() * 260);
        for (String row : rows) {
            body.writeBytes((row + "\n").getBytes(StandardCharsets.UTF_8));
        }
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
        String token = token(http, keycloak, user);
        long t0 = System.nanoTime();
        HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(gateway + "/api/v1/subjects:import"))
                .timeout(Duration.ofMinutes(10)).header("Authorization", "Bearer " + token)
                .header("Content-Type", "application/x-ndjson").POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray())).build(),
                HttpResponse.BodyHandlers.ofString());
        Matcher totals = Pattern.compile("\"totals\":(\\{[^}]*})").matcher(r.body());
        if (r.statusCode() != 200 || !totals.find()) {
            System.err.println("SeedSubjects: import failed with HTTP " + r.statusCode() + ": "
                    + r.body().substring(0, Math.min(2000, r.body().length())));
            System.exit(1);
        }
        System.out.printf("SeedSubjects: %,d subjects in %.1f s %s%n", rows.size(), (System.nanoTime() - t0) / 1e9, totals.group(1));
        if (!r.body().contains("\"rejected\":0")) {
            System.err.println("SeedSubjects: some rows were rejected: " + r.body().substring(0, Math.min(2000, r.body().length())));
            System.exit(1);
        }
    }

    static List<String> rows() {
        Random random = new Random(SEED);
        List<String> rows = new ArrayList<>();
        // the demo users' subjects
        rows.add(org("91450200MA5K00012P", "柳州示范机械有限公司", "陈立明", "2012-05-18", "存续", "C", "柳州市柳南区航银路18号"));
        rows.add(org("91450403MA5K000470", "梧州示范贸易有限公司", "黄志强", "2016-09-07", "存续", "F", "梧州市万秀区西堤路22号"));
        rows.add(person("450202199001011237", "张伟"));

        List<String> liuzhou = Regions.countiesOf("4502");
        List<String> wuzhou = Regions.countiesOf("4504");
        Set<String> codes = new LinkedHashSet<>(List.of("91450200MA5K00012P", "91450403MA5K000470"));
        int[][] plan = {{'9', '1', 9_000}, {'9', '2', 400}, {'9', '3', 300}, {'5', '1', 150}, {'1', '2', 150}};
        int n = 0;
        for (int[] p : plan) {
            for (int i = 0; i < p[2]; i++) {
                boolean inLiuzhou = random.nextInt(3) > 0;
                List<String> counties = inLiuzhou ? liuzhou : wuzhou;
                String region = counties.get(random.nextInt(counties.size()));
                String city = inLiuzhou ? "柳州" : "梧州";
                String county = Regions.name(region).orElse("");
                String code;
                do {
                    StringBuilder orgCode = new StringBuilder(8);
                    for (int k = 0; k < 8; k++) {
                        orgCode.append(CHARS.charAt(random.nextInt(CHARS.length())));
                    }
                    code = Uscc.of((char) p[0], (char) p[1], region, orgCode.toString()).value();
                } while (!codes.add(code));
                n++;
                String trade = TRADE_NAMES[random.nextInt(TRADE_NAMES.length)];
                String[] industry = INDUSTRIES[random.nextInt(INDUSTRIES.length)];
                String date = LocalDate.of(1995, 1, 1).plusDays(random.nextInt(365 * 30)).toString();
                String status = STATUSES[random.nextInt(STATUSES.length)];
                String address = city + "市" + county + ROADS[random.nextInt(ROADS.length)] + (1 + random.nextInt(300)) + "号";
                String representative = SURNAMES[random.nextInt(SURNAMES.length)] + GIVEN[random.nextInt(GIVEN.length)]
                        + (random.nextBoolean() ? GIVEN[random.nextInt(GIVEN.length)] : "");
                String name = switch (p[1] + p[0] * 256) {
                    case '9' * 256 + '1' -> city + "市" + trade + (n % 7 == 0 ? "" + (n % 97) : "") + industry[0] + "有限公司";
                    case '9' * 256 + '2' -> city + "市" + county + trade + SHOPS[random.nextInt(SHOPS.length)];
                    case '9' * 256 + '3' -> county + trade + COOPS[random.nextInt(COOPS.length)] + "专业合作社";
                    case '5' * 256 + '1' -> city + "市" + industry[0] + "行业协会" + (n % 13 == 0 ? "（" + trade + "）" : "");
                    default -> city + "市" + county + trade + "职业技术学校";
                };
                String industryCode = switch (p[1] + p[0] * 256) {
                    case '9' * 256 + '3' -> "A";
                    case '5' * 256 + '1' -> "S";
                    case '1' * 256 + '2' -> "P";
                    default -> industry[1];
                };
                rows.add(org(code, name, representative, date, status, industryCode, address));
            }
        }
        // a few natural persons
        Set<String> numbers = new LinkedHashSet<>(List.of("450202199001011237"));
        while (numbers.size() < 21) {
            List<String> counties = random.nextBoolean() ? liuzhou : wuzhou;
            String first17 = counties.get(random.nextInt(counties.size()))
                    + LocalDate.of(1955, 1, 1).plusDays(random.nextInt(365 * 45)).toString().replace("-", "")
                    + String.format("%03d", random.nextInt(1000));
            String number = first17 + IdNumber.checkCharacter(first17);
            if (numbers.add(number)) {
                rows.add(person(number, SURNAMES[random.nextInt(SURNAMES.length)] + GIVEN[random.nextInt(GIVEN.length)]));
            }
        }
        return rows;
    }

    private static String org(String code, String name, String representative, String date, String status, String industry, String address) {
        return "{\"code\":\"" + code + "\",\"name\":\"" + name + "\",\"legalRepresentative\":\"" + representative
                + "\",\"registrationDate\":\"" + date + "\",\"registrationStatus\":\"" + status + "\",\"industry\":\"" + industry
                + "\",\"address\":\"" + address + "\"}";
    }

    private static String person(String number, String name) {
        return "{\"idNumber\":\"" + number + "\",\"name\":\"" + name + "\"}";
    }

    /** A demo user's token (password grant of the portal client); fails when Keycloak gives none. */
    static String token(HttpClient http, String keycloak, String user) throws Exception {
        String form = "grant_type=password&client_id=portal&username=" + URLEncoder.encode(user, StandardCharsets.UTF_8) + "&password=demo";
        return requestToken(http, keycloak, form)
                .orElseThrow(() -> new IllegalStateException("Keycloak gave no token for " + user));
    }

    /** Posts a token request form to realm credit; empty when Keycloak refuses it. Shared by the seed programs. */
    static java.util.Optional<String> requestToken(HttpClient http, String keycloak, String form) throws Exception {
        HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(keycloak + "/realms/credit/protocol/openid-connect/token"))
                .header("Content-Type", "application/x-www-form-urlencoded").POST(HttpRequest.BodyPublishers.ofString(form)).build(),
                HttpResponse.BodyHandlers.ofString());
        Matcher m = Pattern.compile("\"access_token\"\\s*:\\s*\"([^\"]+)\"").matcher(r.body());
        return r.statusCode() == 200 && m.find() ? java.util.Optional.of(m.group(1)) : java.util.Optional.empty();
    }
}
