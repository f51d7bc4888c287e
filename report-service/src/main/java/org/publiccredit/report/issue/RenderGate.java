package org.publiccredit.report.issue;

import java.time.Duration;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.publiccredit.commons.problem.ApiException;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;

/**
 * At most {@code platform.reports.max-concurrent} reports are rendered and signed at once per instance (CPU bound, and
 * one parsed font per slot); the rest wait in line up to {@code queue-timeout}, then get 503 REPORTS_BUSY with
 * Retry-After instead of piling up until the gateway's time limit.
 */
@Component
class RenderGate {

    private final Semaphore slots;
    private final Duration wait;

    RenderGate(@Value("${platform.reports.max-concurrent:4}") int slots, @Value("${platform.reports.queue-timeout:10s}") Duration wait) {
        this.slots = new Semaphore(Math.max(1, slots), true);
        this.wait = wait;
    }

    <T> T run(Supplier<T> work) {
        boolean acquired;
        try {
            acquired = slots.tryAcquire(wait.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            acquired = false;
        }
        if (!acquired) {
            throw new ApiException(HttpStatus.SERVICE_UNAVAILABLE, "REPORTS_BUSY", "Too many reports are being made; try again shortly")
                    .retryAfter(2);
        }
        try {
            return work.get();
        } finally {
            slots.release();
        }
    }
}
