package org.publiccredit.record.ingest;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import java.util.concurrent.Executors;
import org.publiccredit.commons.problem.ApiException;
import org.publiccredit.commons.problem.FieldProblem;
import org.publiccredit.record.client.SubjectRef;
import org.publiccredit.record.client.SubjectResolver;
import org.slf4j.MDC;

/**
 * The middle stage of a batch: resolves a chunk's subjects and hands the chunk to its {@link ChunkWriter} on a thread of
 * its own, while the request thread reads and validates the next chunk. One chunk at a time and in the order of the
 * rows, so the writer gets the chunks as before (a repeated key still waits for its earlier version) and no two
 * resolve calls of one batch create the same subject at once.
 * <p>
 * With new subjects, resolving is the slow part of a chunk: subject-service registers ~1,000 subjects in 100-400 ms.
 * On the request thread that time added to the reading. Here it overlaps with it, which counts where subject-service
 * answers from other machines. On the two-core benchmark host, where all services share the cores, the first batch of
 * new subjects took as long as before (18-21 s against 19 s): resolving itself is the limit there (bench/RESULTS.md).
 */
final class ResolveAhead {

    private static final Executor RESOLVERS = Executors.newThreadPerTaskExecutor(Thread.ofVirtual().name("ingest-resolver-", 0).factory());

    private final SubjectResolver resolver;
    private final int parallelism;
    private final ChunkWriter writer;
    /** The batch's subjects resolved so far: written by the resolving thread, read by the writers. */
    private final Map<String, SubjectRef> resolved = new ConcurrentHashMap<>();
    private final Map<String, String> logContext = MDC.getCopyOfContextMap();
    /** The chunk being resolved and handed over (completed when none is). */
    private CompletableFuture<Void> ahead = CompletableFuture.completedFuture(null);

    /**
     * @param parallelism single resolves at once, against a subject-service without the bulk resolve
     */
    ResolveAhead(SubjectResolver resolver, int parallelism, ChunkWriter writer) {
        this.resolver = resolver;
        this.parallelism = parallelism;
        this.writer = writer;
    }

    /**
     * Resolves the chunk's subjects and hands it over, once the chunk before it has been handed over; a row whose subject
     * cannot be resolved joins the refused ones. The lists are copied: the caller may reuse them.
     *
     * @throws RuntimeException the failure of the chunk before (the writer's: a chunk failed as a whole)
     */
    void submit(List<PendingRow> chunk, List<RowResult> rejected) {
        settle();
        List<PendingRow> rows = List.copyOf(chunk);
        List<RowResult> refused = List.copyOf(rejected);
        ahead = CompletableFuture.runAsync(() -> {
            if (logContext != null) {
                MDC.setContextMap(logContext); // the request id in the resolver's log lines
            }
            handOver(rows, refused);
        }, RESOLVERS);
    }

    /** Waits for the chunk being resolved and for every chunk being stored; the first failure is the request's. */
    void await() {
        RuntimeException first = null;
        try {
            settle();
        } catch (RuntimeException e) {
            first = e;
        }
        try {
            writer.await();
        } catch (RuntimeException e) {
            if (first == null) {
                first = e;
            }
        }
        if (first != null) {
            throw first;
        }
    }

    private void settle() {
        CompletableFuture<Void> pending = ahead;
        ahead = CompletableFuture.completedFuture(null);
        try {
            pending.join();
        } catch (CompletionException e) {
            throw e.getCause() instanceof RuntimeException r ? r : e;
        }
    }

    private void handOver(List<PendingRow> chunk, List<RowResult> rejected) {
        List<RowResult> allRejected = new ArrayList<>(rejected);
        Map<String, ApiException> failures = resolveAll(chunk);
        List<PendingRow> ready = new ArrayList<>(chunk.size());
        for (PendingRow p : chunk) {
            ApiException failure = failures.get(p.valid().identifier());
            if (failure != null) {
                allRejected.add(RowResult.rejected(p.row(), p.valid().documentNumber(), failure.code(), failure.errors().isEmpty()
                        ? List.of(new FieldProblem("subject.identifier", failure.code(), failure.getMessage())) : failure.errors()));
            } else {
                ready.add(p);
            }
        }
        writer.submit(ready, resolved, allRejected);
    }

    /** Resolves the chunk's identifiers not yet known in this batch; answers the refused or unanswered ones. */
    private Map<String, ApiException> resolveAll(List<PendingRow> chunk) {
        Map<String, SubjectResolver.Request> todo = new LinkedHashMap<>();
        chunk.forEach(p -> {
            if (!resolved.containsKey(p.valid().identifier())) {
                todo.putIfAbsent(p.valid().identifier(),
                        new SubjectResolver.Request(p.valid().identifier(), p.valid().name(), p.valid().type()));
            }
        });
        Map<String, ApiException> failures = new HashMap<>();
        if (todo.isEmpty()) {
            return failures;
        }
        resolver.resolveAll(todo.values(), parallelism).forEach((identifier, answer) -> {
            switch (answer) {
                case SubjectResolver.Resolution.Resolved(SubjectRef ref) -> resolved.put(identifier, ref);
                case SubjectResolver.Resolution.Failed(ApiException problem) -> failures.put(identifier, problem);
            }
        });
        return failures;
    }
}
