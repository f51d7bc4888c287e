package org.publiccredit.record.catalog;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One category of the public credit information catalog (公共信用信息目录): data, never code.
 *
 * @param code e.g. ADM_PENALTY
 * @param nameZh e.g. 行政处罚
 * @param nameEn English name
 * @param kind the kind
 * @param suppliers department codes that may supply it; {@code *} for any department
 * @param publicCategory whether its records are published at all
 * @param naturalPersonsPublic whether records about natural persons are published (e.g. 失信被执行人)
 * @param doublePublicity whether it is one of the 双公示 categories (timeliness is measured)
 * @param documentNumberLabel the Chinese label of the envelope's documentNumber for this category
 * @param decisionDateLabel the Chinese label of the envelope's decisionDate for this category
 * @param fields the field schema of {@code fields}
 * @param publicity the publicity window rule
 * @param repair whether and how it can be repaired
 * @param measures joint measures per scenario code; key {@code *} applies to every scenario
 * @param sharing the sharing attribute (共享属性); required
 */
public record CatalogEntry(String code, String nameZh, String nameEn, RecordKind kind, List<String> suppliers,
        @JsonProperty("public") boolean publicCategory, boolean naturalPersonsPublic, boolean doublePublicity,
        String documentNumberLabel, String decisionDateLabel, List<FieldSpec> fields, PublicityRule publicity,
        RepairRule repair, Map<String, List<Measure>> measures, Sharing sharing) {

    /** Any department. */
    public static final String ANY_DEPARTMENT = "*";

    public CatalogEntry {
        suppliers = suppliers == null ? List.of() : List.copyOf(suppliers);
        fields = fields == null ? List.of() : List.copyOf(fields);
        measures = measures == null ? Map.of() : Map.copyOf(measures);
        repair = repair == null ? new RepairRule(false, "", null, null) : repair;
    }

    public boolean suppliedBy(String department) {
        return department != null && (suppliers.contains(ANY_DEPARTMENT) || suppliers.contains(department));
    }

    public Optional<FieldSpec> field(String key) {
        for (FieldSpec f : fields) { // asked for every field of every pushed row: a plain loop
            if (f.key().equals(key)) {
                return Optional.of(f);
            }
        }
        return Optional.empty();
    }

    /** The measures for a scenario: those listed under it plus those under {@code *}, each code once. */
    public List<Measure> measuresFor(String scenario) {
        Map<String, Measure> byCode = new LinkedHashMap<>();
        measures.getOrDefault(scenario, List.of()).forEach(m -> byCode.putIfAbsent(m.code(), m));
        measures.getOrDefault("*", List.of()).forEach(m -> byCode.putIfAbsent(m.code(), m));
        return List.copyOf(byCode.values());
    }

    public boolean repairable() {
        return repair.repairable();
    }
}
