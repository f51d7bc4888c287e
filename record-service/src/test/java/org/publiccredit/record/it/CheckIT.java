package org.publiccredit.record.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.publiccredit.testkit.Api;
import org.publiccredit.testkit.IntegrationTest;
import org.publiccredit.testkit.Tokens;
import tools.jackson.databind.JsonNode;

@IntegrationTest
class CheckIT {

    private final Api bank = Api.gateway().as(Tokens.client("partner-bank"));
    private final Api tax = Api.gateway().as(Tokens.client("partner-tax"));

    private JsonNode check(Api who, String scenario, String... subjects) {
        return who.post("/api/v1/checks", Map.of("scenario", scenario, "subjects", List.of(subjects), "purpose", "投标资格审查"))
                .expect(201).json();
    }

    private static List<String> measures(JsonNode result, int i) {
        return result.path("results").get(i).path("measures").valueStream().map(m -> m.path("nameZh").asString()).toList();
    }

    @Test
    void aBlackListedSubjectGetsTheMappedMeasuresUntilTheEntryIsRevokedWithNoStaleCache() {
        String black = Records.freshUscc();
        String clean = Records.freshUscc();
        String red = Records.freshUscc();
        String id = tax.post("/api/v1/records", Records.taxBlackList(black)).expect(201).json().path("id").asString();
        tax.post("/api/v1/records", Records.taxAGrade(red)).expect(201);

        JsonNode first = check(bank, "GOV_PROCUREMENT", black, clean, red);
        assertThat(measures(first, 0)).containsExactly("限制参与政府采购");
        assertThat(first.path("results").get(0).path("blackList").get(0).path("recordId").asString()).isEqualTo(id);
        assertThat(measures(first, 1)).isEmpty();
        assertThat(first.path("results").get(2).path("redList").get(0).path("category").asString()).isEqualTo("TAX_A_GRADE");
        assertThat(measures(check(bank, "ADMIN_LICENSING", red), 0)).containsExactly("绿色通道", "容缺受理");
        // warm: served from the cache, same answer
        assertThat(measures(check(bank, "GOV_PROCUREMENT", black), 0)).containsExactly("限制参与政府采购");

        Api.gateway().as(Tokens.user("officer-tax")).post("/api/v1/records/" + id + ":revoke", Map.of("reason", "决定撤销")).expect(200);
        JsonNode after = check(bank, "GOV_PROCUREMENT", black);
        assertThat(after.path("results").get(0).path("blackList").size()).isZero();
        assertThat(measures(after, 0)).isEmpty();
    }

    @Test
    void aCheckIsRecordedAndReadableByItsCallerOnly() {
        JsonNode result = check(bank, "BIDDING", Records.freshUscc());
        String id = result.path("checkId").asString();
        JsonNode again = bank.get("/api/v1/checks/" + id).expect(200).json();
        assertThat(again.path("scenario").asString()).isEqualTo("BIDDING");
        assertThat(again.path("purpose").asString()).isEqualTo("投标资格审查");
        tax.get("/api/v1/checks/" + id).expectProblem(404, "NOT_FOUND");
        bank.get("/api/v1/checks/not-a-uuid").expectProblem(404, "NOT_FOUND");
        Api.gateway().as(Tokens.user("ent1")).post("/api/v1/checks", Map.of("scenario", "BIDDING", "subjects", List.of(Records.ENT1),
                "purpose", "x")).expectProblem(403, "ACCESS_DENIED");
    }

    @Test
    void eachResultCarriesTheOrganisationsRegisteredNameAndTheRecordedCheckToo() {
        String unknown = Records.freshUscc();
        JsonNode result = check(bank, "GOV_PROCUREMENT", Records.ENT1, unknown, "450202199001011237");
        JsonNode ent1 = result.path("results").get(0);
        assertThat(ent1.path("subject").asString()).isEqualTo(Records.ENT1);
        assertThat(ent1.path("name").asString()).isEqualTo("柳州示范机械有限公司");
        // a code the registry does not know: no name, and the check created no subject for it
        assertThat(result.path("results").get(1).has("name")).isFalse();
        bank.get("/api/v1/subjects/" + unknown).expectProblem(404, "NOT_FOUND");
        // a natural person: masked number only, never a name
        JsonNode person = result.path("results").get(2);
        assertThat(person.path("subject").asString()).isEqualTo("450202********1237");
        assertThat(person.has("name")).isFalse();

        JsonNode again = bank.get("/api/v1/checks/" + result.path("checkId").asString()).expect(200).json();
        assertThat(again.path("results").get(0).path("name").asString()).isEqualTo("柳州示范机械有限公司");
        assertThat(again.path("results").get(1).has("name")).isFalse();
    }

    @Test
    void anInvalidCodeIsThatItemsErrorAndTheOthersAreStillAnswered() {
        String clean = Records.freshUscc();
        String badCheckDigit = clean.substring(0, 17) + (clean.charAt(17) == '0' ? '1' : '0');
        JsonNode result = check(bank, "BIDDING", Records.ENT1, badCheckDigit, "450202199001011230");
        JsonNode items = result.path("results");
        assertThat(items.size()).isEqualTo(3);
        assertThat(items.get(0).path("status").asString()).isEqualTo("CHECKED");
        assertThat(items.get(0).path("evaluation").path("grade").asString()).isNotBlank();
        assertThat(items.get(1).path("status").asString()).isEqualTo("INVALID");
        assertThat(items.get(1).path("errors").findValuesAsString("code")).isNotEmpty();
        assertThat(items.get(1).path("blackList").size()).isZero();
        assertThat(items.get(2).path("status").asString()).isEqualTo("INVALID");
        assertThat(items.get(2).path("subject").asString()).as("a mistyped id number is not echoed whole")
                .isEqualTo("450202**********30");
    }

    @Test
    void badCheckRequestsAreProblemsWithFields() {
        JsonNode p = bank.post("/api/v1/checks", Map.of("scenario", "NOPE", "subjects", List.of("123"), "purpose", ""))
                .expectProblem(400, "VALIDATION_FAILED");
        assertThat(p.path("errors").findValuesAsString("field")).contains("scenario", "subjects[0]", "purpose");
        List<String> tooMany = java.util.stream.IntStream.range(0, 1001).mapToObj(i -> Records.ENT1).toList();
        JsonNode many = bank.post("/api/v1/checks", Map.of("scenario", "BIDDING", "subjects", tooMany, "purpose", "x"))
                .expectProblem(400, "VALIDATION_FAILED");
        assertThat(many.path("errors").findValuesAsString("code")).contains("TOO_MANY_SUBJECTS");
    }
}
