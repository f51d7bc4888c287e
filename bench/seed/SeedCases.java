/*
 * Demo objections (异议) and repair applications (信用修复) in every state, for the demo users.
 *
 *   java -cp commons/target/classes bench/seed/SeedCases.java
 *
 * Run after the subject and record seeds, against a running local stack (./platform up). JDK and commons only.
 * Everything goes through the gateway with real tokens (portal client, password grant, password "demo"):
 * officer-market pushes fresh penalties, ent1 / ent2 / citizen1 file, reviewer1 and officer-market act.
 *
 * Overdue cases need old submission dates. They are made with objection-service's seed-only endpoint
 * POST /api/v1/cases/{id}:backdate (admin only), which exists only when platform.seed.backdating-enabled=true
 * (the local profile; false by default and in k8s). It moves every time of the case back and writes a
 * SEED_BACKDATE line into the case's history, so a backdated case never passes for a real one.
 * Each run creates new records and cases (fresh document numbers); it never changes existing ones.
 */

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.imageio.ImageIO;
import org.publiccredit.commons.calendar.PlatformZone;
import org.publiccredit.commons.id.Uscc;

public class SeedCases {

    static final String GATEWAY = System.getProperty("gateway.url", System.getenv().getOrDefault("GATEWAY_URL", "http://localhost:8080"));
    static final String KEYCLOAK = System.getProperty("keycloak.url", System.getenv().getOrDefault("KEYCLOAK_URL", "http://localhost:8180"));
    static final String ENT1 = "91450200MA5K00012P";
    static final String ENT2 = "91450403MA5K000470";
    static final String CITIZEN1 = "450202199001011237";
    static final LocalDate TODAY = LocalDate.now(PlatformZone.ZONE);
    static final Pattern ID = Pattern.compile("\"id\"\\s*:\\s*\"([0-9a-fA-F-]{36})\"");
    static final HttpClient HTTP = HttpClient.newHttpClient();
    static final Map<String, String> TOKENS = new HashMap<>();
    static int created;

    public static void main(String[] args) throws Exception {
        // objections by ent1, one in each state
        objection("ent1", ENT1, 12, "SUBMITTED");
        objection("ent1", ENT1, 12, "NOT_ACCEPTED");
        objection("ent1", ENT1, 12, "ACCEPTED");
        objection("ent1", ENT1, 12, "VERIFYING");
        objection("ent1", ENT1, 12, "PROPOSED");
        objection("ent1", ENT1, 12, "CONCLUDED:CORRECTED");
        objection("ent1", ENT1, 12, "CONCLUDED:UPHELD");
        objection("ent1", ENT1, 12, "CONCLUDED:DELETED");
        // repairs by ent1 of penalties decided 200 days ago (past the 3-month minimum publicity)
        repair("ent1", ENT1, "SUBMITTED");
        repair("ent1", ENT1, "NOT_ACCEPTED");
        repair("ent1", ENT1, "ACCEPTED");
        repair("ent1", ENT1, "REVIEWED");
        repair("ent1", ENT1, "APPROVED");
        repair("ent1", ENT1, "DENIED");
        // overdue: submitted "10 days ago" and never accepted; verification "20 days" late
        backdate(objection("ent1", ENT1, 40, "SUBMITTED"), 10);
        backdate(repair("ent1", ENT1, "SUBMITTED"), 10);
        backdate(objection("ent1", ENT1, 60, "VERIFYING"), 20);
        // another city's enterprise (reviewer1 serves Liuzhou 4502 only) and a citizen
        objection("ent2", ENT2, 12, "SUBMITTED");
        try {
            objection("citizen1", CITIZEN1, 12, "SUBMITTED");
        } catch (IllegalStateException e) {
            System.out.println("  (no citizen case: " + e.getMessage() + ")");
        }
        System.out.println("SeedCases: " + created + " cases created");
    }

    static String objection(String user, String subject, int decidedDaysAgo, String target) throws Exception {
        String record = penalty(subject, decidedDaysAgo);
        String id = idOf(send(user, "POST", "/api/v1/objections", "application/json",
                json("recordId", record, "reason", "处罚决定认定的事实有误（演示数据）").getBytes(StandardCharsets.UTF_8), 201));
        created++;
        if (!target.equals("SUBMITTED")) {
            if (target.equals("NOT_ACCEPTED")) {
                act("reviewer1", id, "refuse", json("reason", "未提供证据材料"));
            } else {
                act("reviewer1", id, "accept", json("note", "材料齐全"));
                if (!target.equals("ACCEPTED")) {
                    act("reviewer1", id, "assign", "{}");
                    if (!target.equals("VERIFYING")) {
                        String outcome = target.contains(":") ? target.substring(target.indexOf(':') + 1) : "UPHELD";
                        String fields = outcome.equals("CORRECTED") ? ",\"fields\":{\"fineAmount\":\"0.2\"}" : "";
                        act("officer-market", id, "propose", "{\"outcome\":\"" + outcome + "\",\"reason\":\"经核查（演示数据）\"" + fields + "}");
                        if (target.startsWith("CONCLUDED")) {
                            act("reviewer1", id, "decide", json("outcome", outcome, "reason", "依据核查结果办结（演示数据）"));
                        }
                    }
                }
            }
        }
        System.out.println("  objection " + id + " by " + user + " -> " + target);
        return id;
    }

    static String repair(String user, String subject, String target) throws Exception {
        String record = penalty(subject, 200);
        String caseJson = "{\"recordId\":\"" + record + "\",\"reason\":\"已履行行政处罚决定，申请信用修复（演示数据）\","
                + "\"obligationsFulfilled\":true,\"obligationsStatement\":\"罚款已于" + TODAY.minusDays(60) + "缴清\","
                + "\"acceptedTemplates\":[{\"id\":\"REPAIR_APPLICATION\",\"version\":\"2026-04\"},"
                + "{\"id\":\"CREDIT_COMMITMENT\",\"version\":\"2026-04\"}]}";
        String boundary = "----seed" + UUID.randomUUID().toString().replace("-", "");
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"case\"\r\nContent-Type: application/json\r\n\r\n"
                + caseJson + "\r\n--" + boundary + "\r\nContent-Disposition: form-data; name=\"proof\"; filename=\"fine-receipt.png\"\r\n"
                + "Content-Type: image/png\r\n\r\n").getBytes(StandardCharsets.UTF_8));
        body.writeBytes(receipt());
        body.writeBytes(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        String id = idOf(send(user, "POST", "/api/v1/repairs", "multipart/form-data; boundary=" + boundary, body.toByteArray(), 201));
        created++;
        if (!target.equals("SUBMITTED")) {
            if (target.equals("NOT_ACCEPTED")) {
                act("reviewer1", id, "refuse", json("reason", "缴款凭证不清晰"));
            } else {
                act("reviewer1", id, "accept", "{}");
                act("reviewer1", id, "assign", "{}");
                if (!target.equals("ACCEPTED")) {
                    String outcome = target.equals("DENIED") ? "DENIED" : "APPROVED";
                    act("officer-market", id, "propose", json("outcome", outcome, "reason", "核对缴款凭证（演示数据）"));
                    if (!target.equals("REVIEWED")) {
                        act("reviewer1", id, "decide", json("outcome", outcome, "reason", outcome.equals("APPROVED")
                                ? "符合信用修复条件（演示数据）" : "未能证明义务已履行（演示数据）"));
                    }
                }
            }
        }
        System.out.println("  repair    " + id + " by " + user + " -> " + target);
        return id;
    }

    static void backdate(String caseId, int days) throws Exception {
        send("admin1", "POST", "/api/v1/cases/" + caseId + ":backdate", "application/json",
                ("{\"days\":" + days + "}").getBytes(StandardCharsets.UTF_8), 204);
        System.out.println("  backdated " + caseId + " by " + days + " days (seed-only endpoint)");
    }

    /** A fresh ADM_PENALTY by officer-market about the subject. */
    static String penalty(String subject, int daysAgo) throws Exception {
        LocalDate decided = TODAY.minusDays(daysAgo);
        boolean person = subject.length() == 18 && Character.isDigit(subject.charAt(0)) && !subject.startsWith("9");
        String body = "{\"category\":\"ADM_PENALTY\",\"subject\":{\"identifier\":\"" + subject + "\",\"name\":\""
                + (person ? "演示公民" : "演示企业") + "\"},\"documentNumber\":\"柳市监罚〔" + decided.getYear() + "〕SEED"
                + UUID.randomUUID().toString().substring(0, 8) + "\",\"decisionDate\":\"" + decided + "\",\"fields\":{"
                + "\"violationType\":\"虚假宣传\",\"violationFacts\":\"发布虚假广告（演示数据）\",\"penaltyBasis\":\"《中华人民共和国广告法》第五十五条\","
                + "\"penaltyCategory\":\"罚款\",\"penaltyContent\":\"罚款人民币五千元\",\"fineAmount\":\"0.5\","
                + "\"penaltyValidUntil\":\"" + decided.plusYears(1) + "\",\"authority\":\"柳州市市场监督管理局\","
                + "\"authorityUscc\":\"" + freshUscc() + "\",\"dataSource\":\"柳州市市场监督管理局\",\"dataSourceUscc\":\"" + freshUscc() + "\"}}";
        return idOf(send("officer-market", "POST", "/api/v1/records", "application/json", body.getBytes(StandardCharsets.UTF_8), 201));
    }

    static void act(String user, String caseId, String action, String body) throws Exception {
        send(user, "POST", "/api/v1/cases/" + caseId + ":" + action, "application/json", body.getBytes(StandardCharsets.UTF_8), 200);
    }

    static String send(String user, String method, String path, String type, byte[] body, int expected) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(GATEWAY + path)).header("Authorization", "Bearer " + token(user))
                .header("Content-Type", type).header("Idempotency-Key", "seed-" + UUID.randomUUID())
                .method(method, HttpRequest.BodyPublishers.ofByteArray(body));
        HttpResponse<String> r = HTTP.send(b.build(), HttpResponse.BodyHandlers.ofString());
        if (r.statusCode() != expected) {
            throw new IllegalStateException(method + " " + path + " as " + user + ": " + r.statusCode() + " " + r.body());
        }
        return r.body();
    }

    static String token(String user) throws Exception {
        String cached = TOKENS.get(user);
        if (cached != null) {
            return cached;
        }
        String token = SeedSubjects.token(HTTP, KEYCLOAK, user);
        TOKENS.put(user, token);
        return token;
    }

    static String idOf(String json) {
        Matcher m = ID.matcher(json);
        if (!m.find()) {
            throw new IllegalStateException("no id in " + json);
        }
        return m.group(1);
    }

    /** {"k1":"v1",...} for plain string values. */
    static String json(String... kv) {
        StringBuilder s = new StringBuilder("{");
        for (int i = 0; i < kv.length; i += 2) {
            s.append(i == 0 ? "" : ",").append('"').append(kv[i]).append("\":\"").append(kv[i + 1].replace("\\", "\\\\").replace("\"", "\\\"")).append('"');
        }
        return s.append('}').toString();
    }

    static String freshUscc() {
        StringBuilder org = new StringBuilder();
        for (int i = 0; i < 8; i++) {
            org.append(ThreadLocalRandom.current().nextInt(10));
        }
        return Uscc.of('9', '1', "450202", org.toString()).value();
    }

    /** A small real PNG standing in for the scanned fine receipt. */
    static byte[] receipt() throws Exception {
        BufferedImage img = new BufferedImage(32, 16, BufferedImage.TYPE_INT_RGB);
        for (int x = 2; x < 30; x++) {
            img.setRGB(x, 8, 0xFFFFFF);
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImageIO.write(img, "png", out);
        return out.toByteArray();
    }
}
