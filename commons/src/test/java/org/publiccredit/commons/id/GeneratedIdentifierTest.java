package org.publiccredit.commons.id;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.HashSet;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Generated valid identifiers, and single mutations of them that must give exactly the expected error code. */
class GeneratedIdentifierTest {

    static final Clock CLOCK = Clock.fixed(Instant.parse("2025-06-01T04:00:00Z"), ZoneId.of("Asia/Shanghai"));
    static final List<String> USCCS = IdentifierSamples.validUsccs(300, 42L);
    static final List<String> ID_NUMBERS = IdentifierSamples.validIdNumbers(300, 43L);

    static Stream<String> usccs() {
        return USCCS.stream();
    }

    static Stream<String> idNumbers() {
        return ID_NUMBERS.stream();
    }

    static Stream<IdentifierSamples.Mutation> usccMutations() {
        return IdentifierSamples.usccMutations(USCCS, 7L).stream();
    }

    static Stream<IdentifierSamples.Mutation> idMutations() {
        return IdentifierSamples.idMutations(ID_NUMBERS, 8L).stream();
    }

    @Test
    void generatorCoversTheTable() {
        assertThat(USCCS).hasSize(300);
        assertThat(USCCS.stream().map(c -> c.substring(0, 2)).distinct().count()).isEqualTo(35);
        assertThat(USCCS.stream().map(c -> c.substring(2, 8)).distinct().count()).isGreaterThan(20);
        assertThat(ID_NUMBERS).hasSize(300);
    }

    @ParameterizedTest
    @MethodSource("usccs")
    void generatedUsccIsValidEverywhere(String code) {
        assertThat(Uscc.check(code).errorCodes()).isEmpty();
        Uscc uscc = Uscc.parse(code);
        assertThat(uscc.value()).isEqualTo(code);
        assertThat(uscc.derivedType()).isPresent();
        assertThat(Uscc.organisationCodeCheck(code.substring(8, 16))).isEqualTo(code.charAt(16));
        IdentifierCheck detected = Identifiers.check(code, CLOCK);
        assertThat(detected.valid()).isTrue();
        // only a code that is also a valid id number may be read as one
        if (detected.kind() != IdentifierKind.USCC) {
            assertThat(IdNumber.check(code, CLOCK).valid()).isTrue();
        }
        // lower case and full width normalise to the same code
        assertThat(Uscc.parse(toFullWidth(code.toLowerCase()))).isEqualTo(uscc);
    }

    @ParameterizedTest
    @MethodSource("usccMutations")
    void usccMutationGivesItsCode(IdentifierSamples.Mutation mutation) {
        IdentifierCheck check = Uscc.check(mutation.mutated());
        assertThat(check.valid()).isFalse();
        assertThat(new HashSet<>(check.errorCodes())).isEqualTo(mutation.expectedCodes());
        assertThatThrownBy(() -> Uscc.parse(mutation.mutated()))
                .isInstanceOfSatisfying(InvalidIdentifierException.class,
                        e -> assertThat(new HashSet<>(e.errors().stream().map(IdentifierError::code).toList())).isEqualTo(mutation.expectedCodes()));
    }

    @ParameterizedTest
    @MethodSource("idNumbers")
    void generatedIdNumberIsValidEverywhere(String number) {
        IdNumber id = IdNumber.parse(number, CLOCK);
        assertThat(id.value()).isEqualTo(number);
        assertThat(id.toString()).doesNotContain(number).isEqualTo(id.masked());
        assertThat(id.masked()).startsWith(number.substring(0, 6)).endsWith(number.substring(14)).contains("********");
        assertThat(id.birthDate()).isEqualTo(LocalDate.of(Integer.parseInt(number.substring(6, 10)),
                Integer.parseInt(number.substring(10, 12)), Integer.parseInt(number.substring(12, 14))));
        assertThat(id.male()).isEqualTo((number.charAt(16) - '0') % 2 == 1);
        assertThat(id.upgradedFromLegacy()).isFalse();
        IdentifierCheck detected = Identifiers.check(number, CLOCK);
        assertThat(detected.kind()).isEqualTo(IdentifierKind.ID_NUMBER);
        assertThat(detected.valid()).isTrue();
        assertThat(detected.toString()).doesNotContain(number);
        if (number.startsWith("19", 6)) {
            String legacy = number.substring(0, 6) + number.substring(8, 17);
            IdNumber upgraded = IdNumber.parse(legacy, CLOCK);
            assertThat(upgraded.upgradedFromLegacy()).isTrue();
            assertThat(upgraded).isEqualTo(id);
        }
    }

    @ParameterizedTest
    @MethodSource("idMutations")
    void idMutationGivesItsCode(IdentifierSamples.Mutation mutation) {
        IdentifierCheck check = IdNumber.check(mutation.mutated(), CLOCK);
        assertThat(check.valid()).isFalse();
        assertThat(new HashSet<>(check.errorCodes())).isEqualTo(mutation.expectedCodes());
        for (IdentifierError error : check.errors()) {
            assertThat(error.messageZh()).doesNotContain(mutation.mutated()).doesNotContain(mutation.valid());
            assertThat(error.messageEn()).doesNotContain(mutation.mutated()).doesNotContain(mutation.valid());
        }
        assertThatThrownBy(() -> IdNumber.parse(mutation.mutated(), CLOCK))
                .isInstanceOf(InvalidIdentifierException.class)
                .message().doesNotContain(mutation.mutated());
    }

    static String toFullWidth(String s) {
        StringBuilder sb = new StringBuilder();
        for (char c : s.toCharArray()) {
            sb.append(c >= '!' && c <= '~' ? (char) (c + 0xFEE0) : c);
        }
        return "\u3000" + sb + " ";
    }
}
