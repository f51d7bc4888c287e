package org.publiccredit.report.client;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.time.LocalDate;
import java.util.Map;

/** record-service's public view of a record (only public records come this way). */
@JsonIgnoreProperties(ignoreUnknown = true)
record PublicRecord(String recordId, String subjectCode, String subjectName, String category, String name, String kind,
        String department, String documentNumber, LocalDate decisionDate, LocalDate publicUntil, boolean disputed, String label,
        Map<String, String> fields) {
}
