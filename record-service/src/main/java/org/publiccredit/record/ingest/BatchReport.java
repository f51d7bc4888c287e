package org.publiccredit.record.ingest;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;

/**
 * The answer to a batch: totals, whether the whole input was read, and one result per row.
 *
 * @param totals counts per result
 * @param complete false when reading stopped early (see stoppedReason); rows after that were not read
 * @param stoppedReason ROW_LIMIT, ENCODING_NOT_UTF8, MALFORMED_CSV or PAYLOAD_TOO_LARGE, or null
 * @param rows per-row results in input order
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record BatchReport(Totals totals, boolean complete, String stoppedReason, List<RowResult> rows) {

    /**
     * @param rows rows read
     * @param created new records
     * @param updated new versions
     * @param unchanged identical re-pushes
     * @param rejected rows refused, with their errors
     */
    public record Totals(int rows, int created, int updated, int unchanged, int rejected) {

        /** The totals of these results. */
        static Totals of(List<RowResult> results) {
            int created = 0;
            int updated = 0;
            int unchanged = 0;
            int rejected = 0;
            for (RowResult r : results) {
                switch (r.result()) {
                    case RowResult.CREATED -> created++;
                    case RowResult.UPDATED -> updated++;
                    case RowResult.UNCHANGED -> unchanged++;
                    default -> rejected++;
                }
            }
            return new Totals(results.size(), created, updated, unchanged, rejected);
        }
    }
}
