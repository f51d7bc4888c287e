package org.publiccredit.gateway.contract;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.publiccredit.commons.id.Uscc;
import org.publiccredit.testkit.Api;
import org.publiccredit.testkit.IntegrationTest;
import org.publiccredit.testkit.RecordBodies;
import org.publiccredit.testkit.Reply;
import org.publiccredit.testkit.Tokens;
import tools.jackson.databind.JsonNode;

/**
 * Every text a person reads is said in zh-CN (the default) or in English, by {@code Accept-Language} (issue 22): for
 * refusals of each service and of the gateway, the Chinese and the English title and detail differ, the Chinese has
 * Chinese characters, the English none, and neither names a Java class, an exception, {@code null} or a constant.
 */
@IntegrationTest
class LanguageIT {

    private static final Pattern CJK = Pattern.compile("\\p{IsHan}");
    private static final Pattern JAVA_NAME = Pattern.compile(
            "Exception|java\\.|\\bnull\\b|\\b[A-Z][A-Z0-9]*_[A-Z0-9_]+\\b|\\bclass\\b|\\$|org\\.publiccredit");
    private static final String ENT1 = "91450200MA5K00012P";

    private final Api market = Api.gateway().as(Tokens.user("officer-market"));
    private final Api ent1 = Api.gateway().as(Tokens.user("ent1"));

    @Test
    void aPushedRecordWithABadCodeInAFieldIsRefusedNamingTheFieldInTheReadersLanguage() {
        Map<String, Object> body = penalty(ENT1);
        @SuppressWarnings("unchecked")
        Map<String, Object> fields = (Map<String, Object>) body.get("fields");
        fields.put("authorityUscc", "91450200MA5K00012X"); // check character wrong
        Pair p = both(api -> api.post("/api/v1/records", body), market, 400, "VALIDATION_FAILED");
        String zh = message(p.zh, "fields.authorityUscc");
        String en = message(p.en, "fields.authorityUscc");
        assertThat(zh).contains("处罚机关统一社会信用代码").contains("校验码");
        assertThat(en).contains("penalising authority").contains("check character");
        readable(zh, true);
        readable(en, false);
    }

    @Test
    void subjectServiceRefusalsAreInBothLanguages() {
        both(api -> api.get("/api/v1/subjects/91450200MA5K0001"), market, 404, "NOT_FOUND");
        Pair invalid = both(api -> api.post("/api/v1/subjects", Map.of("name", "测试")), Api.gateway().as(Tokens.user("admin1")), 400, null);
        assertThat(invalid.zh.path("code").asString()).isNotBlank();
    }

    @Test
    void objectionServiceRefusalsAndEligibilityReasonsAreInBothLanguages() {
        String id = market.post("/api/v1/records", penalty(ENT1)).expect(201).json().path("id").asString();
        // another enterprise files about ent1's record: refused
        Api ent2 = Api.gateway().as(Tokens.user("ent2"));
        both(api -> api.header("Idempotency-Key", "lang-" + System.nanoTime()).post("/api/v1/objections",
                Map.of("recordId", id, "reason", "不是我们的记录")), ent2, 403, "NOT_RECORD_SUBJECT");
        // the owner asks whether it can be repaired: every condition's reason in his language
        JsonNode zh = ent1.header("Accept-Language", "zh-CN").get("/api/v1/repairs/eligibility?record=" + id).expect(200).json();
        JsonNode en = ent1.header("Accept-Language", "en-GB,en;q=0.9").get("/api/v1/repairs/eligibility?record=" + id).expect(200).json();
        assertThat(zh.path("conditions").size()).isEqualTo(en.path("conditions").size()).isGreaterThan(3);
        for (int i = 0; i < zh.path("conditions").size(); i++) {
            String z = zh.path("conditions").get(i).path("message").asString();
            String e = en.path("conditions").get(i).path("message").asString();
            assertThat(z).as("condition %d", i).isNotEqualTo(e);
            readable(z, true);
            readable(e, false);
        }
    }

    @Test
    void searchAndReportRefusalsAreInBothLanguages() {
        Pair search = both(api -> api.get("/api/v1/search?list=purple"), Api.gateway(), 400, "VALIDATION_FAILED");
        assertThat(message(search.zh, "list")).isNotEqualTo(message(search.en, "list"));
        Pair report = both(api -> api.post("/api/v1/reports", Map.of("subject", "91450200MA5K0001", "edition", "public")), ent1, 400,
                "VALIDATION_FAILED");
        assertThat(message(report.zh, "subject")).isNotEqualTo(message(report.en, "subject"));
    }

    @Test
    void theGatewaysOwnRefusalsAreInBothLanguages() {
        Pair anonymous = both(api -> api.get("/api/v1/records"), Api.gateway(), 401, "UNAUTHENTICATED");
        assertThat(anonymous.zhReply.header("Content-Language")).containsExactly("zh-CN");
        assertThat(anonymous.enReply.header("Content-Language")).containsExactly("en");
        both(api -> api.get("/api/v1/no-such-thing"), ent1, 404, "NOT_FOUND");
        // no header, or a language the platform does not speak: Chinese
        JsonNode none = Api.gateway().get("/api/v1/records").expect(401).json();
        JsonNode french = Api.gateway().header("Accept-Language", "fr-FR").get("/api/v1/records").expect(401).json();
        assertThat(none.path("detail").asString()).isEqualTo(french.path("detail").asString()).isEqualTo(anonymous.zh.path("detail").asString());
    }

    private record Pair(JsonNode zh, JsonNode en, Reply zhReply, Reply enReply) {
    }

    /** The same refusal asked in Chinese and in English: same status and code, texts that differ and read well. */
    private static Pair both(java.util.function.Function<Api, Reply> call, Api as, int status, String code) {
        Reply zhReply = call.apply(as.header("Accept-Language", "zh-CN,zh;q=0.9"));
        Reply enReply = call.apply(as.header("Accept-Language", "en-US,en;q=0.8"));
        assertThat(zhReply.status()).as(zhReply.text()).isEqualTo(status);
        assertThat(enReply.status()).as(enReply.text()).isEqualTo(status);
        JsonNode zh = zhReply.json();
        JsonNode en = enReply.json();
        if (code != null) {
            assertThat(zh.path("code").asString()).isEqualTo(code);
        }
        assertThat(en.path("code").asString()).isEqualTo(zh.path("code").asString());
        for (String member : List.of("title", "detail")) {
            String z = zh.path(member).asString();
            String e = en.path(member).asString();
            assertThat(z).as("%s of %s", member, zh).isNotEqualTo(e);
            readable(z, true);
            readable(e, false);
        }
        List<String> zhMessages = new ArrayList<>(zh.path("errors").findValuesAsString("message"));
        List<String> enMessages = new ArrayList<>(en.path("errors").findValuesAsString("message"));
        assertThat(zhMessages).hasSameSizeAs(enMessages);
        zhMessages.forEach(m -> readable(m, true));
        enMessages.forEach(m -> readable(m, false));
        return new Pair(zh, en, zhReply, enReply);
    }

    private static void readable(String text, boolean chinese) {
        assertThat(text).isNotBlank();
        assertThat(JAVA_NAME.matcher(text).find()).as("a Java name or constant in: %s", text).isFalse();
        assertThat(CJK.matcher(text).find()).as(chinese ? "Chinese text: %s" : "English text: %s", text).isEqualTo(chinese);
    }

    private static String message(JsonNode problem, String field) {
        for (JsonNode e : problem.path("errors")) {
            if (e.path("field").asString().equals(field)) {
                return e.path("message").asString();
            }
        }
        throw new AssertionError("no error for " + field + " in " + problem);
    }

    /** A valid administrative penalty of ent1, decided yesterday, with a fresh document number. */
    private static Map<String, Object> penalty(String subject) {
        String authority = Uscc.of('1', '1', "450200", digits(8)).value();
        return RecordBodies.record("ADM_PENALTY", subject, "演示企业", "柳市监罚〔" + LocalDate.now().getYear() + "〕" + digits(10),
                LocalDate.now().minusDays(1), RecordBodies.penaltyFields(authority));
    }

    private static String digits(int n) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < n; i++) {
            sb.append(ThreadLocalRandom.current().nextInt(10));
        }
        return sb.toString();
    }
}
