package org.publiccredit.objection.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.publiccredit.objection.it.Fixtures.ENT1;
import static org.publiccredit.objection.it.Fixtures.act;
import static org.publiccredit.objection.it.Fixtures.fileObjection;
import static org.publiccredit.objection.it.Fixtures.key;

import java.time.LocalDate;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.publiccredit.testkit.Api;
import org.publiccredit.testkit.IntegrationTest;
import org.publiccredit.testkit.Tokens;
import tools.jackson.databind.JsonNode;

/**
 * A supplying department verifies a case through the API with its partner client, as its officers do in the portal;
 * another department's client does not see the case.
 */
@IntegrationTest
class PartnerVerificationIT {

    @Test
    void theFinanceDepartmentsClientProposesTheOutcomeOfACaseAboutItsRecord() {
        LocalDate decided = LocalDate.now().minusDays(30);
        Map<String, Object> ban = Map.of("category", "PROCUREMENT_BAN",
                "subject", Map.of("identifier", ENT1, "name", "柳州示范科技有限公司"),
                "documentNumber", "柳财采罚〔" + decided.getYear() + "〕IT" + UUID.randomUUID().toString().substring(0, 12),
                "decisionDate", decided.toString(),
                "fields", Map.of("violationFacts", "提供虚假材料谋取中标", "penaltyContent", "一年内禁止参加政府采购活动",
                        "banUntil", decided.plusYears(1).toString(), "authority", "柳州市财政局"));
        String recordId = Api.gateway().as(Tokens.user("officer-finance")).post("/api/v1/records", ban).expect(201).json()
                .path("id").asString();
        String id = fileObjection("ent1", recordId, key()).expect(201).json().path("id").asString();
        act("reviewer1", id, "accept", Map.of());
        act("reviewer1", id, "assign", Map.of());

        Api.gateway().as(Tokens.client("partner-tax")).post("/api/v1/cases/" + id + ":propose",
                Map.of("outcome", "UPHELD", "reason", "不是本部门的记录")).expectProblem(404, "NOT_FOUND");
        JsonNode proposed = Api.gateway().as(Tokens.client("partner-finance")).post("/api/v1/cases/" + id + ":propose",
                Map.of("outcome", "UPHELD", "reason", "禁止期限核对无误")).expect(200).json();
        assertThat(proposed.path("state").asString()).isEqualTo("VERIFYING"); // the proposal waits for the reviewer's decision
        assertThat(proposed.path("proposal").path("outcome").asString()).isEqualTo("UPHELD");
        assertThat(proposed.path("proposal").path("reason").asString()).isEqualTo("禁止期限核对无误");
        JsonNode decided2 = act("reviewer1", id, "decide", Map.of("outcome", "UPHELD", "reason", "经核查，列入决定无误"));
        assertThat(decided2.path("state").asString()).isEqualTo("CONCLUDED");
        assertThat(decided2.path("decision").path("outcome").asString()).isEqualTo("UPHELD");
    }
}
