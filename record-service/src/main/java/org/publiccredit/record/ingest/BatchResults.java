package org.publiccredit.record.ingest;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.publiccredit.commons.problem.ApiException;
import org.springframework.http.HttpStatus;

/**
 * The per-row results of one batch as its chunks are stored, and the report made of them. Written by the chunk writer's
 * threads, several chunks at once, and read by the request thread after it has awaited them.
 */
final class BatchResults {

    private final List<RowResult> rows = new ArrayList<>();
    private int stored;
    private int created;

    synchronized void addAll(List<RowResult> results) {
        rows.addAll(results);
        for (RowResult r : results) {
            if (r.stored()) {
                stored++;
                if (RowResult.CREATED.equals(r.result())) {
                    created++;
                }
            }
        }
    }

    /** Whether nine in ten of the rows stored so far were new records (a first load rather than a re-push). */
    synchronized boolean mostlyCreated() {
        return stored > 0 && created >= 0.9 * stored;
    }

    /** Nothing reported yet (a broken upload is then refused as a whole). */
    synchronized boolean isEmpty() {
        return rows.isEmpty();
    }

    /**
     * The report, rows in input order. When nothing could be stored because subject-service could not be reached, the
     * batch is refused as a whole (503): sending it again is the answer, not reading a report of failures.
     *
     * @param stopped why reading stopped early, or null when the whole input was read
     */
    synchronized BatchReport report(String stopped) {
        List<RowResult> sorted = new ArrayList<>(rows);
        sorted.sort(Comparator.comparingInt(RowResult::row));
        BatchReport.Totals totals = BatchReport.Totals.of(sorted);
        if (totals.created() + totals.updated() + totals.unchanged() == 0
                && sorted.stream().anyMatch(r -> "SUBJECT_SERVICE_UNAVAILABLE".equals(r.code()))) {
            throw new ApiException(HttpStatus.SERVICE_UNAVAILABLE, "SUBJECT_SERVICE_UNAVAILABLE",
                    "The subject registry cannot be reached; nothing was stored, send the batch again shortly");
        }
        return new BatchReport(totals, stopped == null, stopped, sorted);
    }
}
