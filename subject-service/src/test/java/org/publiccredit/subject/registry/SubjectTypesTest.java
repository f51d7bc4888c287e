package org.publiccredit.subject.registry;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;
import org.publiccredit.commons.id.SubjectType;
import org.publiccredit.commons.id.Uscc;

class SubjectTypesTest {

    private static Uscc code(char authority, char category) {
        return Uscc.of(authority, category, "450200", "MA5K0001");
    }

    @ParameterizedTest
    @CsvSource({"9,1,ENTERPRISE", "9,2,INDIVIDUAL_BUSINESS", "9,3,FARMERS_COOPERATIVE", "5,1,SOCIAL_ORGANISATION",
            "5,3,SOCIAL_ORGANISATION", "1,1,GOVERNMENT_AGENCY", "1,2,PUBLIC_INSTITUTION", "Y,1,OTHER_ORGANISATION"})
    void theTypeIsDerivedFromPositionsOneAndTwo(char authority, char category, SubjectType expected) {
        assertThat(SubjectTypes.forOrganisation(code(authority, category), null)).contains(expected);
        assertThat(SubjectTypes.forOrganisation(code(authority, category), expected)).as("stated and agreeing").contains(expected);
    }

    @Test
    void aStatedTypeThatDisagreesWithTheCodeIsAMismatch() {
        assertThat(SubjectTypes.forOrganisation(code('9', '2'), SubjectType.ENTERPRISE)).isEmpty();
        assertThat(SubjectTypes.forOrganisation(code('9', '1'), SubjectType.INDIVIDUAL_BUSINESS)).isEmpty();
        assertThat(SubjectTypes.forOrganisation(code('9', '1'), SubjectType.NATURAL_PERSON)).isEmpty();
    }

    @Test
    void aPersonIsAlwaysANaturalPerson() {
        assertThat(SubjectTypes.forPerson(null)).contains(SubjectType.NATURAL_PERSON);
        assertThat(SubjectTypes.forPerson(SubjectType.NATURAL_PERSON)).contains(SubjectType.NATURAL_PERSON);
        assertThat(SubjectTypes.forPerson(SubjectType.ENTERPRISE)).isEmpty();
    }

    @Test
    void typesParseByNameOrChineseLabel() {
        assertThat(SubjectTypes.parse("individual_business")).contains(SubjectType.INDIVIDUAL_BUSINESS);
        assertThat(SubjectTypes.parse("个体工商户")).contains(SubjectType.INDIVIDUAL_BUSINESS);
        assertThat(SubjectTypes.parse("农民专业合作社")).contains(SubjectType.FARMERS_COOPERATIVE);
        assertThat(SubjectTypes.parse("company")).isEmpty();
    }
}
