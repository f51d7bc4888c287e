package org.publiccredit.record.publicity;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Map;
import java.util.UUID;

/**
 * A record with its public status, for callers allowed to see it whole: the subject itself, the supplying
 * department, reviewers, and other services ({@code RecordView} of docs/contracts.md).
 *
 * @param id record id
 * @param subjectId subject-service id
 * @param subjectCode USCC, or the masked id number
 * @param subjectKind USCC or ID_NUMBER
 * @param subjectName the subject's name in the registry
 * @param nameOnDecision the name on the decision (行政相对人名称) as the department sent it
 * @param subjectRegion the administrative division
 * @param department the supplying department
 * @param category catalog code
 * @param name the category's Chinese name
 * @param kind the category's kind
 * @param documentNumber decision document number
 * @param decisionDate decision date
 * @param state lifecycle state
 * @param version version (optimistic lock)
 * @param publicNow whether public now
 * @param publicReason why (or why not)
 * @param label 异议中 when disputed and public
 * @param publicFrom window start
 * @param publicUntil window end (inclusive), null when open
 * @param repairable whether the category can be repaired here and the record is ACTIVE
 * @param minPublicityUntil last day of the minimum publicity period
 * @param fields the category's fields
 * @param updatedAt last change
 * @param repairableFrom the first day a repair can be filed by the category's rule (null when not repairable here)
 * @param severity the class of its negative information (轻微 / 一般 / 严重) where the category classes its records, else null
 */
public record RecordView(UUID id, UUID subjectId, String subjectCode, String subjectKind, String subjectName, String nameOnDecision,
        String subjectRegion,
        String department, String category, String name, String kind, String documentNumber, LocalDate decisionDate,
        String state, int version, boolean publicNow, PublicReason publicReason, String label, LocalDate publicFrom,
        LocalDate publicUntil, boolean repairable, LocalDate minPublicityUntil, LocalDate repairableFrom, Map<String, String> fields, Instant updatedAt,
        String severity) {
}
