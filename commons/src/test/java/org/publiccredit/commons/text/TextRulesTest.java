package org.publiccredit.commons.text;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.publiccredit.commons.problem.ApiException;

class TextRulesTest {

    @Test
    void nulAndUnpairedSurrogatesAreRefused() {
        assertThat(TextRules.firstInvalid("ab\u0000c")).isEqualTo(2);
        assertThat(TextRules.firstInvalid("a\ud800")).isEqualTo(1);
        assertThat(TextRules.firstInvalid("\ud800b")).isZero();
        assertThat(TextRules.firstInvalid("a\udc00")).isEqualTo(1);
        assertThat(TextRules.firstInvalid("\udc00\ud800")).isZero();
    }

    @Test
    void ordinaryTextPasses() {
        assertThat(TextRules.isValid("桂市监罚〔2026〕1号 😀 \t\n")).isTrue();
        assertThat(TextRules.isValid("")).isTrue();
        assertThat(TextRules.isValid(null)).isTrue();
    }

    @Test
    void aRefusalNamesTheFieldWithAStableCode() {
        assertThat(TextRules.check("documentNumber", "x\ud800")).hasValueSatisfying(p -> {
            assertThat(p.field()).isEqualTo("documentNumber");
            assertThat(p.code()).isEqualTo("TEXT_INVALID_CHARACTER");
        });
        assertThat(TextRules.check("name", "ok")).isEmpty();
        assertThatThrownBy(() -> TextRules.require("reason", "\u0000")).isInstanceOfSatisfying(ApiException.class, e -> {
            assertThat(e.code()).isEqualTo("VALIDATION_FAILED");
            assertThat(e.errors()).singleElement().satisfies(p -> assertThat(p.field()).isEqualTo("reason"));
        });
    }
}
