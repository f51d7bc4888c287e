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
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.Semaphore;
import java.util.List;
import java.util.Optional;
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
    private final SubjectBatchClient batchClient;
    private volatile boolean batchSupported = true;
    private final CircuitBreaker breaker;
    private final Retry retry;
    private final Cache<String, SubjectRef> cache = Caffeine.newBuilder().maximumSize(200_000)
            .expireAfterWrite(Duration.ofMinutes(10)).build();

    SubjectResolver(SubjectClient client, SubjectBatchClient batchClient) {
        this.client = client;
        this.batchClient = batchClient;
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

    /**
     * The registered subject of a valid identifier, looked up without creating or writing anything (subject-service's
     * bulk resolve with {@code "create": false}): every read path uses this, so that reading never registers anyone.
     * Unknown: empty (not cached, a later push may register it). Against a subject-service without the bulk endpoint
     * nothing is looked up (a single resolve would create): 503, never a guess.
     *
     * @throws ApiException 503 SUBJECT_SERVICE_UNAVAILABLE, or {@link Refused}
     */
    public Optional<SubjectRef> lookup(String identifier) {
        SubjectRef cached = cache.getIfPresent(identifier);
        if (cached != null) {
            return Optional.of(cached);
        }
        Supplier<SubjectBatchClient.BatchResponse> call = () -> batchClient.resolveBatch(new SubjectBatchClient.BatchRequest(
                List.of(new SubjectClient.ResolveRequest(identifier, null, null)), false));
        SubjectBatchClient.BatchResponse response;
        try {
            response = Retry.decorateSupplier(retry, CircuitBreaker.decorateSupplier(breaker, call)).get();
        } catch (FeignException e) {
            if (e.status() == 400) {
                throw new Refused(List.of(new FieldProblem("subject.identifier", "SUBJECT_IDENTIFIER_INVALID",
                        "subject-service refused the identifier (" + e.status() + ")")));
            }
            log.warn("subject-service answered {} to a look-up", e.status());
            throw unavailable();
        } catch (CallNotPermittedException e) {
            throw unavailable();
        } catch (ApiException e) {
            throw e;
        } catch (RuntimeException e) {
            log.warn("subject-service unreachable for a look-up: {}", e.getClass().getSimpleName());
            throw unavailable();
        }
        SubjectBatchClient.BatchItem item = response == null || response.results() == null || response.results().isEmpty()
                ? null : response.results().getFirst();
        if (item == null) {
            throw unavailable();
        }
        if (item.ref() != null && item.ref().id() != null) {
            cache.put(identifier, item.ref());
            return Optional.of(item.ref());
        }
        if (NOT_FOUND.equals(item.code())) {
            return Optional.empty();
        }
        throw new Refused(List.of(new FieldProblem("subject.identifier", "SUBJECT_IDENTIFIER_INVALID",
                "subject-service refused the identifier (" + item.code() + ")")));
    }

    /** A look-up's answer for an identifier without a subject (docs/contracts.md). */
    private static final String NOT_FOUND = "SUBJECT_NOT_FOUND";

    /**
     * What to resolve.
     *
     * @param identifier a valid identifier
     * @param name the name given, or null
     * @param type the type given, or null
     */
    public record Request(String identifier, String name, String type) {
    }

    /** What resolving one identifier gave: its subject, or the refusal {@link #resolve} would have thrown. */
    public sealed interface Resolution {

        /** @param subject the registered subject */
        record Resolved(SubjectRef subject) implements Resolution {
        }

        /** @param problem 400 {@link Refused} or 503 SUBJECT_SERVICE_UNAVAILABLE */
        record Failed(ApiException problem) implements Resolution {
        }
    }

    /**
     * Resolves many identifiers: cached ones at once, the others with subject-service's bulk resolve (one call per
     * 1,000), or, against a subject-service without it, one by one at most {@code parallelism} at a time (virtual
     * threads). Answers one {@link Resolution} per identifier.
     */
    public Map<String, Resolution> resolveAll(Collection<Request> requests, int parallelism) {
        Map<String, Resolution> out = new HashMap<>();
        Map<String, Request> todo = new LinkedHashMap<>();
        for (Request r : requests) {
            SubjectRef cached = cache.getIfPresent(r.identifier());
            if (cached != null) {
                out.put(r.identifier(), new Resolution.Resolved(cached));
            } else {
                todo.putIfAbsent(r.identifier(), r);
            }
        }
        if (todo.isEmpty()) {
            return out;
        }
        if (batchSupported) {
            for (List<Request> part : parts(List.copyOf(todo.values()))) {
                if (!batchSupported) {
                    break;
                }
                if (resolveBatch(part, out)) {
                    part.forEach(r -> todo.remove(r.identifier()));
                }
            }
            if (todo.isEmpty()) {
                return out;
            }
        }
        Semaphore permits = new Semaphore(Math.max(1, parallelism));
        Map<String, Future<SubjectRef>> futures = new LinkedHashMap<>();
        try (ExecutorService pool = Executors.newVirtualThreadPerTaskExecutor()) {
            todo.forEach((identifier, r) -> futures.put(identifier, pool.submit(() -> {
                permits.acquire();
                try {
                    return resolve(r.identifier(), r.name(), r.type());
                } finally {
                    permits.release();
                }
            })));
            for (var f : futures.entrySet()) {
                try {
                    out.put(f.getKey(), new Resolution.Resolved(f.getValue().get()));
                } catch (ExecutionException e) {
                    out.put(f.getKey(), new Resolution.Failed(e.getCause() instanceof ApiException a ? a : unavailable()));
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw unavailable();
                }
            }
        }
        return out;
    }

    /**
     * Looks up registered subjects without creating any (credit checks): cached ones at once, the others with
     * subject-service's bulk resolve in look-up mode ({@code "create": false}), one call per 1,000 identifiers. Answers
     * only the identifiers subject-service knows; an unknown, refused or unanswered one is simply absent (never a guess,
     * never a 503: the caller shows the subject without its registry data). Against a subject-service without the bulk
     * endpoint nothing is looked up (single resolves would create subjects).
     */
    public Map<String, SubjectRef> lookupAll(Collection<String> identifiers) {
        Map<String, SubjectRef> out = new HashMap<>();
        lookupAnswers(identifiers).forEach((identifier, ref) -> ref.ifPresent(r -> out.put(identifier, r)));
        return out;
    }

    /**
     * As {@link #lookupAll}, telling "not registered" from "not answered": an identifier subject-service answered maps
     * to its subject or to empty (no subject); one it did not answer (unreachable, refused) is absent.
     */
    public Map<String, Optional<SubjectRef>> lookupAnswers(Collection<String> identifiers) {
        Map<String, Optional<SubjectRef>> out = new HashMap<>();
        List<Request> todo = new java.util.ArrayList<>();
        java.util.Set<String> seen = new java.util.HashSet<>();
        for (String identifier : identifiers) {
            SubjectRef cached = cache.getIfPresent(identifier);
            if (cached != null) {
                out.put(identifier, Optional.of(cached));
            } else if (seen.add(identifier)) {
                todo.add(new Request(identifier, null, null));
            }
        }
        if (todo.isEmpty() || !batchSupported || !available()) {
            return out;
        }
        for (List<Request> part : parts(todo)) {
            Supplier<SubjectBatchClient.BatchResponse> call = () -> batchClient.resolveBatch(new SubjectBatchClient.BatchRequest(
                    part.stream().map(r -> new SubjectClient.ResolveRequest(r.identifier(), null, null)).toList(), false));
            SubjectBatchClient.BatchResponse response;
            try {
                response = Retry.decorateSupplier(retry, CircuitBreaker.decorateSupplier(breaker, call)).get();
            } catch (FeignException e) {
                if (e.status() == 404 || e.status() == 405) {
                    batchSupported = false;
                }
                log.warn("subject-service answered {} to a bulk look-up", e.status());
                return out;
            } catch (RuntimeException e) {
                log.warn("subject-service unreachable for a bulk look-up: {}", e.getClass().getSimpleName());
                return out;
            }
            if (response == null || response.results() == null) {
                continue;
            }
            for (SubjectBatchClient.BatchItem item : response.results()) {
                if (item == null || item.index() < 0 || item.index() >= part.size()) {
                    continue;
                }
                String identifier = part.get(item.index()).identifier();
                if (item.ref() != null && item.ref().id() != null) {
                    cache.put(identifier, item.ref());
                    out.put(identifier, Optional.of(item.ref()));
                } else if (NOT_FOUND.equals(item.code())) {
                    out.put(identifier, Optional.empty());
                }
            }
        }
        return out;
    }

    /** Identifiers per bulk resolve call (the contract's limit). */
    private static final int BATCH = 1000;
    /**
     * Bytes of JSON per bulk resolve call: subject-service refuses JSON bodies over 64 KiB (413), so a chunk of
     * 1,000 identifiers with names is sent in several calls.
     */
    private static final int BATCH_BYTES = 48 * 1024;

    /** The requests in calls of at most {@link #BATCH} items and about {@link #BATCH_BYTES} of JSON. */
    private static List<List<Request>> parts(List<Request> all) {
        List<List<Request>> parts = new java.util.ArrayList<>();
        List<Request> part = new java.util.ArrayList<>();
        int bytes = 16;
        for (Request r : all) {
            int size = 64 + utf8(r.identifier()) + utf8(r.name()) + utf8(r.type());
            if (!part.isEmpty() && (part.size() >= BATCH || bytes + size > BATCH_BYTES)) {
                parts.add(part);
                part = new java.util.ArrayList<>();
                bytes = 16;
            }
            part.add(r);
            bytes += size;
        }
        if (!part.isEmpty()) {
            parts.add(part);
        }
        return parts;
    }

    private static int utf8(String s) {
        // at most 3 bytes per char for the BMP, plus JSON escapes: an upper bound is enough here
        return s == null ? 0 : s.length() * 3;
    }

    /**
     * One bulk resolve (retried, behind the same breaker as the single one). A subject-service without the endpoint
     * (404/405) switches this instance to single resolves, a body it refuses as too large (413) leaves the part to
     * single resolves (returns false); any other failure answers 503 for the part's identifiers.
     */
    private boolean resolveBatch(List<Request> part, Map<String, Resolution> out) {
        Supplier<SubjectBatchClient.BatchResponse> call = () -> batchClient.resolveBatch(new SubjectBatchClient.BatchRequest(
                part.stream().map(r -> new SubjectClient.ResolveRequest(r.identifier(), r.name(), r.type())).toList()));
        SubjectBatchClient.BatchResponse response;
        try {
            response = Retry.decorateSupplier(retry, CircuitBreaker.decorateSupplier(breaker, call)).get();
        } catch (FeignException e) {
            if (e.status() == 404 || e.status() == 405) {
                log.info("subject-service has no bulk resolve ({}): resolving one by one", e.status());
                batchSupported = false;
                return false;
            }
            if (e.status() == 413) {
                log.warn("subject-service refused a bulk resolve of {} identifiers as too large: resolving them one by one", part.size());
                return false;
            }
            log.warn("subject-service answered {} to the bulk resolve", e.status());
            failAll(part, out);
            return true;
        } catch (RuntimeException e) {
            log.warn("subject-service unreachable for the bulk resolve: {}", e.getClass().getSimpleName());
            failAll(part, out);
            return true;
        }
        if (response == null || response.results() == null) {
            failAll(part, out);
            return true;
        }
        for (SubjectBatchClient.BatchItem item : response.results()) {
            if (item == null || item.index() < 0 || item.index() >= part.size()) {
                continue;
            }
            String identifier = part.get(item.index()).identifier();
            if (item.ref() != null && item.ref().id() != null) {
                cache.put(identifier, item.ref());
                out.put(identifier, new Resolution.Resolved(item.ref()));
            } else {
                out.put(identifier, new Resolution.Failed(new Refused(List.of(new FieldProblem("subject.identifier",
                        "SUBJECT_IDENTIFIER_INVALID", "subject-service refused the identifier (" + item.code() + ")")))));
            }
        }
        part.forEach(r -> out.putIfAbsent(r.identifier(), new Resolution.Failed(unavailable())));
        return true;
    }

    private static void failAll(List<Request> part, Map<String, Resolution> out) {
        part.forEach(r -> out.put(r.identifier(), new Resolution.Failed(unavailable())));
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
