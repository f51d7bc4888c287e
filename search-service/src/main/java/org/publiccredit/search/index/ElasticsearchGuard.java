package org.publiccredit.search.index;

import co.elastic.clients.elasticsearch._types.ElasticsearchException;
import io.github.resilience4j.circuitbreaker.CallNotPermittedException;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.io.IOException;
import java.net.SocketTimeoutException;
import java.time.Duration;
import java.util.concurrent.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * The Resilience4j circuit breaker around the reads the public API makes. Elasticsearch being unreachable or
 * answering 5xx counts as a failure; after a few the breaker opens and every read answers 503 at once, without
 * waiting for a timeout; it probes again by itself after {@link #OPEN_WAIT} and closes when Elasticsearch answers.
 * A 4xx from Elasticsearch is a bug in the query, not an outage, and does not open it.
 */
@Component
public class ElasticsearchGuard {

    static final Duration OPEN_WAIT = Duration.ofSeconds(3);
    private static final Logger log = LoggerFactory.getLogger(ElasticsearchGuard.class);

    /** One Elasticsearch call. */
    @FunctionalInterface
    public interface Call<T> {
        T run() throws IOException;
    }

    private final CircuitBreaker breaker;

    public ElasticsearchGuard(MeterRegistry registry) {
        this.breaker = CircuitBreaker.of("elasticsearch", CircuitBreakerConfig.custom()
                .slidingWindowType(CircuitBreakerConfig.SlidingWindowType.COUNT_BASED)
                .slidingWindowSize(10)
                .minimumNumberOfCalls(3)
                .failureRateThreshold(50)
                .waitDurationInOpenState(OPEN_WAIT)
                .automaticTransitionFromOpenToHalfOpenEnabled(true)
                .permittedNumberOfCallsInHalfOpenState(2)
                .recordException(ElasticsearchGuard::outage)
                .build());
        breaker.getEventPublisher().onStateTransition(e -> log.warn("Elasticsearch circuit breaker: {}", e.getStateTransition()));
        Gauge.builder("search.elasticsearch.breaker.open", breaker,
                        b -> b.getState() == CircuitBreaker.State.OPEN || b.getState() == CircuitBreaker.State.FORCED_OPEN ? 1 : 0)
                .description("1 while the circuit breaker around Elasticsearch reads is open")
                .register(registry);
    }

    /**
     * Runs a read; an outage (or an open breaker) becomes {@link SearchUnavailableException#outage()}, a connection
     * pool that stayed exhausted for the lease timeout {@link SearchUnavailableException#busy()} (a burst, not an
     * outage: it does not count against the breaker). A read Elasticsearch did not answer within the read timeout is
     * answered busy too, but it counts: a run of them (Elasticsearch hanging, or drowning) opens the breaker.
     */
    public <T> T read(Call<T> call) {
        try {
            return breaker.executeCheckedSupplier(call::run);
        } catch (CallNotPermittedException e) {
            throw SearchUnavailableException.outage();
        } catch (Throwable e) {
            if (timedOut(e)) {
                throw SearchUnavailableException.busy();
            }
            if (outage(e)) {
                throw SearchUnavailableException.outage();
            }
            if (busy(e)) {
                throw SearchUnavailableException.busy();
            }
            if (e instanceof RuntimeException r) {
                throw r;
            }
            if (e instanceof Error error) {
                throw error;
            }
            throw new IllegalStateException(e);
        }
    }

    public CircuitBreaker.State state() {
        return breaker.getState();
    }

    /** No connection to Elasticsearch could be leased in time (the low-level client's pool timeout). */
    static boolean busy(Throwable e) {
        return causedBy(e, TimeoutException.class);
    }

    /** Elasticsearch did not answer within the read timeout. */
    static boolean timedOut(Throwable e) {
        return causedBy(e, SocketTimeoutException.class);
    }

    private static boolean causedBy(Throwable e, Class<? extends Throwable> type) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (type.isInstance(t)) {
                return true;
            }
        }
        return false;
    }

    static boolean outage(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof IOException) {
                return true;
            }
            if (t instanceof ElasticsearchException es) {
                return es.status() >= 500 || es.status() == 429;
            }
        }
        return false;
    }
}
