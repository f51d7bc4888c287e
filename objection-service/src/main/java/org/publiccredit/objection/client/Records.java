package org.publiccredit.objection.client;

import java.util.Map;
import java.util.Optional;
import org.publiccredit.commons.problem.ApiException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;

/**
 * record-service as this service uses it, with the policy per call: a read that fails is a 503 problem for the
 * request that needed it (nothing is decided on unknown data); an effect reports its outcome to the outbox,
 * which keeps it until it is confirmed.
 */
@Component
public class Records {

    private static final Logger log = LoggerFactory.getLogger(Records.class);

    private final RecordClient reads;
    private final RecordEffectsClient effects;

    Records(RecordClient reads, RecordEffectsClient effects) {
        this.reads = reads;
        this.effects = effects;
    }

    /** The record, or empty when record-service does not know it; 503 problem when it cannot be asked. */
    public Optional<RecordView> find(String id) {
        try {
            return Optional.ofNullable(reads.get(id));
        } catch (RuntimeException e) {
            CallFailure f = CallFailure.of(e);
            if (f.status() == 404 || f.status() == 400) {
                return Optional.empty();
            }
            log.warn("record-service read failed: {}", f.summary());
            throw new ApiException(HttpStatus.SERVICE_UNAVAILABLE, "RECORD_SERVICE_UNAVAILABLE",
                    "The credit records cannot be read right now; try again shortly");
        }
    }

    /** What an effect call did: applied (with the record after it), or failed with the reason. */
    public sealed interface EffectResult {
        record Applied(RecordView record) implements EffectResult {
        }

        record Failed(CallFailure failure) implements EffectResult {
        }
    }

    public EffectResult apply(RecordEffect effect, String recordId, Map<String, Object> body) {
        try {
            RecordView after = switch (effect) {
                case DISPUTE -> effects.dispute(recordId, body);
                case CLEAR_DISPUTE -> effects.clearDispute(recordId, body);
                case CORRECT -> effects.correct(recordId, body);
                case REVOKE -> effects.revoke(recordId, body);
                case REPAIR -> effects.repair(recordId, body);
            };
            return new EffectResult.Applied(after);
        } catch (RuntimeException e) {
            return new EffectResult.Failed(CallFailure.of(e));
        }
    }
}
