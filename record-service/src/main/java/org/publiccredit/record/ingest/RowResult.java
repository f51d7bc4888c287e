package org.publiccredit.record.ingest;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;
import java.util.UUID;
import org.publiccredit.commons.problem.FieldProblem;

/**
 * The outcome of one pushed row.
 *
 * @param row 1-based data row
 * @param result created, updated, unchanged or rejected
 * @param documentNumber the row's decision document number as sent (trimmed, at most 100 characters), so a department
 *     finds the row in its own data; null when the row could not be read or has none
 * @param id the record id (not for rejected rows)
 * @param version the record's version after the push
 * @param code for rejected rows, the main reason (e.g. VALIDATION_FAILED, DEPARTMENT_NOT_SUPPLIER)
 * @param errors for rejected rows, the offending fields
 * @param warnings for stored rows, what the platform does differently from what the row says (SUBJECT_NAME_DIFFERS,
 *     PUBLICITY_UNTIL_RAISED, PUBLICITY_UNTIL_LOWERED), or null
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record RowResult(int row, String result, String documentNumber, UUID id, Integer version, String code,
        List<FieldProblem> errors, List<FieldProblem> warnings) {

    RowResult(int row, String result, String documentNumber, UUID id, Integer version, String code, List<FieldProblem> errors) {
        this(row, result, documentNumber, id, version, code, errors, null);
    }

    /** The same row with these warnings (none: unchanged). */
    RowResult warn(List<FieldProblem> found) {
        return found.isEmpty() ? this : new RowResult(row, result, documentNumber, id, version, code, errors, List.copyOf(found));
    }

    static final String CREATED = "created";
    static final String UPDATED = "updated";
    static final String UNCHANGED = "unchanged";
    static final String REJECTED = "rejected";

    static RowResult rejected(int row, String documentNumber, String code, List<FieldProblem> errors) {
        return new RowResult(row, REJECTED, shown(documentNumber), null, null, code, List.copyOf(errors));
    }

    /** The document number as the report shows it: trimmed, blank as null, cut to the 100 characters a valid one has. */
    static String shown(String documentNumber) {
        if (documentNumber == null || documentNumber.isBlank()) {
            return null;
        }
        String s = documentNumber.strip();
        return s.length() > 100 ? s.substring(0, 100) : s;
    }

    boolean stored() {
        return !REJECTED.equals(result);
    }
}
