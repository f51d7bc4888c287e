package org.publiccredit.record.creditrecord;

import java.time.LocalDate;
import java.util.Map;
import java.util.UUID;

/**
 * The facts of a record that the publicity policy and the summary need, read without the rest of the row (summaries
 * read tens of thousands of records per call).
 *
 * @param id record id
 * @param subjectId subject id
 * @param subjectKind USCC or ID_NUMBER
 * @param subjectCode the USCC or masked id number
 * @param department supplier
 * @param category catalog code
 * @param decisionDate decision date
 * @param state lifecycle state
 * @param fields only the fields the policy reads (see {@code PublicityPolicy.fieldsRead})
 */
public record RecordFacts(UUID id, UUID subjectId, String subjectKind, String subjectCode, String department, String category,
        LocalDate decisionDate, RecordState state, Map<String, String> fields) {

    public boolean naturalPerson() {
        return "ID_NUMBER".equals(subjectKind);
    }
}
