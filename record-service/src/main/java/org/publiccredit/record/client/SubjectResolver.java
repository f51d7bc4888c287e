package org.publiccredit.record.client;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import feign.FeignException;
import io.github.resilience4j.circuitbreaker.CallNotPermittedException;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig;
import io.github.resilience4j.retry.Retry;
import io.github.resilience4j.retry.RetryConfig;
import java.time.Duration;
import java.util.List;
import java.util.function.Supplier;
import org.publiccredit.commons.problem.ApiException;
import org.publiccredit.commons.problem.FieldProblem;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;

/**
 * Resolves subject identifiers through subject-service. Policy: resolve is idempotent, so it is retried (3 attempts,
 * 200 ms apart) behind a circuit breaker (opens at 50 % failures of the last 20 calls, probes after 5 s); Feign's
 * timeouts bound each attempt. When the service cannot answer: 503 SUBJECT_SERVICE_UNAVAILABLE, never a guess.
 * Answers are cached for 10 minutes (a subject's id never changes for an identifier).
 */
@Component
public class SubjectResolver {

    private static final Logger log = LoggerFactory.getLogger(SubjectResolver.class);

    private final SubjectClient client;
    private final CircuitBreaker breaker;
    private final Retry retry;
    private final Cache<String, SubjectRef> cache = Caffeine.newBuilder().maximumSize(200_000)
            .expireAfterWrite(Duration.ofMinutes(10)).build();

    SubjectResolver(SubjectClient client) {
        this.client = client;
        this.breaker = CircuitBreaker.of("subject-resolve", CircuitBreakerConfig.custom()
                .slidingWindowSize(20).minimumNumberOfCalls(10).failureRateThreshold(50)
                .waitDurationInOpenState(Duration.ofSeconds(5)).permittedNumberOfCallsInHalfOpenState(3)
                .recordException(SubjectResolver::transientFailure)
                .build());
        this.retry = Retry.of("subject-resolve", RetryConfig.custom()
                .maxAttempts(3).waitDuration(Duration.ofMillis(200))
                .retryOnException(SubjectResolver::transientFailure)
                .build());
    }

    /** Thrown when the identifier is refused by subject-service (400). */
    public static final class Refused extends ApiException {
        Refused(List<FieldProblem> errors) {
            super(HttpStatus.BAD_REQUEST, "SUBJECT_IDENTIFIER_INVALID", "subject-service refused the identifier", errors);
        }
    }

    /**
     * The subject for a valid identifier (checked by the caller with commons first).
     *
     * @throws ApiException 503 SUBJECT_SERVICE_UNAVAILABLE, or {@link Refused}
     */
    public SubjectRef resolve(String identifier, String name, String type) {
        SubjectRef cached = cache.getIfPresent(identifier);
        if (cached != null) {
            return cached;
        }
        Supplier<SubjectRef> call = () -> client.resolve(new SubjectClient.ResolveRequest(identifier, name, type));
        try {
            SubjectRef ref = Retry.decorateSupplier(retry, CircuitBreaker.decorateSupplier(breaker, call)).get();
            if (ref == null || ref.id() == null) {
                throw unavailable();
            }
            cache.put(identifier, ref);
            return ref;
        } catch (FeignException e) {
            if (e.status() >= 400 && e.status() < 500 && e.status() != 401 && e.status() != 403 && e.status() != 429) {
                throw new Refused(List.of(new FieldProblem("subject.identifier", "SUBJECT_IDENTIFIER_INVALID",
                        "subject-service refused the identifier (" + e.status() + ")")));
            }
            log.warn("subject-service answered {} to resolve", e.status());
            throw unavailable();
        } catch (CallNotPermittedException e) {
            throw unavailable();
        } catch (ApiException e) {
            throw e;
        } catch (RuntimeException e) {
            log.warn("subject-service unreachable: {}", e.getClass().getSimpleName());
            throw unavailable();
        }
    }

    public boolean available() {
        return breaker.getState() != CircuitBreaker.State.OPEN;
    }

    static ApiException unavailable() {
        return new ApiException(HttpStatus.SERVICE_UNAVAILABLE, "SUBJECT_SERVICE_UNAVAILABLE",
                "The subject registry cannot be reached; nothing was stored, try again shortly");
    }

    /** Timeouts, connection failures, 5xx, 401/403 (token trouble), 429: worth another attempt; a 400 is not. */
    private static boolean transientFailure(Throwable t) {
        if (t instanceof FeignException f) {
            int s = f.status();
            return s < 0 || s >= 500 || s == 401 || s == 403 || s == 429;
        }
        return !(t instanceof ApiException);
    }
}
