package org.publiccredit.record.catalog;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.publiccredit.commons.problem.FieldProblem;

/** Checks a record's {@code fields} against its catalog entry's schema and normalises the values. */
public final class FieldValidation {

    private FieldValidation() {
    }

    /**
     * The outcome: the normalised fields (only when there are no problems) and the problems.
     *
     * @param fields normalised values by key
     * @param problems offending fields, as {@code fields.<key>}
     */
    public record Result(Map<String, String> fields, List<FieldProblem> problems) {
        public boolean valid() {
            return problems.isEmpty();
        }
    }

    /** Values may be JSON scalars (text, number, boolean) or CSV text; blank counts as absent. */
    public static Result validate(CatalogEntry entry, Map<String, ?> raw) {
        List<FieldProblem> problems = new ArrayList<>();
        Map<String, String> out = new LinkedHashMap<>();
        Map<String, ?> given = raw == null ? Map.of() : raw;
        for (Map.Entry<String, ?> e : given.entrySet()) {
            if (entry.field(e.getKey()).isEmpty()) {
                problems.add(FieldProblem.of("fields." + e.getKey(), "FIELD_UNKNOWN", e.getKey()));
            }
        }
        for (FieldSpec spec : entry.fields()) {
            Object value = given.get(spec.key());
            String at = "fields." + spec.key();
            if (value == null || value instanceof String s && s.isBlank()) {
                if (spec.required()) {
                    problems.add(FieldProblem.of(at, "FIELD_REQUIRED", spec.labels()));
                }
                continue;
            }
            if (!(value instanceof String || value instanceof Number || value instanceof Boolean)) {
                problems.add(FieldProblem.of(at, "FIELD_TYPE_INVALID", spec.labels()));
                continue;
            }
            String text = value.toString();
            String problem = spec.problemWith(text);
            if (problem != null) {
                Object argument = spec.problemArgument(text, problem);
                problems.add(argument == null ? FieldProblem.of(at, problem, spec.labels())
                        : FieldProblem.of(at, problem, spec.labels(), argument));
            } else {
                out.put(spec.key(), spec.normalise(text));
            }
        }
        return new Result(problems.isEmpty() ? Map.copyOf(out) : Map.of(), List.copyOf(problems));
    }
}
