package org.publiccredit.search.index;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * One public record as the summary shows it: a red/black list entry (守信红名单/失信黑名单), a penalty, or a
 * disputed record. Dates are kept as record-service wrote them (ISO dates or instants).
 *
 * @param recordId the record's id in record-service
 * @param category the catalog code, e.g. {@code COURT_DEFAULTER}
 * @param name the catalog entry's name
 * @param decisionDate the decision date
 * @param publicUntil the end of its publicity window, if any
 * @param department the supplying department
 * @param disputed whether an accepted objection is open on it (shown as 异议中)
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ListEntry(String recordId, String category, String name, String decisionDate, String publicUntil,
        String department, boolean disputed) {
}
