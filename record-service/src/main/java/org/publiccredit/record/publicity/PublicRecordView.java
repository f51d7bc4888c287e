package org.publiccredit.record.publicity;

import java.time.LocalDate;
import java.util.Map;
import java.util.UUID;

/**
 * What anyone may see of a public record. A natural person's code is masked.
 *
 * @param recordId record id
 * @param subjectCode USCC or masked id number
 * @param subjectName the subject's name in the registry
 * @param nameOnDecision the name on the decision (行政相对人名称) as the department sent it
 * @param category catalog code
 * @param name the category's Chinese name
 * @param kind the category's kind
 * @param department supplying department
 * @param documentNumber decision document number
 * @param decisionDate decision date
 * @param publicUntil last public day, null when open
 * @param disputed under objection
 * @param label 异议中 when disputed
 * @param fields the category's fields
 */
public record PublicRecordView(UUID recordId, String subjectCode, String subjectName, String nameOnDecision, String category, String name, String kind,
        String department, String documentNumber, LocalDate decisionDate, LocalDate publicUntil, boolean disputed, String label,
        Map<String, String> fields) {
}
