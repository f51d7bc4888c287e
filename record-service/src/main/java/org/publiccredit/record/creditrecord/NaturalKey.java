package org.publiccredit.record.creditrecord;

/**
 * The natural key of a record within one department: (category, document number).
 *
 * @param category the catalog code
 * @param documentNumber the decision document number
 */
public record NaturalKey(String category, String documentNumber) {
}
