package org.publiccredit.objection.client;

/**
 * The effects on a record that objection-service drives, each one call of record-service (docs/contracts.md). The name
 * is stored in the outbox ({@code record_effect.effect}) and makes the call's {@code operationId}
 * ({@code objection-service:<case>:clear-dispute}): a constant is never renamed.
 */
public enum RecordEffect { DISPUTE, CLEAR_DISPUTE, CORRECT, REVOKE, REPAIR }
