package org.publiccredit.gateway.web;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class Utf8TargetWebFilterTest {

    @Test
    void escapesOfUtf8Decode() {
        assertThat(Utf8TargetWebFilter.decodes("/api/v1/search")).isTrue();
        assertThat(Utf8TargetWebFilter.decodes("q=%E6%9F%B3%E5%B7%9E&size=1")).isTrue();
        assertThat(Utf8TargetWebFilter.decodes(null)).isTrue();
    }

    @Test
    void escapesOfOverlongSurrogateOrCutSequencesDoNot() {
        assertThat(Utf8TargetWebFilter.decodes("/api/v1/cases/x/effects/%ED%A0%80:retry")).isFalse();
        assertThat(Utf8TargetWebFilter.decodes("purpose=%C0%AF")).isFalse();
        assertThat(Utf8TargetWebFilter.decodes("q=%E6%9F")).isFalse();
        assertThat(Utf8TargetWebFilter.decodes("q=%80")).isFalse();
    }
}
