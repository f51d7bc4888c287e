package org.publiccredit.search.index;

import org.publiccredit.commons.problem.ApiException;
import org.springframework.http.HttpStatus;

/**
 * Elasticsearch cannot answer now: a 503 problem with {@code Retry-After}, never a 500. Either it is down (or the
 * circuit breaker is open), or it is busy: every connection to it is taken by other searches, or it did not answer a
 * read within the read timeout (a burst of traffic).
 */
public final class SearchUnavailableException extends ApiException {

    private SearchUnavailableException(String code, String detail, long retryAfterSeconds) {
        super(HttpStatus.SERVICE_UNAVAILABLE, code, detail);
        retryAfter(retryAfterSeconds);
    }

    /** Elasticsearch is down or failing; the breaker waits a few seconds before it tries again. */
    public static SearchUnavailableException outage() {
        return new SearchUnavailableException("SEARCH_UNAVAILABLE", "Search is temporarily unavailable; try again shortly", 5);
    }

    /**
     * Every connection to Elasticsearch stayed busy for the whole lease timeout, or Elasticsearch did not answer a read
     * within the read timeout.
     */
    public static SearchUnavailableException busy() {
        return new SearchUnavailableException("SEARCH_BUSY", "Search is busy with other requests; try again in a second", 1);
    }
}
