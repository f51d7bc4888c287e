package org.publiccredit.search.feed;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Supplier;

/**
 * Calls of the feeds' services that run while the indexer does something else (a page fetched ahead, summaries fetched
 * while Elasticsearch reads, summary calls side by side): one virtual thread each, and their failures rethrown as
 * the exception the call threw.
 */
public final class FeedCalls {

    private static final ExecutorService THREADS = Executors.newVirtualThreadPerTaskExecutor();

    private FeedCalls() {
    }

    /** Starts the call on a virtual thread of its own. */
    public static <T> CompletableFuture<T> start(Supplier<T> call) {
        return CompletableFuture.supplyAsync(call, THREADS);
    }

    /** Its result, once there; a failed call throws what it threw (e.g. a {@code RestClientException}). */
    public static <T> T join(CompletableFuture<T> call) {
        try {
            return call.join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof RuntimeException r) {
                throw r;
            }
            if (e.getCause() instanceof Error err) {
                throw err;
            }
            throw e;
        }
    }
}
