package org.publiccredit.record.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.publiccredit.testkit.Api;
import org.publiccredit.testkit.IntegrationTest;
import org.publiccredit.testkit.Tokens;
import tools.jackson.databind.JsonNode;

/** What the platform changes of a push is told in the answer and the per-row report, never done silently. */
@IntegrationTest
class PushWarningsIT {

    private final Api market = Api.gateway().as(Tokens.user("officer-market"));

    private static String codes(JsonNode warnings) {
        return String.join(",", warnings.findValuesAsString("code"));
    }

    @Test
    void aNameTheRegistryDoesNotKnowIsStoredAndTheRegistrysNameIsTold() {
        String registered = Api.gateway().get("/api/v1/subjects/" + Records.ENT1).expect(200).json().path("name").asString();
        Map<String, Object> body = Records.penaltyDecided(Records.ENT1, 3);
        body.put("subject", Map.of("identifier", Records.ENT1, "name", "演示企业"));
        JsonNode pushed = market.post("/api/v1/records", body).expect(201).json();
        JsonNode warning = pushed.path("warnings").get(0);
        assertThat(warning.path("code").asString()).isEqualTo("SUBJECT_NAME_DIFFERS");
        assertThat(warning.path("field").asString()).isEqualTo("subject.name");
        assertThat(warning.path("message").asString()).contains(registered);
        // ... and the platform does show the registry's name, keeping the department's as the decision's 行政相对人名称
        Api enterprise = Api.gateway().as(Tokens.user("ent1"));
        JsonNode own = enterprise.get("/api/v1/subjects/mine/records/" + pushed.path("id").asString()).expect(200).json();
        assertThat(own.path("subjectName").asString()).isEqualTo(registered);
        assertThat(own.path("nameOnDecision").asString()).isEqualTo("演示企业");
        JsonNode shown = Api.gateway().get("/api/v1/public/subjects/" + Records.ENT1 + "/records?size=100").expect(200).json().path("items");
        JsonNode publicView = java.util.stream.StreamSupport.stream(shown.spliterator(), false)
                .filter(r -> r.path("recordId").asString().equals(pushed.path("id").asString())).findFirst().orElseThrow();
        assertThat(publicView.path("subjectName").asString()).isEqualTo(registered);
        assertThat(publicView.path("nameOnDecision").asString()).isEqualTo("演示企业");

        // the registry's own name, written with full-width brackets or spaces the other way, is no difference
        body.put("documentNumber", Records.doc("柳市监罚"));
        body.put("subject", Map.of("identifier", Records.ENT1, "name", " " + registered + " "));
        assertThat(market.post("/api/v1/records", body).expect(201).json().has("warnings")).isFalse();
    }

    @Test
    void aPublicityEndBelowTheClassMinimumIsRaisedWithAWarningAlsoInABatch() {
        String code = Records.freshUscc();
        LocalDate decided = LocalDate.now().minusDays(10);
        Map<String, Object> fields = Records.penaltyFields();
        fields.put("severity", "严重");
        fields.put("procedure", "普通程序");
        fields.put("publicityUntil", decided.plusMonths(2).toString());
        JsonNode pushed = market.post("/api/v1/records", Records.record("ADM_PENALTY", code, Records.doc("柳市监罚"), decided, fields))
                .expect(201).json();
        assertThat(codes(pushed.path("warnings"))).isEqualTo("PUBLICITY_UNTIL_RAISED");
        String raisedTo = decided.plusMonths(12).minusDays(1).toString();
        assertThat(pushed.path("warnings").get(0).path("message").asString()).contains(raisedTo).contains("严重");
        JsonNode view = Api.gateway().get("/api/v1/public/subjects/" + code + "/records").expect(200).json().path("items").get(0);
        assertThat(view.path("publicUntil").asString()).isEqualTo(raisedTo);

        fields.put("publicityUntil", decided.plusYears(5).toString());
        String row = Api.JSON.writeValueAsString(Records.record("ADM_PENALTY", code, Records.doc("柳市监罚"), decided, fields));
        JsonNode report = market.post("/api/v1/records:batch", "application/x-ndjson", (row + "\n").getBytes(StandardCharsets.UTF_8))
                .expect(200).json();
        assertThat(codes(report.path("rows").get(0).path("warnings"))).isEqualTo("PUBLICITY_UNTIL_LOWERED");
    }
}
