package org.publiccredit.record.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class IngestCountsTest {

    private static RowResult stored(int row, String result) {
        return new RowResult(row, result, "D" + row, UUID.randomUUID(), 1, null, null);
    }

    @Test
    void resultsAreCountedByWhatHappened() {
        IngestCounts c = IngestCounts.of(List.of(stored(1, RowResult.CREATED), stored(2, RowResult.CREATED), stored(3, RowResult.UPDATED),
                stored(4, RowResult.UNCHANGED), RowResult.rejected(5, "D5", "ILLEGAL_TRANSITION", List.of())));

        assertThat(c).isEqualTo(new IngestCounts(2, 1, 1, 1));
        assertThat(c.isEmpty()).isFalse();
    }

    @Test
    void rowsRefusedBeforeStoringAddToTheRejected() {
        IngestCounts c = IngestCounts.of(List.of(stored(1, RowResult.CREATED))).plus(IngestCounts.rejected(3));

        assertThat(c).isEqualTo(new IngestCounts(1, 0, 0, 3));
    }

    @Test
    void nothingToCountIsEmpty() {
        assertThat(IngestCounts.of(List.of()).isEmpty()).isTrue();
        assertThat(IngestCounts.NONE.plus(IngestCounts.rejected(0)).isEmpty()).isTrue();
        assertThat(IngestCounts.rejected(1).isEmpty()).isFalse();
    }
}
