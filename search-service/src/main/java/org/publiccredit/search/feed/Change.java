package org.publiccredit.search.feed;

import java.time.Instant;

/**
 * One change of either feed. Subject changes carry the subject's state ({@link #subject()}); record changes carry
 * the subject the record belongs to ({@link #subjectId()}); the record itself is not needed, since the subject's
 * public summary is fetched again.
 *
 * @param seq the feed's sequence
 * @param entityType {@code SUBJECT}, {@code RECORD}, …
 * @param entityId the entity's id
 * @param kind {@code UPSERT}, {@code WITHDRAWN}, {@code DELETED}, …
 * @param at when the change was committed
 * @param subject a subject change's payload (null when deleted)
 * @param subjectId a record change's subject
 */
public record Change(long seq, String entityType, String entityId, String kind, Instant at, SubjectPayload subject,
        String subjectId) {
}
