package org.publiccredit.objection.effect;

import java.time.Duration;
import org.publiccredit.objection.client.CallFailure;

/**
 * What the worker does after a delivery failed. No answer (record-service down, timeout, breaker open) is an outage:
 * retried with a growing pause for as long as it lasts ({@code objection.effects.pending} shows it). A server error
 * answered by record-service counts: after {@code maxServerErrors} of them the effect is DEAD (a dead letter that a
 * reviewer retries once record-service is fixed) instead of being retried forever. A definite refusal (4xx such as
 * 409) is FAILED at once.
 *
 * @param maxServerErrors how many 5xx answers an effect may get before it is DEAD
 * @param maxBackoff the longest pause between two tries
 */
record DeliveryPolicy(int maxServerErrors, Duration maxBackoff) {

    DeliveryPolicy {
        if (maxServerErrors < 1) {
            throw new IllegalArgumentException("platform.effects.max-server-errors must be at least 1");
        }
    }

    /** The worker's next step for one effect. */
    sealed interface Next {
        /** Try again after {@code delay}; {@code serverError} when this failure counts towards the bound. */
        record Retry(Duration delay, boolean serverError) implements Next {
        }

        /** Stop: record-service answered with server errors {@code serverErrors} times. */
        record Dead(int serverErrors) implements Next {
        }

        /** Stop: record-service refused the effect for good. */
        record Failed() implements Next {
        }
    }

    /**
     * @param failure what went wrong this time
     * @param attempts the tries so far, this one included (drives the pause: 2, 4, 8 … seconds up to the maximum)
     * @param serverErrorsBefore the server errors counted before this try
     */
    Next after(CallFailure failure, int attempts, int serverErrorsBefore) {
        if (!failure.retryable()) {
            return new Next.Failed();
        }
        boolean serverError = failure.status() >= 500;
        int serverErrors = serverErrorsBefore + (serverError ? 1 : 0);
        if (serverErrors >= maxServerErrors) {
            return new Next.Dead(serverErrors);
        }
        long seconds = Math.min(maxBackoff.toSeconds(), 1L << Math.clamp(attempts, 0, 10));
        return new Next.Retry(Duration.ofSeconds(Math.max(1, seconds)), serverError);
    }
}
