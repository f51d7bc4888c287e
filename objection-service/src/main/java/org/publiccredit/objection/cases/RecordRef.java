package org.publiccredit.objection.cases;

import java.time.LocalDate;

/**
 * What a case keeps of its record when it is filed: enough to decide who may see and act on it without asking
 * record-service again.
 *
 * @param recordId the record
 * @param subjectId the record's subject (信用主体) in subject-service
 * @param subjectCode the USCC, or the masked id number for persons
 * @param subjectKind USCC or ID_NUMBER
 * @param region the subject's region code (reviewers see cases whose region starts with theirs)
 * @param department the supplying department
 * @param category the catalog code, e.g. ADM_PENALTY
 * @param documentNumber the decision document number
 * @param decisionDate the decision date
 */
public record RecordRef(String recordId, String subjectId, String subjectCode, String subjectKind, String region,
        String department, String category, String documentNumber, LocalDate decisionDate) {
}
