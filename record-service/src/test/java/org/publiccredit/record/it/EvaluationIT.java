package org.publiccredit.record.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.publiccredit.testkit.Api;
import org.publiccredit.testkit.IntegrationTest;
import org.publiccredit.testkit.Tokens;
import tools.jackson.databind.JsonNode;

/** The credit evaluation through the gateway: rules published, grades explained, and moved at once by a revocation. */
@IntegrationTest
class EvaluationIT {

    private final Api anonymous = Api.gateway();
    private final Api market = Api.gateway().as(Tokens.user("officer-market"));
    private final Api tax = Api.gateway().as(Tokens.user("officer-tax"));
    private final Api bank = Api.gateway().as(Tokens.client("partner-bank"));

    private JsonNode evaluation(String code) {
        return anonymous.get("/api/v1/public/subjects/" + code + "/evaluation").expect(200).json();
    }

    private static List<String> rules(JsonNode evaluation) {
        return evaluation.path("reasons").valueStream().map(r -> r.path("rule").asString()).toList();
    }

    private JsonNode checked(String code) {
        return bank.post("/api/v1/checks", Map.of("scenario", "FINANCING", "subjects", List.of(code), "purpose", "授信前核查"))
                .expect(201).json().path("results").get(0);
    }

    @Test
    void theRulesArePublishedWithTheirPointsAndThresholds() {
        JsonNode rules = anonymous.get("/api/v1/catalog/evaluation-rules").expect(200).json();
        assertThat(rules.path("startScore").asInt()).isEqualTo(100);
        assertThat(rules.path("grades").valueStream().map(g -> g.path("grade").asString())).containsExactly("A", "B", "C", "D");
        assertThat(rules.path("grades").get(0).path("minScore").asInt()).isEqualTo(105);
        assertThat(rules.path("rules").valueStream().map(r -> r.path("code").asString()))
                .contains("BLACK_LIST", "PENALTY_SERIOUS_12M", "PENALTY_ORDINARY_12M", "ABNORMAL_LIST", "RED_LIST", "TAX_GRADE_D");
        rules.path("rules").valueStream().forEach(r -> assertThat(r.path("nameZh").asString()).isNotBlank());
    }

    @Test
    void aSeriousPenaltyThenABlackListEntryLowerTheGradeAndTheRevocationRaisesItAtOnce() {
        String code = Records.freshUscc();
        market.post("/api/v1/records", Records.record("ADM_PENALTY", code, Records.doc("柳市监罚"), LocalDate.now().minusDays(40),
                withSeverity("严重"))).expect(201);
        JsonNode penalised = evaluation(code);
        assertThat(penalised.path("grade").asString()).isEqualTo("C");
        assertThat(penalised.path("score").asInt()).isEqualTo(80);
        assertThat(rules(penalised)).containsExactly("PENALTY_SERIOUS_12M");
        assertThat(penalised.path("changesOn").asString()).isEqualTo(LocalDate.now().minusDays(40).plusMonths(12).toString());

        String listed = tax.post("/api/v1/records", Records.taxBlackList(code)).expect(201).json().path("id").asString();
        JsonNode black = evaluation(code);
        assertThat(black.path("grade").asString()).isEqualTo("D");
        assertThat(rules(black)).contains("BLACK_LIST", "PENALTY_SERIOUS_12M");
        JsonNode check = checked(code);
        assertThat(check.path("evaluation").path("grade").asString()).isEqualTo("D");

        tax.post("/api/v1/records/" + listed + ":revoke", Map.of("reason", "决定撤销")).expect(200);
        assertThat(evaluation(code).path("grade").asString()).isEqualTo("C");
        assertThat(checked(code).path("evaluation").path("grade").asString()).isEqualTo("C");
    }

    @Test
    void aNonPublicTaxGradeCountsAndRedListEntriesAddPoints() {
        String code = Records.freshUscc();
        tax.post("/api/v1/records", Records.record("TAX_CREDIT_GRADE", code, Records.doc("柳税评"), LocalDate.now().minusDays(10),
                Map.of("grade", "A", "evaluationYear", LocalDate.now().getYear() - 1))).expect(201);
        tax.post("/api/v1/records", Records.taxAGrade(code)).expect(201);
        JsonNode e = evaluation(code);
        assertThat(e.path("score").asInt()).isEqualTo(110);
        assertThat(e.path("grade").asString()).isEqualTo("A");
        assertThat(e.path("nameZh").asString()).isEqualTo("优");
        assertThat(rules(e)).containsExactly("RED_LIST", "NOT_PUBLIC_INFORMATION"); // the tax grade is not public
        // a partner's check reads the full evaluation, the tax grade named
        assertThat(rules(checked(code).path("evaluation"))).containsExactly("RED_LIST", "TAX_GRADE_A");
    }

    @Test
    void aCleanSubjectIsGradedBAndOnlyOrganisationsArePublic() {
        String code = Records.freshUscc();
        market.post("/api/v1/records", Records.record("ADM_PENALTY", code, Records.doc("柳市监罚"), LocalDate.now().minusDays(5),
                withSeverity("轻微"))).expect(201); // registers the subject; a minor penalty scores nothing
        JsonNode clean = evaluation(code);
        assertThat(clean.path("grade").asString()).isEqualTo("B");
        assertThat(clean.path("reasons").size()).isZero();

        anonymous.get("/api/v1/public/subjects/" + Records.CITIZEN1 + "/evaluation").expectProblem(400, "ID_NUMBER_IN_URL");
        anonymous.get("/api/v1/public/subjects/not-a-code/evaluation").expectProblem(404, "NOT_FOUND");
        anonymous.get("/api/v1/public/subjects/" + Records.freshUscc() + "/evaluation").expectProblem(404, "NOT_FOUND");

        JsonNode mine = Api.gateway().as(Tokens.user("ent1")).get("/api/v1/subjects/mine/evaluation").expect(200).json();
        assertThat(mine.path("grade").asString()).isEqualTo(evaluation(Records.ENT1).path("grade").asString());
        Api.gateway().as(Tokens.user("citizen1")).get("/api/v1/subjects/mine/evaluation").expect(200);
        market.get("/api/v1/subjects/mine/evaluation").expectProblem(404, "SUBJECT_NOT_REGISTERED");
        anonymous.get("/api/v1/subjects/mine/evaluation").expectProblem(401, "UNAUTHENTICATED");
    }

    private static Map<String, Object> withSeverity(String severity) {
        Map<String, Object> fields = Records.penaltyFields();
        fields.put("severity", severity);
        if (!"轻微".equals(severity)) {
            fields.put("procedure", "普通程序");
        }
        return fields;
    }
}
