package org.publiccredit.search.index;

import org.publiccredit.commons.problem.ApiException;
import org.springframework.http.HttpStatus;

/** Elasticsearch cannot answer (down, or the circuit breaker is open): a 503 problem, never a 500. */
public final class SearchUnavailableException extends ApiException {

    public SearchUnavailableException() {
        super(HttpStatus.SERVICE_UNAVAILABLE, "SEARCH_UNAVAILABLE", "Search is temporarily unavailable; try again shortly");
    }
}
