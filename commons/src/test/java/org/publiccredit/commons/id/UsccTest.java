package org.publiccredit.commons.id;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class UsccTest {

    @ParameterizedTest
    @ValueSource(strings = {"914403001922038216", "91440300708461136T", "91330100716105852F", "911100001011200015",
            "91350100M000100Y43", "91450200MA5K00012P", "91450403MA5K000470"})
    void realAndDemoCodesPass(String code) {
        IdentifierCheck check = Uscc.check(code);
        assertThat(check.errors()).isEmpty();
        assertThat(check.valid()).isTrue();
        assertThat(check.kind()).isEqualTo(IdentifierKind.USCC);
        assertThat(Uscc.checkCharacter(code.substring(0, 17))).isEqualTo(code.substring(17));
        assertThat(Uscc.organisationCodeCheck(code.substring(8, 16))).isEqualTo(code.charAt(16));
        assertThat(Uscc.parse(code).toString()).isEqualTo(code);
    }

    @Test
    void partsOfACode() {
        Uscc uscc = Uscc.parse("91450200MA5K00012P");
        assertThat(uscc.registrationAuthority()).isEqualTo('9');
        assertThat(uscc.category()).isEqualTo('1');
        assertThat(uscc.regionCode()).isEqualTo("450200");
        assertThat(uscc.organisationCode()).isEqualTo("MA5K00012");
        assertThat(uscc.derivedType()).contains(SubjectType.ENTERPRISE);
        assertThat(uscc).isEqualTo(Uscc.parse(" 91450200ma5k00012p ")).hasSameHashCodeAs(Uscc.parse("91450200ma5k00012p"));
    }

    @ParameterizedTest
    @CsvSource({
            "9, 1, ENTERPRISE", "9, 2, INDIVIDUAL_BUSINESS", "9, 3, FARMERS_COOPERATIVE",
            "1, 1, GOVERNMENT_AGENCY", "1, 2, PUBLIC_INSTITUTION", "1, 3, SOCIAL_ORGANISATION", "1, 9, OTHER_ORGANISATION",
            "5, 1, SOCIAL_ORGANISATION", "5, 2, SOCIAL_ORGANISATION", "5, 3, SOCIAL_ORGANISATION", "5, 9, SOCIAL_ORGANISATION",
            "8, 1, SOCIAL_ORGANISATION", "A, 1, PUBLIC_INSTITUTION", "N, 2, OTHER_ORGANISATION", "Y, 1, OTHER_ORGANISATION",
            "3, 4, OTHER_ORGANISATION", "7, 2, OTHER_ORGANISATION"})
    void derivedTypeFollowsTheTable(char authority, char category, SubjectType expected) {
        Uscc uscc = Uscc.of(authority, category, "450202", "MA5K0001");
        assertThat(uscc.derivedType()).isEqualTo(Optional.of(expected));
        assertThat(uscc.registrationAuthority()).isEqualTo(authority);
        assertThat(uscc.category()).isEqualTo(category);
    }

    @Test
    void ofComputesBothChecks() {
        assertThat(Uscc.of('9', '1', "450200", "MA5K0001").value()).isEqualTo("91450200MA5K00012P");
        assertThat(Uscc.of('9', '1', "450403", "MA5K0004").value()).isEqualTo("91450403MA5K000470");
        assertThat(Uscc.of('9', '1', "440300", "19220382").value()).isEqualTo("914403001922038216");
    }

    @Test
    void ofRefusesInvalidParts() {
        assertThatThrownBy(() -> Uscc.of('B', '1', "450200", "MA5K0001"))
                .isInstanceOfSatisfying(InvalidIdentifierException.class,
                        e -> assertThat(e.errors()).extracting(IdentifierError::code).containsExactly("USCC_UNKNOWN_AUTHORITY"));
        assertThatThrownBy(() -> Uscc.of('9', '1', "450200", "MA5K000I"))
                .isInstanceOfSatisfying(InvalidIdentifierException.class,
                        e -> assertThat(e.errors()).extracting(IdentifierError::code).containsExactly("USCC_FORBIDDEN_CHARACTER"));
        assertThatThrownBy(() -> Uscc.of('9', '1', "4502", "MA5K0001")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Uscc.of('9', '1', "450200", "ma5k0001")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void organisationCodeCheckMapsTenToXAndElevenToZero() {
        // Σ mod 11 = 1 gives 10 → X; Σ mod 11 = 0 gives 11 → 0
        assertThat(Uscc.organisationCodeCheck("00000000")).isEqualTo('0');
        assertThat(Uscc.organisationCodeCheck("00000006")).isEqualTo('X'); // 6 × 2 = 12, 12 mod 11 = 1
        assertThat(Uscc.organisationCodeCheck("10000000")).isEqualTo('8'); // 11 - 3
    }

    @Test
    void checkCharacterRefusesBadInput() {
        assertThatThrownBy(() -> Uscc.checkCharacter("9145020")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Uscc.checkCharacter("91450200MA5K0001I")).isInstanceOf(IllegalArgumentException.class);
        assertThat(Uscc.checkCharacter("00000000000000000")).isEqualTo("0");
    }

    @Test
    void eachErrorCode() {
        assertThat(Uscc.check("91450200MA5K0001").errorCodes()).containsExactly("USCC_LENGTH");
        assertThat(Uscc.check("9145020OMA5K00012P").errorCodes()).containsExactly("USCC_FORBIDDEN_CHARACTER");
        assertThat(Uscc.check("B1450200MA5K00012P").errorCodes()).containsExactly("USCC_UNKNOWN_AUTHORITY", "USCC_CHECK_DIGIT");
        assertThat(Uscc.check(IdentifierSamples.recheck("95450200MA5K00012P")).errorCodes()).containsExactly("USCC_UNKNOWN_CATEGORY");
        assertThat(Uscc.check(IdentifierSamples.recheck("91990000MA5K00012P")).errorCodes()).containsExactly("USCC_UNKNOWN_REGION");
        assertThat(Uscc.check(IdentifierSamples.recheck("91450200MA5K00013P")).errorCodes()).containsExactly("USCC_ORG_CODE_CHECK");
        assertThat(Uscc.check("91450200MA5K00012Q").errorCodes()).containsExactly("USCC_CHECK_DIGIT");
        assertThat(Uscc.check("").errorCodes()).containsExactly("IDENTIFIER_EMPTY");
        assertThat(Uscc.check(null).errorCodes()).containsExactly("IDENTIFIER_EMPTY");
    }

    @Test
    void forbiddenCharacterMessageNamesThePosition() {
        IdentifierCheck check = Uscc.check("91450200MA5K0001ZP");
        assertThat(check.errors()).singleElement().satisfies(e -> {
            assertThat(e.code()).isEqualTo("USCC_FORBIDDEN_CHARACTER");
            assertThat(e.messageEn()).contains("position 17");
            assertThat(e.messageZh()).contains("第17位");
        });
    }

    @Test
    void reportsIndependentErrorsTogetherButNoChecksOnWrongCharacters() {
        // unknown authority, unknown region and both checks wrong
        assertThat(Uscc.check("B1990000MA5K00013Q").errorCodes())
                .containsExactly("USCC_UNKNOWN_AUTHORITY", "USCC_UNKNOWN_REGION", "USCC_ORG_CODE_CHECK", "USCC_CHECK_DIGIT");
        // a forbidden character and an unknown region: no check is computed
        assertThat(Uscc.check("91990000MA5K0001SQ").errorCodes()).containsExactly("USCC_FORBIDDEN_CHARACTER", "USCC_UNKNOWN_REGION");
        // wrong length: only length and characters
        assertThat(Uscc.check("B199000OMA5K").errorCodes()).containsExactly("USCC_LENGTH", "USCC_FORBIDDEN_CHARACTER");
    }

    @Test
    void normalisesBeforeChecking() {
        assertThat(Uscc.parse("\t９１４５０４０３ｍａ５ｋ０００４７０\u3000").value()).isEqualTo("91450403MA5K000470");
        IdentifierCheck check = Uscc.check("\u3000９１４５０２００ｍａ５ｋ０００１２ｐ ");
        assertThat(check.valid()).isTrue();
        assertThat(check.normalized()).isEqualTo("91450200MA5K00012P");
        assertThat(Uscc.check("91450200 MA5K00012P").errorCodes()).containsExactly("USCC_LENGTH", "USCC_FORBIDDEN_CHARACTER");
    }
}
