package org.publiccredit.report.client;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.util.List;

/**
 * The public catalog (公共信用信息目录) as far as a report uses it: names, kinds, field labels, repairability.
 *
 * @param entries the categories
 */
@JsonIgnoreProperties(ignoreUnknown = true)
record CatalogView(List<Entry> entries) {

    @JsonIgnoreProperties(ignoreUnknown = true)
    record Entry(String code, String nameZh, String kind, List<Field> fields, Repair repair, String documentNumberLabel,
            String decisionDateLabel) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    record Field(String key, String label) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    record Repair(boolean repairable, String note) {
    }
}
