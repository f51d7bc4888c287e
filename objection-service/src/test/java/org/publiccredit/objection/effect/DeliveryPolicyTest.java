package org.publiccredit.objection.effect;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.publiccredit.objection.client.CallFailure;

class DeliveryPolicyTest {

    static final DeliveryPolicy POLICY = new DeliveryPolicy(10, Duration.ofSeconds(15));
    static final CallFailure SERVER_ERROR = new CallFailure(500, "INTERNAL_ERROR", "HTTP 500 INTERNAL_ERROR");
    static final CallFailure NO_ANSWER = new CallFailure(-1, null, "ConnectException");
    static final CallFailure CONFLICT = new CallFailure(409, "ILLEGAL_TRANSITION", "HTTP 409 ILLEGAL_TRANSITION");

    @Test
    void serverErrorsAreRetriedWithTheBackoffUntilTheBoundThenTheEffectIsDead() {
        int serverErrors = 0;
        for (int attempt = 1; attempt < 10; attempt++) {
            DeliveryPolicy.Next next = POLICY.after(SERVER_ERROR, attempt, serverErrors);
            assertThat(next).isInstanceOfSatisfying(DeliveryPolicy.Next.Retry.class, r -> {
                assertThat(r.serverError()).isTrue();
                assertThat(r.delay()).isBetween(Duration.ofSeconds(2), Duration.ofSeconds(15));
            });
            serverErrors++;
        }
        assertThat(POLICY.after(SERVER_ERROR, 10, serverErrors)).isEqualTo(new DeliveryPolicy.Next.Dead(10));
    }

    @Test
    void theBackoffGrowsAndStopsAtTheMaximum() {
        assertThat(POLICY.after(SERVER_ERROR, 1, 0)).isEqualTo(new DeliveryPolicy.Next.Retry(Duration.ofSeconds(2), true));
        assertThat(POLICY.after(SERVER_ERROR, 3, 2)).isEqualTo(new DeliveryPolicy.Next.Retry(Duration.ofSeconds(8), true));
        assertThat(POLICY.after(SERVER_ERROR, 9, 8)).isEqualTo(new DeliveryPolicy.Next.Retry(Duration.ofSeconds(15), true));
        assertThat(POLICY.after(NO_ANSWER, 5000, 0)).isEqualTo(new DeliveryPolicy.Next.Retry(Duration.ofSeconds(15), false));
    }

    @Test
    void anOutageIsRetriedForAsLongAsItLastsAndDoesNotCountTowardsTheBound() {
        assertThat(POLICY.after(NO_ANSWER, 500, 9)).isEqualTo(new DeliveryPolicy.Next.Retry(Duration.ofSeconds(15), false));
        assertThat(POLICY.after(new CallFailure(429, null, "HTTP 429"), 500, 9)).isInstanceOf(DeliveryPolicy.Next.Retry.class);
    }

    @Test
    void aDefiniteRefusalFailsAtOnce() {
        assertThat(POLICY.after(CONFLICT, 1, 0)).isEqualTo(new DeliveryPolicy.Next.Failed());
        assertThat(POLICY.after(new CallFailure(422, null, "HTTP 422"), 1, 9)).isEqualTo(new DeliveryPolicy.Next.Failed());
    }

    @Test
    void aBoundOfOneMakesTheFirstServerErrorFinal() {
        assertThat(new DeliveryPolicy(1, Duration.ofSeconds(15)).after(SERVER_ERROR, 1, 0)).isEqualTo(new DeliveryPolicy.Next.Dead(1));
    }
}
