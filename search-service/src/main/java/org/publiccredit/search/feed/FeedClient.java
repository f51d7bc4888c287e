package org.publiccredit.search.feed;

import java.net.URI;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Semaphore;
import org.publiccredit.search.config.SearchProperties;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
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

    public FeedClient(@Qualifier("feedRestClient") RestClient feedRestClient, SearchProperties properties) {
        this.http = feedRestClient;
        this.subjectService = properties.subjectServiceUrl();
        this.recordService = properties.recordServiceUrl();
    }

    public ChangePage changes(Feed feed, long after, int limit) {
        URI base = feed == Feed.SUBJECT ? subjectService : recordService;
        ChangePage page = http.get()
                .uri(base + "/internal/v1/changes?after={after}&limit={limit}", after, limit)
                .retrieve().body(ChangePage.class);
        return page != null ? page : new ChangePage(List.of(), after, false, null);
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

    /** At most this many subject ids per {@code POST /internal/v1/subjects:summaries}. */
    public static final int SUMMARY_BATCH = 1000;

    /**
     * The request of the batch summary endpoint.
     *
     * @param subjectIds up to 1,000 subject ids
     */
    record SummariesRequest(List<String> subjectIds) {
    }

    /**
     * Its answer.
     *
     * @param summaries one per subject id asked
     */
    record SummariesResponse(List<Summary> summaries) {
    }

    private volatile boolean batchSummaries = true;

    /** Calls of the batch summary endpoint one {@link #summaries} call runs at once. */
    static final int SUMMARY_CALLS_AT_ONCE = 4;

    /** Fewer subjects than this per call are not worth a call of their own. */
    static final int SUMMARY_MIN_CALL = 250;

    /**
     * The summaries of many subjects, fetched in calls of 250 to 1,000 ({@code POST /internal/v1/subjects:summaries}),
     * up to {@value #SUMMARY_CALLS_AT_ONCE} calls at once, each computed by record-service with one query for the whole
     * call. A subject record-service does not know has an empty summary. Falls back to one {@code GET} per subject
     * against a record-service without the batch endpoint.
     */
    public Map<String, Summary> summaries(Collection<String> subjectIds) {
        List<String> ids = List.copyOf(new LinkedHashSet<>(subjectIds));
        // spread over the calls that run at once: 1,000 subjects are 4 calls of 250 rather than 1 of 1,000
        int perCall = Math.min(SUMMARY_BATCH, Math.max(SUMMARY_MIN_CALL, Math.ceilDiv(ids.size(), SUMMARY_CALLS_AT_ONCE)));
        List<List<String>> parts = new ArrayList<>();
        for (int from = 0; from < ids.size(); from += perCall) {
            parts.add(ids.subList(from, Math.min(ids.size(), from + perCall)));
        }
        Map<String, Summary> out = new HashMap<>();
        if (parts.size() == 1) {
            out.putAll(summariesOf(parts.getFirst()));
            return out;
        }
        Semaphore calls = new Semaphore(SUMMARY_CALLS_AT_ONCE);
        List<CompletableFuture<Map<String, Summary>>> pending = new ArrayList<>(parts.size());
        for (List<String> part : parts) {
            pending.add(FeedCalls.start(() -> {
                calls.acquireUninterruptibly();
                try {
                    return summariesOf(part);
                } finally {
                    calls.release();
                }
            }));
        }
        for (CompletableFuture<Map<String, Summary>> f : pending) {
            out.putAll(FeedCalls.join(f));
        }
        return out;
    }

    /** One call of up to 1,000 subjects (or one GET each against an older record-service). */
    private Map<String, Summary> summariesOf(List<String> part) {
        Map<String, Summary> out = new HashMap<>();
        if (batchSummaries) {
            try {
                return batch(http, recordService, part);
            } catch (HttpClientErrorException e) {
                int status = e.getStatusCode().value();
                if (status != 404 && status != 405) {
                    throw e;
                }
                batchSummaries = false; // an older record-service: one by one from now on
            }
        }
        for (String id : part) {
            out.put(id, summary(id));
        }
        return out;
    }

    /**
     * One {@code POST /internal/v1/subjects:summaries} of up to 1,000 subjects with this client: a summary per id asked, an
     * empty one for a subject record-service does not know. Shared with the public reads (SummaryReads).
     */
    static Map<String, Summary> batch(RestClient http, URI recordService, List<String> subjectIds) {
        SummariesResponse r = http.post().uri(recordService + "/internal/v1/subjects:summaries")
                .contentType(MediaType.APPLICATION_JSON).body(new SummariesRequest(List.copyOf(subjectIds)))
                .retrieve().body(SummariesResponse.class);
        Map<String, Summary> out = new HashMap<>();
        if (r != null && r.summaries() != null) {
            for (Summary s : r.summaries()) {
                if (s != null && s.subjectId() != null) {
                    out.put(s.subjectId(), s);
                }
            }
        }
        subjectIds.forEach(id -> out.computeIfAbsent(id, Summary::empty));
        return out;
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
