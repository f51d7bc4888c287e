package org.publiccredit.record.catalog;

import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import tools.jackson.databind.json.JsonMapper;

/** The shipped catalog file, read the way the service reads it (for unit tests). */
public final class CatalogFixtures {

    private static final Map<String, CatalogEntry> ENTRIES = file().entries().stream()
            .collect(Collectors.toMap(CatalogEntry::code, Function.identity()));

    private CatalogFixtures() {
    }

    static CatalogFile file() {
        return new Catalog(null, null, JsonMapper.builder().build()).readFile();
    }

    /** The evaluation rules of the shipped file. */
    public static EvaluationRules evaluation() {
        return file().evaluation();
    }

    public static CatalogEntry entry(String code) {
        return ENTRIES.get(code);
    }
}
