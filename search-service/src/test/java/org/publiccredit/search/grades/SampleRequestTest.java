package org.publiccredit.search.grades;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.publiccredit.commons.id.SubjectType;
import org.publiccredit.commons.problem.ApiException;
import org.publiccredit.commons.problem.FieldProblem;
import org.publiccredit.search.config.SupervisionProperties;
import org.publiccredit.search.index.Grade;

class SampleRequestTest {

    private static final SupervisionProperties SETTINGS = new SupervisionProperties(null, 0, null);

    @Test
    void theConfiguredRatesAreTheDefaultsAndAGivenRateReplacesItsGradeOnly() {
        assertThat(SETTINGS.rates()).containsEntry("A", 0.03).containsEntry("B", 0.05).containsEntry("C", 0.10).containsEntry("D", 0.20);
        assertThat(SETTINGS.maxSubjects()).isEqualTo(10_000);
        Sampler.Draw d = new SampleRequest(" 年度双随机抽查 ", new SampleRequest.SampleFilters("4502", "c", SubjectType.ENTERPRISE),
                Map.of("d", 0.5), null, 7L).check(SETTINGS);
        assertThat(d.purpose()).isEqualTo("年度双随机抽查");
        assertThat(d.rates()).containsEntry(Grade.A, 0.03).containsEntry(Grade.D, 0.5);
        assertThat(d.filter()).isEqualTo(new OrganisationFilter("4502", "C", "ENTERPRISE"));
        assertThat(d.seed()).isEqualTo(7L);
    }

    @Test
    void everyBadFieldIsNamedAtOnce() {
        Map<String, Double> rates = new LinkedHashMap<>();
        rates.put("E", 0.1);
        rates.put("B", 1.5);
        rates.put("C", null);
        SampleRequest bad = new SampleRequest("   ", new SampleRequest.SampleFilters("45020", "Z", SubjectType.NATURAL_PERSON), rates, 0, null);
        assertThatThrownBy(() -> bad.check(SETTINGS)).isInstanceOfSatisfying(ApiException.class, e -> {
            assertThat(e.code()).isEqualTo("VALIDATION_FAILED");
            assertThat(e.errors()).extracting(FieldProblem::field)
                    .containsExactlyInAnyOrder("purpose", "rates", "rates.B", "rates.C", "size", "filters.region", "filters.industry", "filters.type");
        });
        assertThatThrownBy(() -> new SampleRequest("x".repeat(501), null, null, 10_001, null).check(SETTINGS))
                .isInstanceOfSatisfying(ApiException.class, e -> assertThat(e.errors()).extracting(FieldProblem::field)
                        .containsExactly("purpose", "size"));
    }

    @Test
    void badConfiguredRatesStopTheStart() {
        assertThatThrownBy(() -> new SupervisionProperties(Map.of("B", 2.0), 0, null)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new SupervisionProperties(Map.of("E", 0.1), 0, null)).isInstanceOf(IllegalArgumentException.class);
    }
}
