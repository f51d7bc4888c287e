package org.publiccredit.search.indexer;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class BacklogReadsTest {

    private final BacklogReads reads = new BacklogReads();

    @Test
    void readsFirstUntilAPageShowsItIsNotWorthIt() {
        assertThat(reads.readFirst("subjects-a")).isTrue();

        reads.observe("subjects-a", 1000, 950); // 5 % current: behind a steady load of new changes
        assertThat(reads.readFirst("subjects-a")).isFalse();
        assertThat(reads.readFirst("subjects-b")).as("decided per index").isTrue();

        reads.observe("subjects-a", 1000, 400); // 60 % current: catching up an import
        assertThat(reads.readFirst("subjects-a")).isTrue();
    }

    @Test
    void theThresholdIsAFifthOfThePage() {
        reads.observe("i", 100, 80);
        assertThat(reads.readFirst("i")).isTrue();
        reads.observe("i", 100, 81);
        assertThat(reads.readFirst("i")).isFalse();
    }

    @Test
    void anEmptyPageChangesNothing() {
        reads.observe("i", 100, 100);
        reads.observe("i", 0, 0);
        assertThat(reads.readFirst("i")).isFalse();
    }
}
