package org.publiccredit.search.grades;

import co.elastic.clients.elasticsearch._types.query_dsl.Query;
import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.ArrayList;
import java.util.List;
import org.publiccredit.commons.id.SubjectType;
import org.publiccredit.commons.problem.ApiException;
import org.publiccredit.commons.problem.FieldProblem;
import org.publiccredit.search.index.Filters;

/**
 * Which organisations grade statistics and supervision samples are about: public organisations (never natural persons),
 * narrowed by region, industry and type. Checked here; the same checks and filters as the search ({@link Filters}).
 *
 * @param region a 2-, 4- or 6-digit division code prefix
 * @param industry a GB/T 4754 section letter A-T
 * @param type an organisation's subject type, e.g. {@code ENTERPRISE}
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
record OrganisationFilter(String region, String industry, String type) {

    static final OrganisationFilter NONE = new OrganisationFilter(null, null, null);

    /**
     * The checked filter; a bad value is a 400 VALIDATION_FAILED naming the field as {@code prefix + name}.
     *
     * @param prefix {@code ""} for query parameters, {@code "filters."} in a request body
     */
    static OrganisationFilter of(String region, String industry, String type, String prefix) {
        List<FieldProblem> problems = new ArrayList<>();
        String r = Filters.region(prefix + "region", region, problems);
        String i = Filters.industry(prefix + "industry", industry, problems);
        String t = Filters.type(prefix + "type", type, problems);
        if (t != null && t.equals(SubjectType.NATURAL_PERSON.name())) {
            problems.add(new FieldProblem(prefix + "type", "FIELD_INVALID", "grades are of organisations: not NATURAL_PERSON"));
        }
        if (!problems.isEmpty()) {
            throw ApiException.invalid("VALIDATION_FAILED", "The request has invalid parameters", problems);
        }
        return new OrganisationFilter(r, i, t);
    }

    /** Public organisations matching the filter. */
    List<Query> queries() {
        List<Query> q = new ArrayList<>();
        q.add(Filters.visible());
        q.add(Filters.organisations());
        q.addAll(Filters.of(region, industry, type, List.of()));
        return q;
    }
}
