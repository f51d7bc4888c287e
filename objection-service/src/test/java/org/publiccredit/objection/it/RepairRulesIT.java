package org.publiccredit.objection.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.publiccredit.objection.it.Fixtures.ENT1;
import static org.publiccredit.objection.it.Fixtures.TODAY;
import static org.publiccredit.objection.it.Fixtures.as;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.publiccredit.testkit.IntegrationTest;
import tools.jackson.databind.JsonNode;

/**
 * Every repairable category states from when a repair can be filed (catalog data), so none answers
 * MIN_PUBLICITY_UNKNOWN: each pushed by its own department's officer, asked by the enterprise through the gateway.
 */
@IntegrationTest
class RepairRulesIT {

    private static String push(String officer, String category, LocalDate decided, Map<String, Object> fields) {
        Map<String, Object> body = Map.of("category", category, "subject", Map.of("identifier", ENT1, "name", "柳州示范科技有限公司"),
                "documentNumber", category + "-IT-" + UUID.randomUUID().toString().substring(0, 12), "decisionDate", decided.toString(),
                "fields", fields);
        return as(officer).post("/api/v1/records", body).expect(201).json().path("id").asString();
    }

    private static Map<String, Object> fields(Object... kv) {
        Map<String, Object> out = new LinkedHashMap<>();
        for (int i = 0; i < kv.length; i += 2) {
            out.put((String) kv[i], kv[i + 1]);
        }
        out.put("authority", "示范机关");
        return out;
    }

    private static JsonNode eligibility(String recordId) {
        return as("ent1").get("/api/v1/repairs/eligibility?record=" + recordId).expect(200).json();
    }

    @Test
    void everyRepairableCategoryCanBeDecidedWithItsOwnRule() {
        String later = TODAY.plusYears(2).toString();
        record Case(String officer, String category, LocalDate decided, Map<String, Object> fields, LocalDate from) {
        }
        LocalDate thirteenMonths = TODAY.minusMonths(13);
        LocalDate sevenMonths = TODAY.minusMonths(7);
        LocalDate yesterday = TODAY.minusDays(1);
        for (Case c : new Case[] {
            new Case("officer-tax", "TAX_MAJOR_VIOLATION", sevenMonths, fields("violationFacts", "虚开增值税专用发票"), sevenMonths.plusMonths(6)),
            new Case("officer-emergency", "SAFETY_SERIOUS", thirteenMonths, fields("violationFacts", "发生较大生产安全事故"), thirteenMonths.plusMonths(12)),
            new Case("officer-finance", "PROCUREMENT_BAN", thirteenMonths, fields("violationFacts", "提供虚假材料谋取中标", "penaltyContent",
                    "禁止参加政府采购活动两年", "banUntil", later), thirteenMonths.plusMonths(12)),
            new Case("officer-hr", "WAGE_ARREARS", thirteenMonths, fields("listedUntil", later), thirteenMonths.plusMonths(12)),
            new Case("officer-customs", "CUSTOMS_DISHONEST", thirteenMonths, fields("reason", "走私违规", "listedUntil", later),
                    thirteenMonths.plusMonths(12)),
            new Case("officer-statistics", "STATS_SERIOUS", sevenMonths, fields("reason", "统计造假", "listedUntil", later),
                    sevenMonths.plusMonths(6)),
            new Case("officer-market", "BUSINESS_ABNORMAL", yesterday, fields("reason", "通过登记的住所无法联系"), yesterday)}) {
            JsonNode e = eligibility(push(c.officer(), c.category(), c.decided(), c.fields()));
            assertThat(e.toString()).as(c.category()).doesNotContain("MIN_PUBLICITY_UNKNOWN");
            assertThat(e.path("eligibleFrom").asString()).as(c.category()).isEqualTo(c.from().toString());
            assertThat(e.path("eligible").asBoolean()).as("%s: %s", c.category(), e).isTrue();
        }
        // not yet: the list's own early exit is still ahead, and the answer says when
        LocalDate recent = TODAY.minusMonths(1);
        JsonNode early = eligibility(push("officer-statistics", "STATS_SERIOUS", recent, fields("reason", "统计造假", "listedUntil", later)));
        assertThat(early.path("eligible").asBoolean()).isFalse();
        assertThat(early.path("eligibleFrom").asString()).isEqualTo(recent.plusMonths(6).toString());
        assertThat(early.toString()).contains("MIN_PUBLICITY_NOT_PASSED");
    }
}
