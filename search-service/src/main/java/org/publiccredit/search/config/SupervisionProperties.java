package org.publiccredit.search.config;

import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Settings of graded supervision (分级分类监管, {@code platform.supervision.*}): DOMAIN.md section 9 makes the sampling
 * rates configuration, never constants in code.
 *
 * @param rates the default inspection sampling rate per credit grade (A-D), each 0-1 (defaults A 3 %, B 5 %, C 10 %, D 20 %)
 * @param maxSubjects the most subjects one sample may draw (a larger one is refused with SAMPLE_TOO_LARGE)
 * @param index the Elasticsearch index the samples are kept in
 */
@ConfigurationProperties("platform.supervision")
public record SupervisionProperties(Map<String, Double> rates, int maxSubjects, String index) {

    public SupervisionProperties {
        Map<String, Double> r = new LinkedHashMap<>(Map.of("A", 0.03, "B", 0.05, "C", 0.10, "D", 0.20));
        if (rates != null) {
            rates.forEach((grade, rate) -> r.put(grade.strip().toUpperCase(java.util.Locale.ROOT), rate));
        }
        r.forEach((grade, rate) -> {
            if (!grade.matches("[ABCD]") || rate == null || !(rate >= 0 && rate <= 1)) {
                throw new IllegalArgumentException("platform.supervision.rates: grades A-D, each rate 0-1 (got " + grade + "=" + rate + ")");
            }
        });
        rates = Map.copyOf(r);
        // each grade is drawn by one search, whose page Elasticsearch caps at max_result_window (10,000)
        maxSubjects = maxSubjects > 0 ? Math.min(maxSubjects, 10_000) : 10_000;
        index = index != null && !index.isBlank() ? index : "credit-supervision-samples";
    }
}
