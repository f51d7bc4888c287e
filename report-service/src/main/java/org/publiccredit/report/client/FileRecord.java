package org.publiccredit.report.client;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.time.LocalDate;
import java.util.Map;

/** record-service's whole-file view of a record, with whether and why it is public. */
@JsonIgnoreProperties(ignoreUnknown = true)
record FileRecord(String id, String subjectId, String subjectCode, String subjectKind, String subjectName, String department,
        String category, String name, String kind, String documentNumber, LocalDate decisionDate, String state,
        boolean publicNow, String publicReason, String label, LocalDate publicFrom, LocalDate publicUntil, boolean repairable,
        LocalDate minPublicityUntil, Map<String, String> fields) {
}
