package org.publiccredit.search.index;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.io.IOException;
import java.net.ConnectException;
import java.net.SocketTimeoutException;
import java.util.concurrent.TimeoutException;
import org.junit.jupiter.api.Test;

class ElasticsearchGuardTest {

    private final ElasticsearchGuard guard = new ElasticsearchGuard(new SimpleMeterRegistry());

    /** What the low-level client throws when no pooled connection could be leased within the timeout. */
    private static RuntimeException leaseTimeout() {
        return new RuntimeException("error while performing request", new TimeoutException("Connection lease request time out"));
    }

    @Test
    void anExhaustedConnectionPoolIsBusy503WithRetryAfterAndLeavesTheBreakerClosed() {
        for (int i = 0; i < 20; i++) {
            assertThatThrownBy(() -> guard.read(() -> {
                throw leaseTimeout();
            })).isInstanceOfSatisfying(SearchUnavailableException.class, e -> {
                assertThat(e.status().value()).isEqualTo(503);
                assertThat(e.code()).isEqualTo("SEARCH_BUSY");
                assertThat(e.retryAfterSeconds()).isEqualTo(1);
            });
        }
        assertThat(guard.state()).isEqualTo(CircuitBreaker.State.CLOSED);
        assertThat(guard.read(() -> "answer")).isEqualTo("answer");
    }

    @Test
    void anUnreachableElasticsearchIsAnOutageThatOpensTheBreaker() {
        assertThreeOpenTheBreaker(new ConnectException("Connection refused"), "SEARCH_UNAVAILABLE", 5);
    }

    @Test
    void aReadElasticsearchDidNotAnswerInTimeIsBusyButARunOfThemOpensTheBreaker() {
        assertThreeOpenTheBreaker(new SocketTimeoutException("1,500 milliseconds timeout on connection http-outgoing-3 [ACTIVE]"),
                "SEARCH_BUSY", 1);
    }

    /** Three reads failing alike answer the given 503 each, then the breaker is open: the next read is not even tried. */
    private void assertThreeOpenTheBreaker(IOException failure, String code, long retryAfter) {
        for (int i = 0; i < 3; i++) {
            assertThatThrownBy(() -> guard.read(() -> {
                throw failure;
            })).isInstanceOfSatisfying(SearchUnavailableException.class, e -> {
                assertThat(e.code()).isEqualTo(code);
                assertThat(e.retryAfterSeconds()).isEqualTo(retryAfter);
            });
        }
        assertThat(guard.state()).isEqualTo(CircuitBreaker.State.OPEN);
        assertThatThrownBy(() -> guard.read(() -> "not called")).isInstanceOfSatisfying(SearchUnavailableException.class,
                e -> assertThat(e.code()).isEqualTo("SEARCH_UNAVAILABLE"));
    }

    @Test
    void anyOtherFailureIsRethrownAsItIs() {
        IllegalArgumentException bug = new IllegalArgumentException("a bug in the query");
        assertThatThrownBy(() -> guard.read(() -> {
            throw bug;
        })).isSameAs(bug);
        assertThat(ElasticsearchGuard.outage(new IOException("reset"))).isTrue();
        assertThat(ElasticsearchGuard.busy(new IOException("reset"))).isFalse();
    }
}
