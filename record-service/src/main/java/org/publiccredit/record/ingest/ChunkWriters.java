package org.publiccredit.record.ingest;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executor;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import org.publiccredit.record.client.SubjectRef;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Makes the {@link ChunkWriter} of each batch and bounds what they use together: a batch always stores one chunk at a
 * time, and up to {@code platform.batch.store-parallelism} at once while the service-wide extra connections
 * ({@code platform.batch.store-shared-slots}) last, so concurrent batches never take the whole pool from checks and feeds.
 * Its timers tell where a batch's time goes: {@code record.ingest.chunk.store} (one chunk's transaction) against
 * {@code record.ingest.chunk.wait} (the resolving stage waiting for a free writer, i.e. storing is the slower side).
 */
@Component
class ChunkWriters {

    private static final Executor WRITERS = Executors.newThreadPerTaskExecutor(Thread.ofVirtual().name("ingest-writer-", 0).factory());

    private final ChunkStore store;
    private final int parallelism;
    private final Semaphore sharedSlots;
    private final Timer storeTimer;
    private final Timer waitTimer;

    ChunkWriters(ChunkStore store, MeterRegistry meters, @Value("${platform.batch.store-parallelism:4}") int parallelism,
            @Value("${platform.batch.store-shared-slots:4}") int sharedSlots) {
        this.store = store;
        this.parallelism = Math.max(1, parallelism);
        this.sharedSlots = new Semaphore(Math.max(0, sharedSlots));
        this.storeTimer = Timer.builder("record.ingest.chunk.store").description("One chunk of a batch stored, in its transaction")
                .register(meters);
        this.waitTimer = Timer.builder("record.ingest.chunk.wait")
                .description("A batch waiting for a chunk writer before handing it the next chunk").register(meters);
    }

    ChunkWriter open(String department, BatchResults results) {
        return new ChunkWriter(this, department, results);
    }

    int parallelism() {
        return parallelism;
    }

    boolean tryTakeSlot() {
        return sharedSlots.tryAcquire();
    }

    void releaseSlot() {
        sharedSlots.release();
    }

    Executor executor() {
        return WRITERS;
    }

    void waited(long nanos) {
        waitTimer.record(nanos, TimeUnit.NANOSECONDS);
    }

    List<RowResult> store(String department, List<PendingRow> rows, Map<String, SubjectRef> resolved, int rejectedElsewhere,
            boolean mostlyNew) {
        long start = System.nanoTime();
        try {
            return store.storeChunk(department, rows, resolved, rejectedElsewhere, mostlyNew);
        } finally {
            storeTimer.record(System.nanoTime() - start, TimeUnit.NANOSECONDS);
        }
    }
}
