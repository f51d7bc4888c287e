package org.publiccredit.record.check;

import java.time.LocalDate;
import java.util.UUID;

/**
 * A list entry (or other record with joint measures) in force for a subject.
 *
 * @param recordId record id
 * @param category catalog code
 * @param name category name
 * @param kind BLACK_LIST, RED_LIST, ABNORMAL_LIST …
 * @param department supplier
 * @param decisionDate decision date
 * @param publicUntil end of its window, null when open
 * @param disputed under objection (异议中)
 */
public record CheckEntry(UUID recordId, String category, String name, String kind, String department, LocalDate decisionDate,
        LocalDate publicUntil, boolean disputed) {
}
