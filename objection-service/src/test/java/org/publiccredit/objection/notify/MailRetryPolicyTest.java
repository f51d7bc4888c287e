package org.publiccredit.objection.notify;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

/** The mail outbox's retries: a growing pause up to the maximum, then DEAD; a mail that can never go is DEAD at once. */
class MailRetryPolicyTest {

    final MailRetryPolicy policy = new MailRetryPolicy(5, Duration.ofSeconds(30));

    @Test
    void aPassingFailureIsRetriedWithADoublingPauseUpToTheMaximum() {
        assertThat(policy.after(1, false)).isEqualTo(new MailRetryPolicy.Next.Retry(Duration.ofSeconds(2)));
        assertThat(policy.after(2, false)).isEqualTo(new MailRetryPolicy.Next.Retry(Duration.ofSeconds(4)));
        assertThat(policy.after(4, false)).isEqualTo(new MailRetryPolicy.Next.Retry(Duration.ofSeconds(16)));
        MailRetryPolicy patient = new MailRetryPolicy(100, Duration.ofSeconds(30));
        assertThat(patient.after(6, false)).isEqualTo(new MailRetryPolicy.Next.Retry(Duration.ofSeconds(30)));
        assertThat(patient.after(60, false)).isEqualTo(new MailRetryPolicy.Next.Retry(Duration.ofSeconds(30)));
    }

    @Test
    void afterTheLastAttemptOrForAMailThatCanNeverGoItIsDead() {
        assertThat(policy.after(5, false)).isInstanceOf(MailRetryPolicy.Next.Dead.class);
        assertThat(policy.after(1, true)).isInstanceOf(MailRetryPolicy.Next.Dead.class);
        assertThatThrownBy(() -> new MailRetryPolicy(0, Duration.ofSeconds(1))).isInstanceOf(IllegalArgumentException.class);
    }
}
