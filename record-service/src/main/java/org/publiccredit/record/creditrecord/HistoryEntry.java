package org.publiccredit.record.creditrecord;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Map;
import java.util.UUID;

/**
 * One entry of a record's history: the version before a change, what happened, who did it and why.
 *
 * @param recordId the record
 * @param version the version this entry preserves
 * @param state its state then (CORRECTED for a version a correction replaced)
 * @param decisionDate its decision date then
 * @param fields its fields then
 * @param action UPDATED, CORRECTED, DISPUTED, DISPUTE_CLEARED, REVOKED, REPAIRED
 * @param actor department code or service client
 * @param operationId the caller's idempotency key (internal effects), or null
 * @param caseId the objection or repair case, or null
 * @param note reason or note
 * @param at when
 */
public record HistoryEntry(UUID recordId, int version, RecordState state, LocalDate decisionDate, Map<String, String> fields,
        String action, String actor, String operationId, String caseId, String note, Instant at) {
}
