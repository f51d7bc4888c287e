package org.publiccredit.search.feed;

import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.publiccredit.search.config.SearchProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.stereotype.Component;
import org.springframework.web.client.RestClient;
import org.springframework.web.client.RestClientException;

/**
 * record-service's public summaries for the public reads (decision 0009): a profile shows its counts, latest penalties and
 * evaluation as they are now, and a page of hits its counts, from {@code POST /internal/v1/subjects:summaries}. Short
 * timeouts ({@code summaryReadClient}); when record-service cannot answer, the read is empty and the caller answers
 * without those parts (marked partial) rather than failing.
 */
@Component
public class SummaryReads {

    private static final Logger log = LoggerFactory.getLogger(SummaryReads.class);
    private final RestClient http;
    private final URI recordService;

    public SummaryReads(@Qualifier("summaryReadClient") RestClient summaryReadClient, SearchProperties properties) {
        this.http = summaryReadClient;
        this.recordService = properties.recordServiceUrl();
    }

    /** The summaries of these subjects (at most 1,000), keyed by subject id; empty when record-service did not answer. */
    public Optional<Map<String, Summary>> summaries(List<String> subjectIds) {
        if (subjectIds.isEmpty()) {
            return Optional.of(Map.of());
        }
        try {
            return Optional.of(FeedClient.batch(http, recordService, subjectIds));
        } catch (RestClientException e) {
            log.warn("public summaries of {} subjects not read ({}): answered without them", subjectIds.size(), e.getClass().getSimpleName());
            return Optional.empty();
        }
    }

    /** One subject's summary; empty when record-service did not answer. */
    public Optional<Summary> summary(String subjectId) {
        return summaries(List.of(subjectId)).map(m -> m.get(subjectId));
    }
}
