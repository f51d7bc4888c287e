package org.publiccredit.search.feed;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.publiccredit.search.config.SearchProperties;
import org.springframework.web.client.RestClient;

/** The public reads' summaries: when record-service cannot be reached the read is empty (the answer is partial), never a failure. */
class SummaryReadsTest {

    private static SummaryReads against(URI recordService) {
        SearchProperties properties = new SearchProperties(null, null, 0, null, null, "subjects", null, 0, null, recordService, null, 0, 0,
                null, null);
        return new SummaryReads(RestClient.create(), properties);
    }

    @Test
    void recordServiceNotReachableIsAnEmptyReadNotAFailure() {
        SummaryReads reads = against(URI.create("http://127.0.0.1:9")); // discard port: connection refused
        assertThat(reads.summaries(List.of("0b7e7a4e-3f7e-4a55-9a55-3c1f5b0c0001"))).isEmpty();
        assertThat(reads.summary("0b7e7a4e-3f7e-4a55-9a55-3c1f5b0c0001")).isEmpty();
    }

    @Test
    void noSubjectsAskNothing() {
        assertThat(against(URI.create("http://127.0.0.1:9")).summaries(List.of())).hasValue(java.util.Map.of());
    }
}
