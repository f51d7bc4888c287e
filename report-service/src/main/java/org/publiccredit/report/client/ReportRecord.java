package org.publiccredit.report.client;

import java.time.LocalDate;
import java.util.Map;

/**
 * A credit record (信用记录) as a report shows it, whichever read it came from: the public view (always public) or the
 * whole file (with whether and why it is public, as record-service's one publicity policy decided).
 *
 * @param id record id
 * @param category catalog code
 * @param name the category's Chinese name
 * @param kind the category's kind (LICENSE, PENALTY, RED_LIST, BLACK_LIST, ABNORMAL_LIST, COMMITMENT, RATING, JUDICIAL, OTHER)
 * @param department supplying department
 * @param documentNumber decision document number
 * @param decisionDate decision date
 * @param state lifecycle state, when known (whole-file reads)
 * @param publicNow whether the record is public now
 * @param publicReason why (PUBLIC, REPAIRED, REVOKED, EXPIRED …)
 * @param disputed under an accepted objection (异议中)
 * @param publicUntil last public day, null when open
 * @param repairable repairable here and ACTIVE (whole-file reads; false when unknown)
 * @param minPublicityUntil last day of the minimum publicity period (whole-file reads)
 * @param fields the category's fields
 */
public record ReportRecord(String id, String category, String name, String kind, String department, String documentNumber,
        LocalDate decisionDate, String state, boolean publicNow, String publicReason, boolean disputed, LocalDate publicUntil,
        boolean repairable, LocalDate minPublicityUntil, Map<String, String> fields) {

    public ReportRecord {
        fields = fields == null ? Map.of() : Map.copyOf(fields);
    }

    static ReportRecord of(PublicRecord r) {
        return new ReportRecord(r.recordId(), r.category(), r.name(), r.kind(), r.department(), r.documentNumber(),
                r.decisionDate(), r.disputed() ? "DISPUTED" : "ACTIVE", true, "PUBLIC", r.disputed(), r.publicUntil(), false, null,
                r.fields());
    }

    static ReportRecord of(FileRecord r) {
        return new ReportRecord(r.id(), r.category(), r.name(), r.kind(), r.department(), r.documentNumber(), r.decisionDate(),
                r.state(), r.publicNow(), r.publicReason(), "DISPUTED".equals(r.state()), r.publicUntil(), r.repairable(),
                r.minPublicityUntil(), r.fields());
    }
}
