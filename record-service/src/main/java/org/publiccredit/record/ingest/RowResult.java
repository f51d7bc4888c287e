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
 * @param id the record id (not for rejected rows)
 * @param version the record's version after the push
 * @param code for rejected rows, the main reason (e.g. VALIDATION_FAILED, DEPARTMENT_NOT_SUPPLIER)
 * @param errors for rejected rows, the offending fields
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record RowResult(int row, String result, UUID id, Integer version, String code, List<FieldProblem> errors) {

    static final String CREATED = "created";
    static final String UPDATED = "updated";
    static final String UNCHANGED = "unchanged";
    static final String REJECTED = "rejected";

    static RowResult rejected(int row, String code, List<FieldProblem> errors) {
        return new RowResult(row, REJECTED, null, null, code, List.copyOf(errors));
    }

    boolean stored() {
        return !REJECTED.equals(result);
    }
}
