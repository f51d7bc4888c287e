package org.publiccredit.objection.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Predicate;
import org.publiccredit.commons.id.Uscc;
import org.publiccredit.objection.attachment.TestFiles;
import org.publiccredit.testkit.Api;
import org.publiccredit.testkit.Reply;
import org.publiccredit.testkit.Tokens;
import tools.jackson.databind.JsonNode;

/** Object mother for the integration tests: records pushed by officer-market, cases filed and moved through the gateway. */
final class Fixtures {

    static final String ENT1 = "91450200MA5K00012P";
    static final String ENT2 = "91450403MA5K000470";
    static final LocalDate TODAY = LocalDate.now(ZoneId.of("Asia/Shanghai"));

    private Fixtures() {
    }

    static Api as(String user) {
        return Api.gateway().as(Tokens.user(user));
    }

    static Api internal() {
        return Api.service("record").as(Tokens.client("svc-objection"));
    }

    /** A fresh valid code in Liuzhou (450202…), for authorities and third parties. */
    static String freshUscc() {
        String chars = "0123456789ABCDEFGHJKLMNPQRTUWXY";
        StringBuilder org = new StringBuilder();
        for (int i = 0; i < 8; i++) {
            org.append(chars.charAt(ThreadLocalRandom.current().nextInt(10)));
        }
        return Uscc.of('9', '1', "450202", org.toString()).value();
    }

    /** An administrative penalty (ADM_PENALTY) by officer-market about {@code uscc}, decided {@code daysAgo} days ago. */
    static String penalty(String uscc, int daysAgo) {
        LocalDate decided = TODAY.minusDays(daysAgo);
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("violationType", "虚假宣传");
        fields.put("violationFacts", "在其网站发布虚假广告");
        fields.put("penaltyBasis", "《中华人民共和国广告法》第五十五条");
        fields.put("penaltyCategory", "罚款");
        fields.put("penaltyContent", "罚款人民币五千元");
        fields.put("fineAmount", "0.5");
        fields.put("penaltyValidUntil", decided.plusYears(1).toString());
        fields.put("authority", "柳州市市场监督管理局");
        fields.put("authorityUscc", freshUscc());
        fields.put("dataSource", "柳州市市场监督管理局");
        fields.put("dataSourceUscc", freshUscc());
        Map<String, Object> body = Map.of("category", "ADM_PENALTY",
                "subject", Map.of("identifier", uscc, "name", uscc.equals(ENT1) ? "柳州示范科技有限公司" : "测试企业有限公司"),
                "documentNumber", "柳市监罚〔" + decided.getYear() + "〕IT" + UUID.randomUUID().toString().substring(0, 12),
                "decisionDate", decided.toString(), "fields", fields);
        JsonNode pushed = as("officer-market").post("/api/v1/records", body).expect(201).json();
        return pushed.path("id").asString();
    }

    static JsonNode record(String id) {
        return internal().get("/internal/v1/records/" + id).expect(200).json();
    }

    /** Polls the record until the condition holds (effects are delivered asynchronously from the outbox). */
    static JsonNode awaitRecord(String id, Predicate<JsonNode> condition, Duration within) {
        long end = System.nanoTime() + within.toNanos();
        JsonNode last = null;
        while (System.nanoTime() < end) {
            Reply r = internal().get("/internal/v1/records/" + id);
            if (r.status() == 200) {
                last = r.json();
                if (condition.test(last)) {
                    return last;
                }
            }
            sleep(500);
        }
        throw new AssertionError("record " + id + " did not reach the expected state within " + within + "; last: " + last);
    }

    static Reply fileObjection(String user, String recordId, String key) {
        return as(user).header("Idempotency-Key", key).post("/api/v1/objections",
                Map.of("recordId", recordId, "reason", "处罚决定中的罚款金额有误"));
    }

    static Map<String, Object> repairBody(String recordId) {
        return Map.of("recordId", recordId, "reason", "已履行处罚决定，申请信用修复", "obligationsFulfilled", true,
                "obligationsStatement", "罚款已于" + TODAY.minusDays(30) + "缴清",
                "acceptedTemplates", List.of(Map.of("id", "REPAIR_APPLICATION", "version", "2026-04"),
                        Map.of("id", "CREDIT_COMMITMENT", "version", "2026-04")));
    }

    /** A repair with the fine receipt as proof: a PNG declared as application/pdf and named .pdf. */
    static Reply fileRepair(String user, String recordId, String key) {
        Multipart m = new Multipart().json("case", repairBody(recordId))
                .file("proof", "收据.pdf", "application/pdf", TestFiles.png());
        return as(user).header("Idempotency-Key", key).post("/api/v1/repairs", m.contentType(), m.body());
    }

    static JsonNode act(String user, String caseId, String action, Map<String, Object> body) {
        return as(user).post("/api/v1/cases/" + caseId + ":" + action, body).expect(200).json();
    }

    static String key() {
        return "it-" + UUID.randomUUID();
    }

    static void sleep(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    static void assertState(JsonNode caseView, String state) {
        assertThat(caseView.path("state").asString()).as("case state; %s", caseView).isEqualTo(state);
    }
}
