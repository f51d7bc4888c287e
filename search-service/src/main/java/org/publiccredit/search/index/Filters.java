package org.publiccredit.search.index;

import co.elastic.clients.elasticsearch._types.FieldValue;
import co.elastic.clients.elasticsearch._types.query_dsl.Query;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
import org.publiccredit.commons.id.SubjectType;
import org.publiccredit.commons.problem.FieldProblem;

/**
 * The filters every read of the subject documents shares (the search, grade statistics, supervision samples): their
 * checks, with the field problem a bad value answers, and the Elasticsearch filter each one is.
 */
public final class Filters {

    private static final Pattern REGION = Pattern.compile("\\d{2}|\\d{4}|\\d{6}");
    /** A section (门类) of GB/T 4754-2017, as subject-service's registry holds it. */
    private static final Pattern INDUSTRY = Pattern.compile("[A-T]");

    private Filters() {
    }

    /** A 2-, 4- or 6-digit division code prefix, or null when blank; a bad one adds its problem. */
    public static String region(String field, String value, List<FieldProblem> problems) {
        String r = blankToNull(value);
        if (r != null && !REGION.matcher(r).matches()) {
            problems.add(new FieldProblem(field, "FIELD_PATTERN", "must be a 2-, 4- or 6-digit division code"));
        }
        return r;
    }

    /** A GB/T 4754 section letter A-T (any case), or null when blank; a bad one adds its problem. */
    public static String industry(String field, String value, List<FieldProblem> problems) {
        String i = blankToNull(value);
        if (i == null) {
            return null;
        }
        i = i.toUpperCase(Locale.ROOT);
        if (!INDUSTRY.matcher(i).matches()) {
            problems.add(new FieldProblem(field, "FIELD_INVALID", "must be a GB/T 4754 section letter A-T"));
        }
        return i;
    }

    /** A subject type (any case), or null when blank; a bad one adds its problem. */
    public static String type(String field, String value, List<FieldProblem> problems) {
        String t = blankToNull(value);
        if (t == null) {
            return null;
        }
        java.util.Optional<SubjectType> parsed = SubjectType.parse(t);
        if (parsed.isEmpty()) {
            problems.add(new FieldProblem(field, "FIELD_INVALID", "must be one of the subject types, e.g. ENTERPRISE"));
            return t.toUpperCase(Locale.ROOT);
        }
        return parsed.get().name();
    }

    /** Grades as {@code A} or {@code C,D} (any case), or an empty list when blank; a bad one adds its problem. */
    public static List<String> grades(String field, String value, List<FieldProblem> problems) {
        String g = blankToNull(value);
        if (g == null) {
            return List.of();
        }
        Collection<String> out = new LinkedHashSet<>();
        for (String part : g.split(",", -1)) {
            var grade = Grade.parse(part);
            if (grade.isEmpty()) {
                problems.add(new FieldProblem(field, "FIELD_INVALID", "must be grades A, B, C or D, separated by commas (e.g. C,D)"));
                return List.of();
            }
            out.add(grade.get().name());
        }
        return List.copyOf(out);
    }

    /** Only what the public may see. */
    public static Query visible() {
        return term("public", true);
    }

    /** Organisations (legal persons and other organisations, keyed by a USCC), never natural persons. */
    public static Query organisations() {
        return term("kind", SubjectDocument.KIND_USCC);
    }

    /** The division code: equal to a 6-digit one, else starting with the prefix. */
    public static Query region(String region) {
        return region.length() == 6 ? term("region", region) : Query.of(q -> q.prefix(p -> p.field("region").value(region)));
    }

    public static Query industry(String industry) {
        return term("industry", industry);
    }

    public static Query type(String type) {
        return term("type", type);
    }

    public static Query grades(List<String> grades) {
        return grades.size() == 1 ? term("grade", grades.getFirst())
                : Query.of(q -> q.terms(t -> t.field("grade").terms(v -> v.value(grades.stream().map(FieldValue::of).toList()))));
    }

    /** The filters that are set (nulls and empty lists are left out), in a list to add to. */
    public static List<Query> of(String region, String industry, String type, List<String> grades) {
        List<Query> out = new ArrayList<>();
        if (region != null) {
            out.add(region(region));
        }
        if (industry != null) {
            out.add(industry(industry));
        }
        if (type != null) {
            out.add(type(type));
        }
        if (grades != null && !grades.isEmpty()) {
            out.add(grades(grades));
        }
        return out;
    }

    private static Query term(String field, String value) {
        return Query.of(q -> q.term(t -> t.field(field).value(value)));
    }

    private static Query term(String field, boolean value) {
        return Query.of(q -> q.term(t -> t.field(field).value(value)));
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
