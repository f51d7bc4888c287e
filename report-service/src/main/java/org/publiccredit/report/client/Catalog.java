package org.publiccredit.report.client;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/** The catalog's labels and repair rules as a report needs them (read from record-service's public catalog). */
public final class Catalog {

    private final Map<String, CatalogView.Entry> entries;

    Catalog(CatalogView view) {
        List<CatalogView.Entry> list = view == null || view.entries() == null ? List.of() : view.entries();
        this.entries = list.stream().collect(Collectors.toUnmodifiableMap(CatalogView.Entry::code, Function.identity(), (a, b) -> a));
    }

    /** An empty catalog: labels fall back to the field keys. */
    public static Catalog empty() {
        return new Catalog(null);
    }

    /** The zh label of a category's field, or the key itself. */
    public String fieldLabel(String category, String key) {
        return entry(category).flatMap(e -> e.fields() == null ? Optional.empty()
                : e.fields().stream().filter(f -> key.equals(f.key())).map(CatalogView.Field::label).findFirst()).orElse(key);
    }

    /** The field keys of a category in the catalog's order (unknown keys of a record follow). */
    public List<String> fieldOrder(String category) {
        return entry(category).map(e -> e.fields() == null ? List.<String>of()
                : e.fields().stream().map(CatalogView.Field::key).toList()).orElse(List.of());
    }

    public String documentNumberLabel(String category) {
        return entry(category).map(CatalogView.Entry::documentNumberLabel).filter(s -> !s.isBlank()).orElse("决定文书号");
    }

    public String decisionDateLabel(String category) {
        return entry(category).map(CatalogView.Entry::decisionDateLabel).filter(s -> !s.isBlank()).orElse("决定日期");
    }

    /** Whether the category can be repaired on this platform (信用修复), with the catalog's note. */
    public boolean repairable(String category) {
        return entry(category).map(e -> e.repair() != null && e.repair().repairable()).orElse(false);
    }

    public String repairNote(String category) {
        return entry(category).map(e -> e.repair() == null || e.repair().note() == null ? "" : e.repair().note()).orElse("");
    }

    private Optional<CatalogView.Entry> entry(String category) {
        return Optional.ofNullable(entries.get(category));
    }
}
