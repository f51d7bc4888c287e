package org.publiccredit.objection.effect;

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
 * Delivers the outbox to record-service until it confirms: an unanswered or failed call is retried with a growing
 * pause (record-service down, restarting, breaker open); a definite refusal (4xx such as 409) stops the effect as
 * FAILED, visible on the case and in the log, instead of retrying forever.
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
    private final Duration maxBackoff;

    EffectWorker(EffectOutbox outbox, Records records, CaseJournal journal, TransactionTemplate tx, Clock clock,
            MeterRegistry meters, @Value("${platform.effects.batch:20}") int batch,
            @Value("${platform.effects.max-backoff:30s}") Duration maxBackoff) {
        this.outbox = outbox;
        this.records = records;
        this.journal = journal;
        this.tx = tx;
        this.clock = clock;
        this.batch = batch;
        this.maxBackoff = maxBackoff;
        Gauge.builder("objection.effects.pending", outbox, EffectOutbox::pendingCount)
                .description("effects on records not yet confirmed by record-service").register(meters);
    }

    @Scheduled(initialDelayString = "${platform.effects.initial-delay:5s}", fixedDelayString = "${platform.effects.poll-interval:1s}")
    void deliver() {
        for (EffectOutbox.Pending p : outbox.claim(batch, clock.instant(), Duration.ofSeconds(60))) {
            Map<String, Object> body = new LinkedHashMap<>(p.payload());
            body.put("operationId", p.operationId());
            body.put("caseId", p.caseId().toString());
            Records.EffectResult result = records.apply(Records.Effect.valueOf(p.effect().name()), p.recordId(), body);
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
        if (f.retryable()) {
            long seconds = Math.min(maxBackoff.toSeconds(), 1L << Math.min(p.attempts(), 10));
            outbox.retryLater(p.id(), now.plusSeconds(seconds), f.summary());
            log.warn("effect {} on case {} not delivered (attempt {}: {}); retrying in {}s", p.effect(), p.caseId(),
                    p.attempts(), f.summary(), seconds);
        } else {
            tx.executeWithoutResult(s -> {
                outbox.failed(p.id(), f.summary());
                journal.systemNote(p.caseId(), now, "EFFECT_FAILED", "record-service refused " + p.effect() + ": " + f.summary());
            });
            log.error("effect {} on case {} refused by record-service ({}); needs attention", p.effect(), p.caseId(), f.summary());
        }
    }
}
