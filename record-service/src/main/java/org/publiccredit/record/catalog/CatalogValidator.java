package org.publiccredit.record.catalog;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import org.publiccredit.commons.problem.FieldProblem;

/** Checks that a catalog entry is complete and consistent before it is stored (file load or admin edit). */
final class CatalogValidator {

    private static final Pattern CODE = Pattern.compile("[A-Z][A-Z0-9_]{1,39}");
    private static final Pattern KEY = Pattern.compile("[a-z][A-Za-z0-9]{0,39}");
    private static final Set<String> ENVELOPE = Set.of("category", "subject", "documentNumber", "decisionDate", "fields");

    private CatalogValidator() {
    }

    static List<FieldProblem> problems(CatalogEntry e, Set<String> scenarios) {
        List<FieldProblem> p = new ArrayList<>();
        if (e.code() == null || !CODE.matcher(e.code()).matches()) {
            p.add(new FieldProblem("code", "CATALOG_CODE_INVALID", "upper-case letters, digits and _"));
        }
        if (blank(e.nameZh()) || blank(e.nameEn())) {
            p.add(new FieldProblem("nameZh", "FIELD_NOT_BLANK", "both names are required"));
        }
        if (e.kind() == null) {
            p.add(new FieldProblem("kind", "FIELD_NOT_NULL", "the kind is required"));
        }
        if (e.suppliers().isEmpty() || e.suppliers().stream().anyMatch(CatalogValidator::blank)) {
            p.add(new FieldProblem("suppliers", "CATALOG_SUPPLIERS_MISSING", "at least one department code, or *"));
        }
        if (e.sharing() == null) {
            p.add(new FieldProblem("sharing", "FIELD_NOT_NULL", "the sharing attribute is required: UNCONDITIONAL, CONDITIONAL or NONE"));
        }
        Set<String> keys = new HashSet<>();
        for (int i = 0; i < e.fields().size(); i++) {
            FieldSpec f = e.fields().get(i);
            String at = "fields[" + i + "]";
            if (f.key() == null || !KEY.matcher(f.key()).matches() || ENVELOPE.contains(f.key())) {
                p.add(new FieldProblem(at + ".key", "CATALOG_FIELD_KEY_INVALID", "a camelCase English key, not an envelope name"));
            } else if (!keys.add(f.key())) {
                p.add(new FieldProblem(at + ".key", "CATALOG_FIELD_DUPLICATE", "each key once"));
            }
            if (blank(f.label())) {
                p.add(new FieldProblem(at + ".label", "FIELD_NOT_BLANK", "the Chinese label is required"));
            }
            if (f.type() == null) {
                p.add(new FieldProblem(at + ".type", "FIELD_NOT_NULL", "the type is required"));
            } else if (f.type() == FieldType.ENUM && f.values().isEmpty()) {
                p.add(new FieldProblem(at + ".values", "CATALOG_ENUM_EMPTY", "an ENUM field lists its values"));
            }
        }
        if (e.repair() != null && e.repair().repairable()) {
            if (e.repair().from() == null) {
                p.add(new FieldProblem("repair.from", "CATALOG_REPAIR_RULE_MISSING",
                        "a repairable entry states from when: MIN_PERIOD, ON_CORRECTION or AFTER_MONTHS"));
            } else if (e.repair().from() == RepairRule.From.AFTER_MONTHS && (e.repair().months() == null || e.repair().months() < 1
                    || e.repair().months() > 240)) {
                p.add(new FieldProblem("repair.months", "CATALOG_MONTHS_INVALID", "AFTER_MONTHS needs months between 1 and 240"));
            }
        }
        PublicityRule r = e.publicity();
        if (r == null) {
            p.add(new FieldProblem("publicity", "FIELD_NOT_NULL", "the publicity rule is required"));
        } else {
            dateField(e, r.startField(), "publicity.startField", p);
            dateField(e, r.endField(), "publicity.endField", p);
            for (Integer m : new Integer[] {r.defaultMonths(), r.minMonths(), r.maxMonths()}) {
                if (m != null && (m < 0 || m > 240)) {
                    p.add(new FieldProblem("publicity", "CATALOG_MONTHS_INVALID", "months between 0 and 240"));
                }
            }
            if (r.minMonths() != null && r.maxMonths() != null && r.minMonths() > r.maxMonths()) {
                p.add(new FieldProblem("publicity.minMonths", "CATALOG_MIN_ABOVE_MAX", "minMonths must not exceed maxMonths"));
            }
            if (r.extendedMinimum() != null && e.field(r.extendedMinimum().field()).isEmpty()) {
                p.add(new FieldProblem("publicity.extendedMinimum.field", "CATALOG_FIELD_UNKNOWN", "not a field of this entry"));
            }
            r.notPublishedWhen().forEach(c -> c.keySet().stream().filter(k -> e.field(k).isEmpty()).forEach(k ->
                    p.add(new FieldProblem("publicity.notPublishedWhen", "CATALOG_FIELD_UNKNOWN", k + " is not a field of this entry"))));
            r.requireEquals().keySet().stream().filter(k -> e.field(k).isEmpty()).forEach(k ->
                    p.add(new FieldProblem("publicity.requireEquals", "CATALOG_FIELD_UNKNOWN", k + " is not a field of this entry")));
            PublicityRule.Severity sev = r.severity();
            if (sev != null) {
                if (sev.field() != null && e.field(sev.field()).isEmpty()) {
                    p.add(new FieldProblem("publicity.severity.field", "CATALOG_FIELD_UNKNOWN", "not a field of this entry"));
                }
                if (sev.windows().isEmpty() || sev.otherwise() == null || !sev.windows().containsKey(sev.otherwise())) {
                    p.add(new FieldProblem("publicity.severity", "CATALOG_SEVERITY_INVALID", "classes need windows and a known default class"));
                }
                sev.windows().forEach((name, w) -> {
                    if (w == null || w.minMonths() != null && w.maxMonths() != null && w.minMonths() > w.maxMonths()) {
                        p.add(new FieldProblem("publicity.severity.windows." + name, "CATALOG_MIN_ABOVE_MAX", "minMonths must not exceed maxMonths"));
                    }
                });
                for (PublicityRule.Default d : sev.defaults()) {
                    if (!sev.windows().containsKey(d.severity()) || e.field(d.field()).isEmpty()
                            || d.anyOf().isEmpty() && d.onlyOf().isEmpty() && d.above() == null) {
                        p.add(new FieldProblem("publicity.severity.defaults", "CATALOG_SEVERITY_INVALID",
                                "each default names a known class, a field of this entry and a condition"));
                    }
                }
            }
        }
        e.measures().forEach((scenario, list) -> {
            if (!scenario.equals("*") && !scenarios.contains(scenario)) {
                p.add(new FieldProblem("measures." + scenario, "CATALOG_SCENARIO_UNKNOWN", "not a scenario of the catalog"));
            }
            if (list == null || list.stream().anyMatch(m -> m == null || blank(m.code()) || blank(m.nameZh()))) {
                p.add(new FieldProblem("measures." + scenario, "CATALOG_MEASURE_INVALID", "each measure has a code and a Chinese name"));
            }
        });
        return p;
    }

    private static void dateField(CatalogEntry e, String key, String at, List<FieldProblem> p) {
        if (key != null && e.field(key).map(f -> f.type() != FieldType.DATE).orElse(true)) {
            p.add(new FieldProblem(at, "CATALOG_FIELD_UNKNOWN", "must name a DATE field of this entry"));
        }
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }
}
