package org.publiccredit.record.catalog;

import java.util.List;

/**
 * The versioned catalog file in resources ({@code catalog/catalog.json}).
 *
 * @param version applied once per version at start
 * @param description what the file is
 * @param scenarios the credit-check scenarios
 * @param entries the categories
 * @param evaluation the rules of the public credit evaluation (公共信用综合评价)
 */
record CatalogFile(String version, String description, List<Scenario> scenarios, List<CatalogEntry> entries,
        EvaluationRules evaluation) {
}
