package org.publiccredit.subject.bulk;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;
import org.publiccredit.commons.problem.FieldProblem;
import org.publiccredit.subject.registry.SubjectWriter.Outcome;

/**
 * The answer to an import: totals over every row, and the rows worth reading (REJECTED with their errors, UPDATED)
 * in row order, at most {@code listLimit} of them ({@code rowsTruncated} says when more were left out). CREATED and
 * UNCHANGED rows are only counted.
 *
 * @param totals        counts over all rows read
 * @param rows          the rejected and updated rows
 * @param rowsTruncated whether rows were left out of {@code rows}
 */
public record ImportReport(Totals totals, List<RowResult> rows, boolean rowsTruncated) {

    /**
     * Counts.
     *
     * @param rows      data rows read
     * @param created   new subjects
     * @param updated   changed subjects
     * @param unchanged rows equal to what was stored
     * @param rejected  rows refused (nothing of them stored)
     */
    public record Totals(int rows, int created, int updated, int unchanged, int rejected) {
    }

    /**
     * One row.
     *
     * @param row     data row number, from 1
     * @param line    physical line it starts on, from 1
     * @param key     the code, or the masked id number (null when the row had neither)
     * @param outcome UPDATED or REJECTED
     * @param id      the subject id (updated rows)
     * @param errors  why it was rejected
     */
    @JsonInclude(JsonInclude.Include.NON_EMPTY)
    public record RowResult(int row, int line, String key, Outcome outcome, UUID id, List<FieldProblem> errors) {
    }

    /** Collects the report while the rows stream through (rows are added from the reading and the storing thread). */
    static final class Builder {
        private final int listLimit;
        private final List<RowResult> listed = new ArrayList<>();
        private boolean truncated;
        private int rows;
        private int created;
        private int updated;
        private int unchanged;
        private int rejected;

        Builder(int listLimit) {
            this.listLimit = listLimit;
        }

        synchronized void add(int row, int line, String key, Outcome outcome, UUID id, List<FieldProblem> errors) {
            rows++;
            switch (outcome) {
                case CREATED -> created++;
                case UPDATED -> updated++;
                case UNCHANGED -> unchanged++;
                case REJECTED -> rejected++;
            }
            if (outcome == Outcome.UPDATED || outcome == Outcome.REJECTED) {
                if (listed.size() < listLimit) {
                    listed.add(new RowResult(row, line, key, outcome, id, errors));
                } else {
                    truncated = true;
                }
            }
        }

        synchronized ImportReport build() {
            List<RowResult> sorted = new ArrayList<>(listed);
            sorted.sort(Comparator.comparingInt(RowResult::row));
            return new ImportReport(new Totals(rows, created, updated, unchanged, rejected), List.copyOf(sorted), truncated);
        }
    }
}
