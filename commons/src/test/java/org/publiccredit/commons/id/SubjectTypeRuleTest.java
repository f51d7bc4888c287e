package org.publiccredit.commons.id;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.EnumSet;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;

class SubjectTypeRuleTest {

    private static Uscc code(char authority, char category) {
        return Uscc.of(authority, category, "450200", "MA5K0001");
    }

    @ParameterizedTest
    @CsvSource({"9,1,ENTERPRISE", "9,2,INDIVIDUAL_BUSINESS", "9,3,FARMERS_COOPERATIVE", "5,1,SOCIAL_ORGANISATION",
            "5,3,SOCIAL_ORGANISATION", "8,9,SOCIAL_ORGANISATION", "1,1,GOVERNMENT_AGENCY", "1,2,PUBLIC_INSTITUTION",
            "A,1,PUBLIC_INSTITUTION", "N,3,OTHER_ORGANISATION", "Y,1,OTHER_ORGANISATION"})
    void aCodeAllowsTheTypeOfItsPositionsOneAndTwo(char authority, char category, SubjectType expected) {
        Uscc uscc = code(authority, category);
        assertThat(SubjectTypeRule.allowed(uscc)).containsExactly(expected);
        assertThat(SubjectTypeRule.forOrganisation(uscc, null)).as("none stated").contains(expected);
        assertThat(SubjectTypeRule.forOrganisation(uscc, expected)).as("stated and agreeing").contains(expected);
    }

    @Test
    void everyListedPairAgreesWithItsOwnTypeOnly() {
        IdentifierSamples.CATEGORIES.forEach((authority, categories) -> {
            for (char category : categories.toCharArray()) {
                Uscc uscc = code(authority, category);
                SubjectType own = uscc.derivedType().orElseThrow();
                for (SubjectType stated : SubjectType.values()) {
                    assertThat(SubjectTypeRule.forOrganisation(uscc, stated)).as("%s%s stated %s", authority, category, stated)
                            .isEqualTo(stated == own ? java.util.Optional.of(own) : java.util.Optional.empty());
                }
            }
        });
    }

    @Test
    void aSoleTradersCodeIsNoEnterpriseAndTheOtherWayRound() {
        assertThat(SubjectTypeRule.forOrganisation(code('9', '2'), SubjectType.ENTERPRISE)).isEmpty();
        assertThat(SubjectTypeRule.forOrganisation(code('9', '1'), SubjectType.INDIVIDUAL_BUSINESS)).isEmpty();
    }

    @Test
    void anOrganisationIsNeverANaturalPerson() {
        assertThat(SubjectTypeRule.forOrganisation(code('9', '1'), SubjectType.NATURAL_PERSON)).isEmpty();
        assertThat(SubjectTypeRule.forOrganisation(code('Y', '1'), SubjectType.NATURAL_PERSON)).isEmpty();
    }

    @Test
    void aPersonIsANaturalPersonOnly() {
        assertThat(SubjectTypeRule.forPerson(null)).contains(SubjectType.NATURAL_PERSON);
        assertThat(SubjectTypeRule.forPerson(SubjectType.NATURAL_PERSON)).contains(SubjectType.NATURAL_PERSON);
        for (SubjectType other : EnumSet.complementOf(EnumSet.of(SubjectType.NATURAL_PERSON))) {
            assertThat(SubjectTypeRule.forPerson(other)).as("stated %s", other).isEmpty();
        }
    }

    @Test
    void aRowThatNamesNoTypeAllowsAnyOrganisationTypeAndDefaultsToOther() {
        Set<SubjectType> any = SubjectTypeRule.ORGANISATION_TYPES;
        assertThat(any).doesNotContain(SubjectType.NATURAL_PERSON).hasSize(SubjectType.values().length - 1);
        assertThat(SubjectTypeRule.agree(any, null)).contains(SubjectType.OTHER_ORGANISATION);
        assertThat(SubjectTypeRule.agree(any, SubjectType.PUBLIC_INSTITUTION)).contains(SubjectType.PUBLIC_INSTITUTION);
        assertThat(SubjectTypeRule.agree(any, SubjectType.NATURAL_PERSON)).isEmpty();
        assertThat(SubjectTypeRule.agree(Set.of(), null)).as("nothing allowed").isEmpty();
    }

    @Test
    void aCheckedIdentifierGoesByItsKind() {
        IdentifierCheck enterprise = Identifiers.check("91450200MA5K00012P");
        assertThat(SubjectTypeRule.forIdentifier(enterprise, null)).contains(SubjectType.ENTERPRISE);
        assertThat(SubjectTypeRule.forIdentifier(enterprise, SubjectType.INDIVIDUAL_BUSINESS)).isEmpty();
        IdentifierCheck person = Identifiers.check("450202199001011237");
        assertThat(SubjectTypeRule.forIdentifier(person, null)).contains(SubjectType.NATURAL_PERSON);
        assertThat(SubjectTypeRule.forIdentifier(person, SubjectType.NATURAL_PERSON)).contains(SubjectType.NATURAL_PERSON);
        assertThat(SubjectTypeRule.forIdentifier(person, SubjectType.ENTERPRISE)).isEmpty();
        IdentifierCheck allDigits = Identifiers.check("911100001011200015");
        assertThat(allDigits.kind()).isEqualTo(IdentifierKind.USCC);
        assertThat(SubjectTypeRule.forIdentifier(allDigits, SubjectType.NATURAL_PERSON)).isEmpty();
    }

    @ParameterizedTest
    @EnumSource(SubjectType.class)
    void anInvalidIdentifierHasNoType(SubjectType stated) {
        assertThatThrownBy(() -> SubjectTypeRule.forIdentifier(Identifiers.check("91450200MA5K00012Q"), stated))
                .isInstanceOf(IllegalArgumentException.class).hasMessageNotContaining("91450200MA5K00012Q");
    }
}
