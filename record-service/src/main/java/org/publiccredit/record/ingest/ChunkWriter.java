package org.publiccredit.record.ingest;

import java.util.ArrayDeque;
import java.util.Collections;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.stream.Collectors;
import org.publiccredit.record.client.SubjectRef;
import org.publiccredit.record.creditrecord.NaturalKey;
import org.slf4j.MDC;

/**
 * Stores the chunks of one batch on virtual threads while the next ones are read, validated and resolved.
 * Several chunks are stored at once (each in its own transaction) only when no two of them share a natural key: a chunk
 * that repeats a key of one being stored waits for it, so the versions of a key are stored in the order of the rows.
 * Chunks with disjoint keys are independent, exactly like two departments' batches arriving together; their feed rows
 * are ordered by commit ({@code ChangeLogOrder}). Made by {@link ChunkWriters}, which bounds the connections all batches
 * use together.
 */
final class ChunkWriter {

    private record InFlight(Set<NaturalKey> keys, CompletableFuture<Void> done) {
    }

    private final ChunkWriters writers;
    private final String department;
    private final BatchResults results;
    private final Map<String, String> logContext = MDC.getCopyOfContextMap();
    private final Deque<InFlight> inFlight = new ArrayDeque<>();
    private RuntimeException failure;

    ChunkWriter(ChunkWriters writers, String department, BatchResults results) {
        this.writers = writers;
        this.department = department;
        this.results = results;
    }

    /**
     * Stores the chunk once no chunk being stored shares one of its keys and a slot is free; its rows refused before
     * storing join the report with it.
     */
    void submit(List<PendingRow> ready, Map<String, SubjectRef> resolved, List<RowResult> rejected) {
        long waitStart = System.nanoTime();
        Set<NaturalKey> keys = ready.stream().map(PendingRow::key).collect(Collectors.toUnmodifiableSet());
        reap();
        if (failure != null) {
            await(); // a chunk failed as a whole (not row by row): the batch stops here, after the chunks being stored
        }
        for (InFlight f : List.copyOf(inFlight)) {
            if (!Collections.disjoint(f.keys(), keys)) {
                join(f);
            }
        }
        boolean sharedSlot = false;
        while (!inFlight.isEmpty()) {
            if (inFlight.size() < writers.parallelism() && writers.tryTakeSlot()) {
                sharedSlot = true;
                break;
            }
            join(inFlight.peekFirst());
        }
        writers.waited(System.nanoTime() - waitStart);
        boolean releases = sharedSlot;
        boolean mostlyNew = results.mostlyCreated();
        CompletableFuture<Void> done = CompletableFuture.runAsync(() -> {
            if (logContext != null) {
                MDC.setContextMap(logContext); // the request id in the writer's log lines
            }
            try {
                List<RowResult> stored = writers.store(department, ready, resolved, rejected.size(), mostlyNew);
                results.addAll(stored);
                results.addAll(rejected);
            } finally {
                if (releases) {
                    writers.releaseSlot();
                }
            }
        }, writers.executor());
        inFlight.addLast(new InFlight(keys, done));
    }

    /** Waits for every chunk being stored; the first failure (not a row's: those are results) is the request's. */
    void await() {
        while (!inFlight.isEmpty()) {
            join(inFlight.peekFirst());
        }
        if (failure != null) {
            RuntimeException f = failure;
            failure = null;
            throw f;
        }
    }

    /** Settles the chunks already stored, so that their slots count as free. */
    private void reap() {
        for (InFlight f : List.copyOf(inFlight)) {
            if (f.done().isDone()) {
                join(f);
            }
        }
    }

    /** Waits for the chunk; the batch keeps the first failure of a chunk as a whole. */
    private void join(InFlight f) {
        inFlight.remove(f);
        try {
            f.done().join();
        } catch (CompletionException e) {
            if (failure == null) {
                failure = e.getCause() instanceof RuntimeException r ? r : e;
            }
        }
    }
}
