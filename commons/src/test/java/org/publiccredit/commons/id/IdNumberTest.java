package org.publiccredit.commons.id;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;

class IdNumberTest {

    static final Clock CLOCK = Clock.fixed(Instant.parse("2025-06-01T04:00:00Z"), ZoneId.of("Asia/Shanghai"));

    @Test
    void exampleFromTheStandard() {
        IdNumber id = IdNumber.parse("11010519491231002X");
        assertThat(id.value()).isEqualTo("11010519491231002X");
        assertThat(id.regionCode()).isEqualTo("110105");
        assertThat(id.birthDate()).isEqualTo(LocalDate.of(1949, 12, 31));
        assertThat(id.male()).isFalse();
        assertThat(id.upgradedFromLegacy()).isFalse();
        assertThat(IdNumber.checkCharacter("11010519491231002")).isEqualTo('X');
    }

    @Test
    void demoCitizen() {
        IdNumber id = IdNumber.parse("450202199001011237");
        assertThat(id.birthDate()).isEqualTo(LocalDate.of(1990, 1, 1));
        assertThat(id.male()).isTrue();
        assertThat(id.masked()).isEqualTo("450202********1237");
        assertThat(IdNumber.parse(" 11010519491231002x ")).isEqualTo(IdNumber.parse("11010519491231002X"));
    }

    @Test
    void toStringAndExceptionsNeverShowTheNumber() {
        IdNumber id = IdNumber.parse("450202199001011237");
        assertThat(id.toString()).isEqualTo("450202********1237").doesNotContain("450202199001011237");
        assertThat(String.valueOf(id)).doesNotContain("19900101");
        assertThat(IdNumber.check("450202199001011238").toString()).doesNotContain("450202199001011238").contains("ID_NUMBER_CHECK_DIGIT");
        assertThatThrownBy(() -> IdNumber.parse("450202199001011238"))
                .isInstanceOf(InvalidIdentifierException.class)
                .hasMessageNotContaining("450202199001011238")
                .hasMessageContaining("ID_NUMBER_CHECK_DIGIT");
    }

    @Test
    void legacyFifteenDigitsAreUpgraded() {
        IdNumber id = IdNumber.parse("450202900101123");
        assertThat(id.upgradedFromLegacy()).isTrue();
        assertThat(id.value()).isEqualTo("450202199001011237");
        assertThat(id.birthDate()).isEqualTo(LocalDate.of(1990, 1, 1));
        assertThat(id).isEqualTo(IdNumber.parse("450202199001011237"));
        IdentifierCheck check = IdNumber.check("450202900101123");
        assertThat(check.valid()).isTrue();
        assertThat(check.normalized()).isEqualTo("450202199001011237");
        assertThat(IdNumber.check("450202900230123").errorCodes()).containsExactly("ID_NUMBER_BIRTH_DATE");
    }

    @Test
    void february29OnlyInLeapYears() {
        String nonLeap = IdentifierSamples.recheckId("450202190002290010");  // 1900 is not a leap year
        String nonLeap2023 = IdentifierSamples.recheckId("450202202302290010");
        String leap = IdentifierSamples.recheckId("450202200002290010");     // 2000 is
        assertThat(IdNumber.check(nonLeap, CLOCK).errorCodes()).containsExactly("ID_NUMBER_BIRTH_DATE");
        assertThat(IdNumber.check(nonLeap2023, CLOCK).errorCodes()).containsExactly("ID_NUMBER_BIRTH_DATE");
        assertThat(IdNumber.check(leap, CLOCK).valid()).isTrue();
        assertThat(IdNumber.parse(leap, CLOCK).birthDate()).isEqualTo(LocalDate.of(2000, 2, 29));
    }

    @Test
    void birthDateInTheFutureWithAFixedClock() {
        String tomorrow = IdentifierSamples.recheckId("450202202506020010");
        String today = IdentifierSamples.recheckId("450202202506010010");
        assertThat(IdNumber.check(tomorrow, CLOCK).errorCodes()).containsExactly("ID_NUMBER_BIRTH_DATE");
        assertThat(IdNumber.check(today, CLOCK).valid()).isTrue();
        Clock later = Clock.offset(CLOCK, java.time.Duration.ofDays(1));
        assertThat(IdNumber.check(tomorrow, later).valid()).isTrue();
    }

    @Test
    void birthDateBefore1900() {
        assertThat(IdNumber.check(IdentifierSamples.recheckId("450202189912310010"), CLOCK).errorCodes()).containsExactly("ID_NUMBER_BIRTH_DATE");
        assertThat(IdNumber.check(IdentifierSamples.recheckId("450202190001010010"), CLOCK).valid()).isTrue();
    }

    @Test
    void eachErrorCode() {
        assertThat(IdNumber.check("4502021990010112").errorCodes()).containsExactly("ID_NUMBER_LENGTH");
        assertThat(IdNumber.check("45020219900101123A").errorCodes()).containsExactly("ID_NUMBER_FORBIDDEN_CHARACTER");
        assertThat(IdNumber.check("4502X2199001011237").errorCodes()).containsExactly("ID_NUMBER_FORBIDDEN_CHARACTER");
        assertThat(IdNumber.check(IdentifierSamples.recheckId("450202199013011237")).errorCodes()).containsExactly("ID_NUMBER_BIRTH_DATE");
        assertThat(IdNumber.check(IdentifierSamples.recheckId("990202199001011237")).errorCodes()).containsExactly("ID_NUMBER_UNKNOWN_REGION");
        assertThat(IdNumber.check("450202199001011238").errorCodes()).containsExactly("ID_NUMBER_CHECK_DIGIT");
        assertThat(IdNumber.check("  ").errorCodes()).containsExactly("IDENTIFIER_EMPTY");
    }

    @Test
    void reportsIndependentErrorsTogether() {
        assertThat(IdNumber.check("990202199013011238").errorCodes())
                .containsExactly("ID_NUMBER_UNKNOWN_REGION", "ID_NUMBER_BIRTH_DATE", "ID_NUMBER_CHECK_DIGIT");
        // a letter in the sequence: region and date still checked, the check character not computed
        assertThat(IdNumber.check("99020219901301A237").errorCodes())
                .containsExactly("ID_NUMBER_FORBIDDEN_CHARACTER", "ID_NUMBER_UNKNOWN_REGION", "ID_NUMBER_BIRTH_DATE");
    }

    @Test
    void forbiddenCharacterMessageNamesThePositionNotTheValue() {
        IdentifierCheck check = IdNumber.check("4502021990010112A7");
        assertThat(check.errors()).singleElement().satisfies(e -> {
            assertThat(e.code()).isEqualTo("ID_NUMBER_FORBIDDEN_CHARACTER");
            assertThat(e.messageEn()).contains("position 17").doesNotContain("450202");
            assertThat(e.messageZh()).contains("第17位").doesNotContain("450202");
        });
    }

    @Test
    void checkCharacterRefusesNonDigits() {
        assertThatThrownBy(() -> IdNumber.checkCharacter("1101051949123100X")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> IdNumber.checkCharacter("1101051949")).isInstanceOf(IllegalArgumentException.class);
    }
}
