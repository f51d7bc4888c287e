package org.publiccredit.subject;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.publiccredit.commons.id.IdNumber;
import org.publiccredit.commons.id.Uscc;
import org.publiccredit.testkit.IntegrationTest;
import org.publiccredit.testkit.Reply;
import tools.jackson.databind.JsonNode;

/** GET /api/v1/identifiers/{value}, anonymous, through the gateway: every error code, both languages, nothing leaked. */
@IntegrationTest
class IdentifierIT {

    /** A code from its first 16 characters with both checks computed, so only the targeted error remains. */
    private static String uscc(String first16) {
        String first17 = first16 + Uscc.organisationCodeCheck(first16.substring(8, 16));
        return first17 + Uscc.checkCharacter(first17);
    }

    private static String idNumber(String first17) {
        return first17 + IdNumber.checkCharacter(first17);
    }

    private static JsonNode check(String value, String query, String language) {
        var api = Subjects.anonymous();
        if (language != null) {
            api = api.header("Accept-Language", language);
        }
        Reply reply = api.get("/api/v1/identifiers/" + URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20") + query);
        return reply.expect(200).json();
    }

    private static List<String> codes(JsonNode answer) {
        List<String> codes = new ArrayList<>();
        answer.path("errors").forEach(e -> codes.add(e.path("code").asString()));
        return codes;
    }

    @Test
    void everyErrorCodeIsReachable() {
        String orgCodeWrong = "91450200MA5K0001" + "9";
        orgCodeWrong = orgCodeWrong + Uscc.checkCharacter(orgCodeWrong);
        record Case(String value, String query, String code) {
        }
        List<Case> cases = List.of(
                new Case(" ", "", "IDENTIFIER_EMPTY"),
                new Case("12345", "", "IDENTIFIER_LENGTH"),
                new Case("9145", "?kind=USCC", "USCC_LENGTH"),
                new Case("91450200MA5K0001IP", "", "USCC_FORBIDDEN_CHARACTER"),
                new Case(uscc("B1450200MA5K0001"), "", "USCC_UNKNOWN_AUTHORITY"),
                new Case(uscc("9A450200MA5K0001"), "", "USCC_UNKNOWN_CATEGORY"),
                new Case(uscc("91999999MA5K0001"), "", "USCC_UNKNOWN_REGION"),
                new Case(orgCodeWrong, "", "USCC_ORG_CODE_CHECK"),
                new Case("91450200MA5K00012X", "", "USCC_CHECK_DIGIT"),
                new Case("4502021990", "?kind=ID_NUMBER", "ID_NUMBER_LENGTH"),
                new Case("45020290010112A", "", "ID_NUMBER_FORBIDDEN_CHARACTER"),
                new Case(idNumber("45020219900230123"), "", "ID_NUMBER_BIRTH_DATE"),
                new Case(idNumber("45990119900101123"), "", "ID_NUMBER_UNKNOWN_REGION"),
                new Case("450202199001011238", "", "ID_NUMBER_CHECK_DIGIT"));
        for (Case c : cases) {
            JsonNode answer = check(c.value(), c.query(), null);
            assertThat(answer.path("valid").asBoolean()).as(c.code()).isFalse();
            assertThat(codes(answer)).as(c.code()).containsExactly(c.code());
            assertThat(answer.path("errors").get(0).path("message").asString()).as("Chinese by default").matches(".*\\p{IsHan}.*");
        }
    }

    @ParameterizedTest
    @CsvSource({"91450200MA5K00012P,USCC", "911100001011200015,USCC", "91350100M000100Y43,USCC"})
    void validCodesAreNormalisedAndShownAsTheyAre(String code, String kind) {
        JsonNode answer = check(code.toLowerCase(), "", null);
        assertThat(answer.path("valid").asBoolean()).isTrue();
        assertThat(answer.path("kind").asString()).isEqualTo(kind);
        assertThat(answer.path("normalized").asString()).isEqualTo(code);
        assertThat(answer.path("errors").isEmpty()).isTrue();
    }

    @Test
    void fullWidthInputIsNormalised() {
        JsonNode answer = check("\uFF19\uFF11450200MA5K00012P\u3000", "", null);
        assertThat(answer.path("valid").asBoolean()).isTrue();
        assertThat(answer.path("normalized").asString()).isEqualTo(Subjects.ENT1);
    }

    @Test
    void anIdNumberIsAnsweredMaskedAndALegacyOneUpgraded() {
        String number = Subjects.freshIdNumber();
        JsonNode answer = check(number, "", null);
        assertThat(answer.path("valid").asBoolean()).isTrue();
        assertThat(answer.path("kind").asString()).isEqualTo("ID_NUMBER");
        assertThat(answer.path("normalized").asString()).isEqualTo(number.substring(0, 6) + "********" + number.substring(14));
        assertThat(answer.toString()).doesNotContain(number);

        String legacy = number.substring(0, 6) + number.substring(8, 17);
        JsonNode upgraded = check(legacy, "", null);
        assertThat(upgraded.path("valid").asBoolean()).isTrue();
        assertThat(upgraded.path("normalized").asString()).hasSize(18).startsWith(number.substring(0, 6)).doesNotContain(legacy);
        ServiceLog.assertNeverContains(number, legacy);
    }

    @Test
    void messagesFollowAcceptLanguage() {
        JsonNode en = check("91450200MA5K00012X", "", "en-GB,en;q=0.9");
        assertThat(en.path("errors").get(0).path("message").asString()).contains("check character");
        JsonNode zh = check("91450200MA5K00012X", "", "zh-CN,zh;q=0.9,en;q=0.5");
        assertThat(zh.path("errors").get(0).path("message").asString()).contains("校验码");
        JsonNode other = check("91450200MA5K00012X", "", "fr");
        assertThat(other.path("errors").get(0).path("message").asString()).as("Chinese unless English is asked for").contains("校验码");
    }

    @Test
    void anUnknownKindIsABadRequestProblem() {
        Subjects.anonymous().get("/api/v1/identifiers/91450200MA5K00012P?kind=PASSPORT").expectProblem(400, "PARAMETER_INVALID");
    }
}
