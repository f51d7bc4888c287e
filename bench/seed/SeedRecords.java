import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.publiccredit.commons.id.Uscc;

/**
 * Loads demo credit records through {@code POST /api/v1/records:batch}: 50,000+ records over the subjects of
 * {@code SeedSubjects} (same deterministic list), every catalog category, decision dates spread over the 3 years
 * before a fixed anchor date (2026-11-23), each pushed with the token of a department that supplies it. Special records:
 * ent1 a penalty decided 5 months before the anchor (repair-eligible), a licence and a TAX_A_GRADE; ent2 a
 * PROCUREMENT_BAN; citizen1 a penalty and a 失信被执行人 entry. Deterministic (fixed seed, fixed anchor, document numbers
 * by index): seeding again reports every row unchanged.
 *
 * <p>Departments court, emergency, finance, hr, customs and statistics push with client-credentials clients
 * {@code partner-<department>} (secret {@code <client>-local-secret}); where the realm has no such client yet, their
 * categories are skipped with a message.
 *
 * <pre>java -cp commons/target/classes bench/seed/SeedRecords.java</pre>
 * Environment: GATEWAY (http://localhost:8080), KEYCLOAK (http://localhost:8180).
 */
public class SeedRecords {

    static final LocalDate ANCHOR = LocalDate.of(2026, 11, 23);
    static final String ENT1 = "91450200MA5K00012P";
    static final String ENT2 = "91450403MA5K000470";
    static final String CITIZEN1 = "450202199001011237";
    static final int BATCH = 10_000;
    static final Random RANDOM = new Random(20261124L);
    static final String AUTHORITY = Uscc.of('1', '1', "450200", "MB000001").value();
    static final String TAX_AUTHORITY = Uscc.of('1', '1', "450200", "MB000002").value();

    public static void main(String[] args) throws Exception {
        String gateway = System.getenv().getOrDefault("GATEWAY", "http://localhost:8080");
        String keycloak = System.getenv().getOrDefault("KEYCLOAK", "http://localhost:8180");
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
        List<String> orgs = new ArrayList<>();
        List<String> persons = new ArrayList<>();
        Pattern code = Pattern.compile("\"code\":\"([0-9A-Z]{18})\"");
        Pattern idNumber = Pattern.compile("\"idNumber\":\"([0-9X]{18})\"");
        for (String row : SeedSubjects.rows()) {
            Matcher m = code.matcher(row);
            Matcher p = idNumber.matcher(row);
            if (m.find()) {
                orgs.add(m.group(1));
            } else if (p.find()) {
                persons.add(p.group(1));
            }
        }
        Map<String, List<String>> byDepartment = new LinkedHashMap<>();
        for (String d : List.of("market", "tax", "court", "emergency", "finance", "hr", "customs", "statistics")) {
            byDepartment.put(d, new ArrayList<>());
        }
        // the demo subjects' records
        byDepartment.get("market").add(penalty(ENT1, "柳市监罚〔2026〕DEMO-1", ANCHOR.minusMonths(5), "其他"));
        byDepartment.get("market").add(licence(ENT1, "柳市监许〔2025〕DEMO-2", ANCHOR.minusMonths(10)));
        byDepartment.get("tax").add(simple("TAX_A_GRADE", ENT1, "柳税评〔2026〕DEMO-3", ANCHOR.minusMonths(4),
                "\"evaluationYear\":2025,\"authority\":\"国家税务总局柳州市税务局\""));
        byDepartment.get("finance").add(simple("PROCUREMENT_BAN", ENT2, "梧财采罚〔2026〕DEMO-4", ANCHOR.minusMonths(2),
                "\"violationFacts\":\"提供虚假材料谋取中标\",\"penaltyContent\":\"列入不良行为记录名单，一年内禁止参加政府采购活动\",\"banUntil\":\""
                        + ANCHOR.minusMonths(2).plusYears(1) + "\",\"authority\":\"梧州市财政局\""));
        byDepartment.get("market").add(penalty(CITIZEN1, "柳市监罚〔2026〕DEMO-5", ANCHOR.minusMonths(1), "其他"));
        byDepartment.get("court").add(simple("COURT_DEFAULTER", CITIZEN1, "（2026）桂0202执DEMO-6号", ANCHOR.minusMonths(3),
                "\"court\":\"柳州市城中区人民法院\",\"obligation\":\"给付货款人民币5万元\",\"dishonestBehaviour\":\"有履行能力而拒不履行生效法律文书确定义务\""));
        // bulk, deterministic
        int n = 0;
        for (int i = 0; i < 20_000; i++, n++) {
            String dep = i % 5 < 3 ? "market" : "tax";
            String type = i % 40 == 0 ? "消防" : i % 41 == 0 ? "特种设备" : "其他";
            byDepartment.get(dep).add(penalty(pick(orgs, persons, i), (dep.equals("market") ? "柳市监罚" : "柳税罚") + "〔S〕" + i, date(), type));
        }
        for (int i = 0; i < 20_000; i++) {
            String dep = i % 5 < 3 ? "market" : "tax";
            byDepartment.get(dep).add(licence(orgs.get(RANDOM.nextInt(orgs.size())), (dep.equals("market") ? "柳市监许" : "柳税许") + "〔S〕" + i, date()));
        }
        add(byDepartment, "market", "BUSINESS_ABNORMAL", 3_000, orgs, "柳市监异", "\"reason\":\"未按规定报送年度报告\",\"authority\":\"柳州市市场监督管理局\"");
        add(byDepartment, "market", "CONTRACT_HONORED", 1_500, orgs, "柳市监守", null);
        add(byDepartment, "tax", "TAX_MAJOR_VIOLATION", 1_000, orgs, "柳税稽", "\"violationFacts\":\"虚开增值税专用发票\",\"taxAmount\":\"56.3\",\"authority\":\"国家税务总局柳州市税务局稽查局\"");
        add(byDepartment, "tax", "TAX_A_GRADE", 2_500, orgs, "柳税评", "\"evaluationYear\":2025,\"authority\":\"国家税务总局柳州市税务局\"");
        add(byDepartment, "tax", "TAX_CREDIT_GRADE", 3_000, orgs, "柳税级", null);
        add(byDepartment, "court", "COURT_DEFAULTER", 500, orgs, "（S）桂02执", "\"court\":\"柳州市中级人民法院\",\"obligation\":\"给付工程款\",\"dishonestBehaviour\":\"违反财产报告制度\"");
        add(byDepartment, "emergency", "SAFETY_SERIOUS", 300, orgs, "柳应急", "\"violationFacts\":\"发生较大生产安全事故\",\"authority\":\"柳州市应急管理局\"");
        add(byDepartment, "finance", "PROCUREMENT_BAN", 300, orgs, "柳财采", null);
        add(byDepartment, "hr", "WAGE_ARREARS", 300, orgs, "柳人社", null);
        add(byDepartment, "customs", "CUSTOMS_DISHONEST", 300, orgs, "南宁关", null);
        add(byDepartment, "statistics", "STATS_SERIOUS", 300, orgs, "柳统", null);

        int total = 0;
        long t0 = System.nanoTime();
        boolean failed = false;
        for (Map.Entry<String, List<String>> e : byDepartment.entrySet()) {
            String token = tokenFor(http, keycloak, e.getKey());
            if (token == null) {
                System.out.printf("SeedRecords: no token for department %s (client partner-%s missing from the realm): %,d records skipped%n",
                        e.getKey(), e.getKey(), e.getValue().size());
                continue;
            }
            List<String> rows = e.getValue();
            for (int from = 0; from < rows.size(); from += BATCH) {
                String body = String.join("\n", rows.subList(from, Math.min(rows.size(), from + BATCH))) + "\n";
                HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(gateway + "/api/v1/records:batch"))
                        .timeout(Duration.ofMinutes(10)).header("Authorization", "Bearer " + token)
                        .header("Content-Type", "application/x-ndjson")
                        .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8)).build(), HttpResponse.BodyHandlers.ofString());
                Matcher totals = Pattern.compile("\"totals\":(\\{[^}]*})").matcher(r.body());
                if (r.statusCode() != 200 || !totals.find()) {
                    System.err.println("SeedRecords: batch failed with HTTP " + r.statusCode() + ": " + r.body().substring(0, Math.min(1500, r.body().length())));
                    System.exit(1);
                }
                System.out.printf("SeedRecords: %-10s %,6d rows %s%n", e.getKey(), Math.min(rows.size(), from + BATCH) - from, totals.group(1));
                if (!totals.group(1).contains("\"rejected\":0")) {
                    failed = true;
                    Matcher firstRejected = Pattern.compile("\\{\"row\":\\d+,\"result\":\"rejected\"[^\\]]*]").matcher(r.body());
                    System.err.println("SeedRecords: rejected rows, first: " + (firstRejected.find() ? firstRejected.group() : "?"));
                }
                total += Math.min(rows.size(), from + BATCH) - from;
            }
        }
        System.out.printf("SeedRecords: %,d records in %.1f s%n", total, (System.nanoTime() - t0) / 1e9);
        if (failed) {
            System.exit(1);
        }
    }

    static void add(Map<String, List<String>> byDepartment, String department, String category, int count, List<String> orgs,
            String prefix, String fields) {
        for (int i = 0; i < count; i++) {
            LocalDate decided = date();
            String f = fields != null ? fields : switch (category) {
                case "CONTRACT_HONORED" -> "\"validUntil\":\"" + decided.plusYears(2) + "\",\"authority\":\"柳州市市场监督管理局\"";
                case "TAX_CREDIT_GRADE" -> "\"grade\":\"" + "ABMCD".charAt(i % 5) + "\",\"evaluationYear\":" + (decided.getYear() - 1);
                case "PROCUREMENT_BAN" -> "\"violationFacts\":\"串通投标\",\"penaltyContent\":\"禁止参加政府采购活动\",\"banUntil\":\""
                        + decided.plusYears(1 + i % 3) + "\",\"authority\":\"柳州市财政局\"";
                case "WAGE_ARREARS" -> "\"arrearsAmount\":\"35.2\",\"affectedWorkers\":" + (5 + i % 40) + ",\"listedUntil\":\""
                        + decided.plusYears(3) + "\",\"authority\":\"柳州市人力资源和社会保障局\"";
                case "CUSTOMS_DISHONEST" -> "\"reason\":\"走私违规\",\"listedUntil\":\"" + decided.plusYears(2) + "\",\"authority\":\"南宁海关\"";
                case "STATS_SERIOUS" -> "\"reason\":\"统计造假\",\"listedUntil\":\"" + decided.plusYears(3) + "\",\"authority\":\"柳州市统计局\"";
                default -> throw new IllegalArgumentException(category);
            };
            byDepartment.get(department).add(simple(category, orgs.get(RANDOM.nextInt(orgs.size())), prefix + "〔S〕" + i, decided, f));
        }
    }

    static String pick(List<String> orgs, List<String> persons, int i) {
        return i % 500 == 0 && !persons.isEmpty() ? persons.get(RANDOM.nextInt(persons.size())) : orgs.get(RANDOM.nextInt(orgs.size()));
    }

    /** A decision date within the 3 years before the anchor. */
    static LocalDate date() {
        return ANCHOR.minusDays(RANDOM.nextInt(3 * 365));
    }

    static String penalty(String subject, String doc, LocalDate decided, String violationType) {
        return simple("ADM_PENALTY", subject, doc, decided, "\"violationType\":\"" + violationType + "\",\"violationFacts\":\"未按规定履行法定义务\","
                + "\"penaltyBasis\":\"《中华人民共和国行政处罚法》\",\"penaltyCategory\":\"罚款\",\"penaltyContent\":\"罚款人民币5000元\","
                + "\"fineAmount\":\"0.5\",\"penaltyValidUntil\":\"" + decided.plusMonths(1) + "\",\"procedure\":\"普通程序\","
                + "\"authority\":\"柳州市市场监督管理局\",\"authorityUscc\":\"" + AUTHORITY + "\",\"dataSource\":\"柳州市市场监督管理局\","
                + "\"dataSourceUscc\":\"" + AUTHORITY + "\"");
    }

    static String licence(String subject, String doc, LocalDate decided) {
        return simple("ADM_LICENSE", subject, doc, decided, "\"licenceDocumentName\":\"准予行政许可决定书\",\"licenceCategory\":\"普通\","
                + "\"certificateName\":\"食品经营许可证\",\"licenceNumber\":\"JY" + Math.abs(doc.hashCode()) + "\",\"licenceContent\":\"食品销售经营者\","
                + "\"validFrom\":\"" + decided + "\",\"validUntil\":\"" + decided.plusYears(5).minusDays(1) + "\",\"authority\":\"柳州市市场监督管理局\","
                + "\"authorityUscc\":\"" + AUTHORITY + "\",\"status\":\"有效\",\"dataSource\":\"柳州市市场监督管理局\",\"dataSourceUscc\":\"" + AUTHORITY + "\"");
    }

    static String simple(String category, String subject, String doc, LocalDate decided, String fields) {
        String name = subject.length() == 18 && Character.isDigit(subject.charAt(17)) && subject.startsWith("4") ? "自然人" : "企业";
        return "{\"category\":\"" + category + "\",\"subject\":{\"identifier\":\"" + subject + "\",\"name\":\"" + name + subject.substring(14)
                + "\"},\"documentNumber\":\"" + doc + "\",\"decisionDate\":\"" + decided + "\",\"fields\":{" + fields + "}}";
    }

    /** officer-market and officer-tax (users), else a partner client of the department; null when none exists. */
    static String tokenFor(HttpClient http, String keycloak, String department) throws Exception {
        String form = switch (department) {
            case "market", "tax" -> "grant_type=password&client_id=portal&username=officer-" + department + "&password=demo";
            default -> "grant_type=client_credentials&client_id=partner-" + department + "&client_secret="
                    + URLEncoder.encode("partner-" + department + "-local-secret", StandardCharsets.UTF_8);
        };
        return SeedSubjects.requestToken(http, keycloak, form).orElse(null);
    }
}
