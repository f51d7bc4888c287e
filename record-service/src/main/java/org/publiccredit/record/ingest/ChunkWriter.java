package org.publiccredit.record.ingest;

import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Executor;
import java.util.concurrent.Executors;
import org.publiccredit.record.client.SubjectRef;
import org.slf4j.MDC;

/**
 * Stores the chunks of one batch one at a time, on a virtual thread, while the request thread reads, validates and
 * resolves the next: chunks are still stored one after the other, in order, each in its own transaction.
 */
final class ChunkWriter {

    private static final Executor WRITERS = Executors.newThreadPerTaskExecutor(Thread.ofVirtual().name("ingest-writer-", 0).factory());

    private final ChunkStore store;
    private final String department;
    private final BatchResults results;
    private final Map<String, String> logContext = MDC.getCopyOfContextMap();
    private CompletableFuture<Void> pending = CompletableFuture.completedFuture(null);

    ChunkWriter(ChunkStore store, String department, BatchResults results) {
        this.store = store;
        this.department = department;
        this.results = results;
    }

    /** Stores the chunk once the previous one is stored; its rows refused before storing join the report with it. */
    void submit(List<PendingRow> ready, Map<String, SubjectRef> resolved, List<RowResult> rejected) {
        await();
        pending = CompletableFuture.runAsync(() -> {
            if (logContext != null) {
                MDC.setContextMap(logContext); // the request id in the writer's log lines
            }
            // one chunk at a time, and the request thread reads results only after await() (join): no lock needed
            results.addAll(store.storeChunk(department, ready, resolved, rejected.size()));
            results.addAll(rejected);
        }, WRITERS);
    }

    /** Waits for the chunk being stored; its failure (not a row's: those are results) is the request's. */
    void await() {
        try {
            pending.join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof RuntimeException r) {
                throw r;
            }
            throw e;
        } finally {
            pending = CompletableFuture.completedFuture(null);
        }
    }
}
