package org.publiccredit.objection.effect;

import java.util.Map;
import org.publiccredit.objection.client.RecordEffect;

/**
 * An effect on the record that a transition requires; the outbox stores it in the transition's transaction.
 *
 * @param effect what record-service must do
 * @param payload the body fields besides {@code operationId} and {@code caseId} (note, reason, fields)
 */
public record PlannedEffect(RecordEffect effect, Map<String, Object> payload) {
}
