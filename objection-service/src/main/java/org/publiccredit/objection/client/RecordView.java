package org.publiccredit.objection.client;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.time.LocalDate;
import java.util.Map;

/**
 * A credit record (信用记录) as record-service's internal API shows it (docs/contracts.md). Only the fields this
 * service uses; unknown ones are ignored so record-service can grow its view. {@code repairableFrom} is the first day a repair
 * can be filed by the category's rule (catalog data: the minimum period of the record's class, on correction, or the list's
 * own early exit).
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record RecordView(String id, String subjectId, String subjectCode, String subjectKind, String subjectName, String subjectRegion,
        String department, String category, String kind, String documentNumber, LocalDate decisionDate, String state,
        Long version, boolean publicNow, String publicReason, LocalDate publicFrom, LocalDate publicUntil,
        boolean repairable, LocalDate minPublicityUntil, Map<String, Object> fields, String name, LocalDate repairableFrom) {

    public RecordView {
        fields = fields == null ? Map.of() : fields;
    }
}
