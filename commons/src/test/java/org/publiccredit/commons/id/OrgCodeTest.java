package org.publiccredit.commons.id;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class OrgCodeTest {

    private static final String USCC = "91450200MA5K00012P";

    @Test
    void theCodeInsideAValidUsccParsesWithOrWithoutItsHyphenAndFullWidth() {
        String org = OrgCode.of(Uscc.parse(USCC));
        assertThat(org).isEqualTo("MA5K00012");
        assertThat(OrgCode.parse("MA5K00012")).contains(org);
        assertThat(OrgCode.parse(" ma5k0001-2 ")).contains(org);
        assertThat(OrgCode.parse("ＭＡ５Ｋ０００１２")).contains(org);
    }

    @Test
    void aWrongCheckCharacterOrShapeIsNoOrganisationCode() {
        assertThat(OrgCode.parse("MA5K00013")).isEmpty();
        assertThat(OrgCode.parse("MA5K0001")).isEmpty();
        assertThat(OrgCode.parse("MA5K0-0012")).isEmpty();
        assertThat(OrgCode.parse("MA5K0001*")).isEmpty();
        assertThat(OrgCode.parse(null)).isEmpty();
    }
}
