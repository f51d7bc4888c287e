package org.publiccredit.record.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.publiccredit.commons.problem.ApiException;

class BatchResultsTest {

    private static RowResult created(int row) {
        return new RowResult(row, RowResult.CREATED, "D" + row, UUID.randomUUID(), 1, null, null);
    }

    private static RowResult unreachable(int row) {
        return RowResult.rejected(row, "D" + row, "SUBJECT_SERVICE_UNAVAILABLE", List.of());
    }

    @Test
    void theReportListsRowsInInputOrderWithTheirTotals() {
        BatchResults results = new BatchResults();
        assertThat(results.isEmpty()).isTrue();
        results.addAll(List.of(created(3), created(1)));
        results.addAll(List.of(RowResult.rejected(2, null, "MALFORMED_ROW", List.of())));

        BatchReport report = results.report(null);

        assertThat(results.isEmpty()).isFalse();
        assertThat(report.rows()).extracting(RowResult::row).containsExactly(1, 2, 3);
        assertThat(report.totals()).isEqualTo(new BatchReport.Totals(3, 2, 0, 0, 1));
        assertThat(report.complete()).isTrue();
        assertThat(report.stoppedReason()).isNull();
    }

    @Test
    void aBatchThatStoppedEarlySaysWhy() {
        BatchResults results = new BatchResults();
        results.addAll(List.of(created(1)));

        BatchReport report = results.report("ROW_LIMIT");

        assertThat(report.complete()).isFalse();
        assertThat(report.stoppedReason()).isEqualTo("ROW_LIMIT");
    }

    @Test
    void nothingStoredForWantOfTheSubjectRegistryIsA503() {
        BatchResults results = new BatchResults();
        results.addAll(List.of(unreachable(1), RowResult.rejected(2, "D2", "VALIDATION_FAILED", List.of())));

        assertThatThrownBy(() -> results.report(null)).isInstanceOfSatisfying(ApiException.class,
                e -> assertThat(e.code()).isEqualTo("SUBJECT_SERVICE_UNAVAILABLE"));
    }

    @Test
    void somethingStoredIsAReportEvenWhenTheRegistryFailedForOtherRows() {
        BatchResults results = new BatchResults();
        results.addAll(List.of(unreachable(1), created(2)));

        assertThat(results.report(null).totals().rejected()).isEqualTo(1);
    }
}
