package org.publiccredit.record.ingest;

import java.util.Map;

/**
 * One record as a department pushes it (single push body, one NDJSON line, or one CSV row).
 *
 * @param category catalog code
 * @param subject who it is about
 * @param documentNumber decision document number (natural key with department and category)
 * @param decisionDate ISO date
 * @param fields the category's fields
 */
public record RecordInput(String category, SubjectInput subject, String documentNumber, String decisionDate,
        Map<String, Object> fields) {

    /**
     * The subject as the record names it.
     *
     * @param identifier USCC or resident id number
     * @param name name
     * @param type optional subject type (commons SubjectType name), checked against the identifier
     */
    public record SubjectInput(String identifier, String name, String type) {
    }
}
