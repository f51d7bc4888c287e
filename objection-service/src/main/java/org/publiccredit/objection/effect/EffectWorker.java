package org.publiccredit.objection.effect;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import org.publiccredit.objection.client.CallFailure;
import org.publiccredit.objection.client.Records;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Delivers the outbox to record-service until it confirms: an unanswered call is retried with a growing pause
 * (record-service down, restarting, breaker open); a definite refusal (4xx such as 409) stops the effect as FAILED,
 * and server errors answered again and again stop it as DEAD ({@link DeliveryPolicy}); both are visible on the case,
 * in the log and (DEAD) in the metrics {@code objection.effects.dead} and {@code objection.effects.dead.letters}.
 */
@Component
class EffectWorker {

    private static final Logger log = LoggerFactory.getLogger(EffectWorker.class);

    private final EffectOutbox outbox;
    private final Records records;
    private final CaseJournal journal;
    private final TransactionTemplate tx;
    private final Clock clock;
    private final int batch;
    private final DeliveryPolicy policy;
    private final Counter deadLetters;

    EffectWorker(EffectOutbox outbox, Records records, CaseJournal journal, TransactionTemplate tx, Clock clock,
            MeterRegistry meters, @Value("${platform.effects.batch:20}") int batch,
            @Value("${platform.effects.max-backoff:30s}") Duration maxBackoff,
            @Value("${platform.effects.max-server-errors:10}") int maxServerErrors) {
        this.outbox = outbox;
        this.records = records;
        this.journal = journal;
        this.tx = tx;
        this.clock = clock;
        this.batch = batch;
        this.policy = new DeliveryPolicy(maxServerErrors, maxBackoff);
        Gauge.builder("objection.effects.pending", outbox, EffectOutbox::pendingCount)
                .description("effects on records not yet confirmed by record-service").register(meters);
        Gauge.builder("objection.effects.dead", outbox, EffectOutbox::deadCount)
                .description("effects given up after repeated server errors of record-service, waiting for a reviewer's retry")
                .register(meters);
        this.deadLetters = Counter.builder("objection.effects.dead.letters")
                .description("effects moved to DEAD (alert on any increase)").register(meters);
    }

    @Scheduled(initialDelayString = "${platform.effects.initial-delay:5s}", fixedDelayString = "${platform.effects.poll-interval:1s}")
    void deliver() {
        for (EffectOutbox.Pending p : outbox.claim(batch, clock.instant(), Duration.ofSeconds(60))) {
            Map<String, Object> body = new LinkedHashMap<>(p.payload());
            body.put("operationId", p.operationId());
            body.put("caseId", p.caseId().toString());
            Records.EffectResult result = records.apply(p.effect(), p.recordId(), body);
            Instant now = clock.instant();
            switch (result) {
                case Records.EffectResult.Applied applied -> tx.executeWithoutResult(s -> {
                    outbox.done(p.id(), now);
                    journal.systemNote(p.caseId(), now, "EFFECT_APPLIED", "record " + p.effect() + " applied by record-service"
                            + (applied.record() != null && applied.record().state() != null ? " (record now " + applied.record().state() + ")" : ""));
                    log.info("effect {} on case {} applied after {} attempt(s)", p.effect(), p.caseId(), p.attempts());
                });
                case Records.EffectResult.Failed failed -> onFailure(p, failed.failure(), now);
            }
        }
    }

    private void onFailure(EffectOutbox.Pending p, CallFailure f, Instant now) {
        switch (policy.after(f, p.attempts(), p.serverErrors())) {
            case DeliveryPolicy.Next.Retry retry -> {
                outbox.retryLater(p.id(), now.plus(retry.delay()), f.summary(), retry.serverError());
                log.warn("effect {} on case {} not delivered (attempt {}: {}); retrying in {}s", p.effect(), p.caseId(),
                        p.attempts(), f.summary(), retry.delay().toSeconds());
            }
            case DeliveryPolicy.Next.Dead dead -> {
                tx.executeWithoutResult(s -> {
                    outbox.dead(p.id(), dead.serverErrors(), f.summary());
                    journal.systemNote(p.caseId(), now, "EFFECT_DEAD", "record-service failed " + p.effect() + " "
                            + dead.serverErrors() + " times (" + f.summary() + "); stopped until a reviewer retries it");
                });
                deadLetters.increment();
                log.error("effect {} on case {} given up after {} server errors of record-service ({}); needs a retry",
                        p.effect(), p.caseId(), dead.serverErrors(), f.summary());
            }
            case DeliveryPolicy.Next.Failed ignored -> {
                tx.executeWithoutResult(s -> {
                    outbox.failed(p.id(), f.summary());
                    journal.systemNote(p.caseId(), now, "EFFECT_FAILED", "record-service refused " + p.effect() + ": " + f.summary());
                });
                log.error("effect {} on case {} refused by record-service ({}); needs attention", p.effect(), p.caseId(), f.summary());
            }
        }
    }
}
