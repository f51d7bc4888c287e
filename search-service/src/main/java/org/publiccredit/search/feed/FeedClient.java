package org.publiccredit.search.feed;

import java.net.URI;
import java.util.Optional;
import org.publiccredit.search.config.SearchProperties;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.client.HttpClientErrorException;
import org.springframework.web.client.RestClient;

/**
 * The internal endpoints the indexer reads (docs/contracts.md), with the {@code internal-indexer} token. Reads
 * only: a failure is thrown and the indexer tries the same batch again later (its cursor does not move).
 */
@Component
public class FeedClient {

    private final RestClient http;
    private final URI subjectService;
    private final URI recordService;

    public FeedClient(RestClient feedRestClient, SearchProperties properties) {
        this.http = feedRestClient;
        this.subjectService = properties.subjectServiceUrl();
        this.recordService = properties.recordServiceUrl();
    }

    public ChangePage changes(Feed feed, long after, int limit) {
        URI base = feed == Feed.SUBJECT ? subjectService : recordService;
        ChangePage page = http.get()
                .uri(base + "/internal/v1/changes?after={after}&limit={limit}", after, limit)
                .retrieve().body(ChangePage.class);
        return page != null ? page : new ChangePage(java.util.List.of(), after, false);
    }

    /** The subject's public summary now; an unknown subject has an empty one. */
    public Summary summary(String subjectId) {
        try {
            Summary s = http.get().uri(recordService + "/internal/v1/subjects/{id}/summary", subjectId).retrieve().body(Summary.class);
            return s != null ? s : Summary.empty(subjectId);
        } catch (HttpClientErrorException e) {
            if (e.getStatusCode().value() == HttpStatus.NOT_FOUND.value()) {
                return Summary.empty(subjectId);
            }
            throw e;
        }
    }

    /** The subject's identity from subject-service (for a natural person who just became public). */
    public Optional<SubjectPayload> subject(String subjectId) {
        try {
            return Optional.ofNullable(http.get().uri(subjectService + "/internal/v1/subjects/{id}", subjectId)
                    .retrieve().body(SubjectPayload.class));
        } catch (HttpClientErrorException e) {
            if (e.getStatusCode().value() == HttpStatus.NOT_FOUND.value()) {
                return Optional.empty();
            }
            throw e;
        }
    }
}
