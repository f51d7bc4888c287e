package org.publiccredit.search.grades;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.publiccredit.commons.id.SubjectType;
import org.publiccredit.commons.problem.ApiException;
import org.publiccredit.commons.problem.FieldProblem;
import org.publiccredit.search.config.SupervisionProperties;
import org.publiccredit.search.index.Grade;

/**
 * The body of {@code POST /api/v1/supervision/samples}.
 *
 * @param purpose why the sample is drawn (required, at most 500 characters)
 * @param filters which organisations to draw from
 * @param rates inspection rates per grade A-D, each 0-1; a grade left out takes the configured rate
 * @param size instead of drawing each grade at its rate, this many subjects in all (1 up to the maximum of a sample),
 *        shared across the grades in proportion to population × rate
 * @param seed the seed of the draw; absent: one is chosen at random and recorded
 */
record SampleRequest(String purpose, SampleFilters filters, Map<String, Double> rates, Integer size, Long seed) {

    static final int MAX_PURPOSE = 500;

    /**
     * Which organisations.
     *
     * @param region a 2-, 4- or 6-digit division code prefix
     * @param industry a GB/T 4754 section letter A-T
     * @param type an organisation's subject type
     */
    record SampleFilters(String region, String industry, SubjectType type) {
    }

    /** The checked draw; every problem of the body at once as 400 VALIDATION_FAILED. */
    Sampler.Draw check(SupervisionProperties settings) {
        List<FieldProblem> problems = new ArrayList<>();
        String p = purpose != null ? purpose.strip() : null;
        if (p == null || p.isEmpty()) {
            problems.add(new FieldProblem("purpose", "FIELD_REQUIRED", "say what the sample is for"));
        } else if (p.length() > MAX_PURPOSE) {
            problems.add(new FieldProblem("purpose", "FIELD_TOO_LONG", "at most " + MAX_PURPOSE + " characters"));
        }
        Map<Grade, Double> asked = new EnumMap<>(Grade.class);
        if (rates != null) {
            rates.forEach((grade, rate) -> {
                var g = Grade.parse(grade);
                if (g.isEmpty()) {
                    problems.add(new FieldProblem("rates", "FIELD_UNKNOWN", "rates are per grade A, B, C or D"));
                } else if (rate == null || !(rate >= 0 && rate <= 1)) {
                    problems.add(new FieldProblem("rates." + g.get().name(), "FIELD_RANGE", "a rate from 0 to 1"));
                } else {
                    asked.put(g.get(), rate);
                }
            });
        }
        if (size != null && (size < 1 || size > settings.maxSubjects())) {
            problems.add(new FieldProblem("size", "FIELD_RANGE", "from 1 to " + settings.maxSubjects()));
        }
        OrganisationFilter filter = OrganisationFilter.NONE;
        try {
            SampleFilters f = filters != null ? filters : new SampleFilters(null, null, null);
            filter = OrganisationFilter.of(f.region(), f.industry(), f.type() != null ? f.type().name() : null, "filters.");
        } catch (ApiException e) {
            problems.addAll(e.errors());
        }
        if (!problems.isEmpty()) {
            throw ApiException.invalid("VALIDATION_FAILED", "The sample request has invalid fields", problems);
        }
        return new Sampler.Draw(p, filter, Sampler.rates(settings.rates(), asked), size, seed, settings.maxSubjects());
    }
}
