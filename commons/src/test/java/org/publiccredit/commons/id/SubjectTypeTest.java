package org.publiccredit.commons.id;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class SubjectTypeTest {

    @ParameterizedTest
    @EnumSource(SubjectType.class)
    void everyNameInAnyCaseAndEveryChineseLabelIsRead(SubjectType type) {
        assertThat(SubjectType.parse(type.name())).contains(type);
        assertThat(SubjectType.parse(type.name().toLowerCase(java.util.Locale.ROOT))).contains(type);
        assertThat(SubjectType.parse(type.labelZh())).contains(type);
        assertThat(SubjectType.parse(" \t" + type.name() + "\n")).as("surrounding white space").contains(type);
        assertThat(SubjectType.parse("\u3000" + type.labelZh() + "\u3000")).as("full-width spaces around a label").contains(type);
    }

    @Test
    void mixedCaseIsTheName() {
        assertThat(SubjectType.parse("Individual_Business")).contains(SubjectType.INDIVIDUAL_BUSINESS);
        assertThat(SubjectType.parse("natural_PERSON")).contains(SubjectType.NATURAL_PERSON);
        assertThat(SubjectType.parse("Enterprise")).contains(SubjectType.ENTERPRISE);
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {"   ", "\u3000"})
    void nothingIsNoType(String text) {
        assertThat(SubjectType.parse(text)).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "PERSON", "person", "COMPANY", // no aliases
            "Natural person", "Farmers' cooperative", "NATURAL PERSON", "NATURAL-PERSON", // no English labels or look-alike spellings
            "ENTERPRISES", "ENTERPRIS", "NATURAL_PERSON_", "_ENTERPRISE", // one character more or less
            "个体 工商户", "个体工商", "企业单位", // Chinese label with inner space, cut, or extended
            "ＥＮＴＥＲＰＲＩＳＥ", // full-width letters
            "ENTERPR\u0130SE", "\u0131ndividual_business", "\u017fOCIAL_ORGANI\u017fATION", // letters that upper- or lower-case to ASCII
            "1", "NATURAL_PERSON,ENTERPRISE"})
    void anythingElseIsUnknown(String text) {
        assertThat(SubjectType.parse(text)).isEmpty();
    }
}
