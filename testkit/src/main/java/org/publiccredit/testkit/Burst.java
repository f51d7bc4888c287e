package org.publiccredit.testkit;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.Semaphore;
import java.util.function.IntFunction;

/** Many requests at once, for tests of limits and of behaviour under concurrency. */
public final class Burst {

    private Burst() {
    }

    /**
     * Sends {@code count} requests, at most {@code concurrency} in flight at a time (each on a virtual thread), and
     * returns the replies in order; {@code call} gets the request's number.
     */
    public static List<Reply> of(int count, int concurrency, IntFunction<Reply> call) throws InterruptedException {
        Semaphore inFlight = new Semaphore(concurrency);
        try (ExecutorService threads = Executors.newVirtualThreadPerTaskExecutor()) {
            List<Future<Reply>> futures = new ArrayList<>();
            for (int i = 0; i < count; i++) {
                int n = i;
                futures.add(threads.submit(() -> {
                    inFlight.acquire();
                    try {
                        return call.apply(n);
                    } finally {
                        inFlight.release();
                    }
                }));
            }
            List<Reply> replies = new ArrayList<>();
            for (Future<Reply> f : futures) {
                try {
                    replies.add(f.get());
                } catch (ExecutionException e) {
                    throw new IllegalStateException(e.getCause());
                }
            }
            return replies;
        }
    }
}
