package org.publiccredit.record.ingest;

import java.util.List;

/**
 * Rows counted into a department's monthly ingestion counters ({@code ingest_counter}, read by the statistics).
 *
 * @param created new records
 * @param updated new versions
 * @param unchanged identical re-pushes
 * @param rejected rows refused
 */
record IngestCounts(int created, int updated, int unchanged, int rejected) {

    static final IngestCounts NONE = new IngestCounts(0, 0, 0, 0);

    /** The counts of these results. */
    static IngestCounts of(List<RowResult> results) {
        BatchReport.Totals t = BatchReport.Totals.of(results);
        return new IngestCounts(t.created(), t.updated(), t.unchanged(), t.rejected());
    }

    /** Rows refused before storing (validation, subject resolution). */
    static IngestCounts rejected(int rows) {
        return new IngestCounts(0, 0, 0, rows);
    }

    IngestCounts plus(IngestCounts other) {
        return new IngestCounts(created + other.created, updated + other.updated, unchanged + other.unchanged, rejected + other.rejected);
    }

    boolean isEmpty() {
        return created + updated + unchanged + rejected == 0;
    }
}
