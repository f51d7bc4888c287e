package org.publiccredit.commons.id;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class IdentifiersTest {

    static final Clock CLOCK = Clock.fixed(Instant.parse("2025-06-01T04:00:00Z"), ZoneId.of("Asia/Shanghai"));

    @Test
    void normalisesFullWidthSpacesAndCase() {
        assertThat(Identifiers.normalize("\u3000９１４５０２００ＭＡ５Ｋ００００４７０\u3000")).isEqualTo("91450200MA5K0000470");
        assertThat(Identifiers.normalize("  91450200ma5k00012p\t")).isEqualTo("91450200MA5K00012P");
        assertThat(Identifiers.normalize("\uFEFF11010519491231002x")).isEqualTo("11010519491231002X");
        assertThat(Identifiers.normalize("９１ ４５\u3000０２")).isEqualTo("91 45\u300002");
        assertThat(Identifiers.normalize(null)).isEmpty();
        assertThat(Identifiers.normalize("\u3000 ")).isEmpty();
        assertThat(Identifiers.normalize("91450200MA5K00012P")).isEqualTo("91450200MA5K00012P");
    }

    @ParameterizedTest
    @CsvSource({
            "914403001922038216, USCC", "91440300708461136T, USCC", "911100001011200015, USCC", "91350100M000100Y43, USCC",
            "91450200MA5K00012P, USCC", "91450403MA5K000470, USCC",
            "11010519491231002X, ID_NUMBER", "450202199001011237, ID_NUMBER", "450202900101123, ID_NUMBER"})
    void detectsTheKindOfValidIdentifiers(String raw, IdentifierKind kind) {
        IdentifierCheck check = Identifiers.check(raw, CLOCK);
        assertThat(check.kind()).isEqualTo(kind);
        assertThat(check.valid()).isTrue();
        assertThat(check.errors()).isEmpty();
    }

    @Test
    void allDigitUsccIsAUscc() {
        assertThat(Identifiers.looksLikeIdNumber("911100001011200015")).isFalse();
        assertThat(Identifiers.check("911100001011200015").kind()).isEqualTo(IdentifierKind.USCC);
        // a broken all-digit USCC is still reported as a USCC
        IdentifierCheck broken = Identifiers.check("911100001011200016");
        assertThat(broken.kind()).isEqualTo(IdentifierKind.USCC);
        assertThat(broken.errorCodes()).containsExactly("USCC_CHECK_DIGIT");
    }

    @Test
    void allDigitUsccThatLooksLikeAnIdNumberIsStillAUscc() {
        // authority 1 / category 1 read as province 11 (Beijing), region 110119 + org code 900101.. read as 1990-01-01
        String found = null;
        for (int n = 0; n < 100 && found == null; n++) {
            String code = Uscc.of('1', '1', "110119", String.format("900101%02d", n)).value();
            if (Identifiers.looksLikeIdNumber(code) && !IdNumber.check(code, CLOCK).valid()) {
                found = code;
            }
        }
        assertThat(found).isNotNull();
        IdentifierCheck check = Identifiers.check(found, CLOCK);
        assertThat(check.kind()).isEqualTo(IdentifierKind.USCC);
        assertThat(check.valid()).isTrue();
    }

    @Test
    void idNumberWithABadCheckStaysAnIdNumber() {
        IdentifierCheck check = Identifiers.check("450202199001011238", CLOCK);
        assertThat(check.kind()).isEqualTo(IdentifierKind.ID_NUMBER);
        assertThat(check.errorCodes()).containsExactly("ID_NUMBER_CHECK_DIGIT");
        assertThat(check.toString()).doesNotContain("450202199001011238").contains("450202********1238");
    }

    @Test
    void idNumberWithAFutureBirthDateIsDetectedAndRefused() {
        IdentifierCheck check = Identifiers.check(IdentifierSamples.recheckId("450202203001010010"), CLOCK);
        assertThat(check.kind()).isEqualTo(IdentifierKind.ID_NUMBER);
        assertThat(check.errorCodes()).containsExactly("ID_NUMBER_BIRTH_DATE");
    }

    @Test
    void emptyAndOtherLengths() {
        IdentifierCheck empty = Identifiers.check(" \u3000");
        assertThat(empty.kind()).isNull();
        assertThat(empty.errorCodes()).containsExactly("IDENTIFIER_EMPTY");
        assertThat(Identifiers.check(null).errorCodes()).containsExactly("IDENTIFIER_EMPTY");
        IdentifierCheck shortOne = Identifiers.check("9145020");
        assertThat(shortOne.kind()).isNull();
        assertThat(shortOne.valid()).isFalse();
        assertThat(shortOne.errorCodes()).containsExactly("IDENTIFIER_LENGTH");
        assertThat(shortOne.errors().get(0).messageEn()).contains("Length 7");
    }

    @Test
    void fifteenCharactersAreALegacyIdNumber() {
        IdentifierCheck check = Identifiers.check("45020290010112A");
        assertThat(check.kind()).isEqualTo(IdentifierKind.ID_NUMBER);
        assertThat(check.errorCodes()).containsExactly("ID_NUMBER_FORBIDDEN_CHARACTER");
    }

    @Test
    void messagesInBothLanguages() {
        IdentifierError error = Uscc.check("91450200MA5K00012Q").errors().get(0);
        assertThat(error.message(Locale.SIMPLIFIED_CHINESE)).isEqualTo(error.messageZh()).contains("校验码");
        assertThat(error.message(Locale.forLanguageTag("zh-HK"))).isEqualTo(error.messageZh());
        assertThat(error.message(Locale.ENGLISH)).isEqualTo(error.messageEn()).contains("check character");
        assertThat(error.message(null)).isEqualTo(error.messageEn());
    }

    @Test
    void maskShowsSixAndFour() {
        assertThat(Identifiers.mask("450202199001011237")).isEqualTo("450202********1237");
        assertThat(Identifiers.mask("450202900101123")).isEqualTo("450202*****1123");
        assertThat(Identifiers.mask("12345")).isEqualTo("*****");
        assertThat(Identifiers.mask(null)).isEmpty();
    }

    @Test
    void subjectTypeLabels() {
        assertThat(SubjectType.INDIVIDUAL_BUSINESS.label(Locale.CHINA)).isEqualTo("个体工商户");
        assertThat(SubjectType.NATURAL_PERSON.label(Locale.UK)).isEqualTo("Natural person");
    }
}
