package org.publiccredit.objection.notify;

import java.time.Duration;

/**
 * What the mail worker does after a send failed: a failure the SMTP server may get over (down, timeout, 4xx) is tried
 * again after 2, 4, 8 … seconds up to {@code maxBackoff}; after {@code maxAttempts} tries, or at once for a mail that
 * can never go (an address or message the server refuses for good), the mail is DEAD (kept, counted, logged).
 *
 * @param maxAttempts tries before giving up
 * @param maxBackoff the longest pause
 */
record MailRetryPolicy(int maxAttempts, Duration maxBackoff) {

    MailRetryPolicy {
        if (maxAttempts < 1) {
            throw new IllegalArgumentException("platform.mail.max-attempts must be at least 1");
        }
    }

    sealed interface Next {
        record Retry(Duration delay) implements Next {
        }

        record Dead() implements Next {
        }
    }

    /**
     * @param attempts the tries so far, this one included
     * @param permanent the failure will not go away by itself
     */
    Next after(int attempts, boolean permanent) {
        if (permanent || attempts >= maxAttempts) {
            return new Next.Dead();
        }
        long seconds = Math.min(maxBackoff.toSeconds(), 1L << Math.clamp(attempts, 0, 20));
        return new Next.Retry(Duration.ofSeconds(Math.max(1, seconds)));
    }
}
