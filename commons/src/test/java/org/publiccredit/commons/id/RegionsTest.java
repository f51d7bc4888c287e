package org.publiccredit.commons.id;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

class RegionsTest {

    @ParameterizedTest
    @CsvSource({
            "100000, true", "110000, true", "650000, true", "710000, true", "810000, true", "820000, true",
            "450000, true", "450200, true", "450202, true", "450206, true", "450221, true", "450499, false", "450299, false",
            "451400, true", "451500, false", "452200, true", "452223, true",
            "450102, true",       // Nanning: counties not listed, so not checked
            "440300, true", "440305, true", "441000, false", // Guangdong has no 4410
            "330100, true", "350100, true", "110105, true", "110110, false", "110228, true",
            "120101, true", "370202, true", // provinces without listed prefectures
            "100100, false", "900000, false", "000000, false", "450012, false", "45020A, false", "4502, false"})
    void knownFollowsTheRule(String code, boolean known) {
        assertThat(Regions.known(code)).isEqualTo(known);
    }

    @Test
    void nullIsUnknown() {
        assertThat(Regions.known(null)).isFalse();
        assertThat(Regions.name(null)).isEmpty();
    }

    @Test
    void names() {
        assertThat(Regions.name("450200")).contains("柳州市");
        assertThat(Regions.name("450403")).contains("万秀区");
        assertThat(Regions.name("110105")).contains("朝阳区");
        assertThat(Regions.name("450102")).isEmpty();
    }

    @Test
    void countiesOfLiuzhouAndWuzhouAreCurrentOnly() {
        assertThat(Regions.countiesOf("4502")).containsExactly("450202", "450203", "450204", "450205", "450206",
                "450222", "450223", "450224", "450225", "450226");
        assertThat(Regions.countiesOf("4504")).containsExactly("450403", "450405", "450406", "450421", "450422", "450423", "450481");
        assertThat(Regions.countiesOf("4501")).isEmpty();
        assertThat(Regions.countiesOf(null)).isEmpty();
    }

    @Test
    void everyPrefectureOfGuangxiIsKnown() {
        for (int p = 1; p <= 14; p++) {
            assertThat(Regions.known(String.format("45%02d00", p))).as("45%02d00", p).isTrue();
            assertThat(Regions.name(String.format("45%02d00", p))).isPresent();
        }
    }
}
