package org.publiccredit.record.creditrecord;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HexFormat;
import java.util.Map;
import java.util.UUID;
import org.publiccredit.commons.problem.ApiException;

/**
 * A credit record (信用记录): one decision of a supplying department about a subject, in one catalog category.
 * Immutable; each change yields a new instance with the next {@code version} (optimistic locking).
 *
 * @param id the record id
 * @param subject the subject
 * @param department the supplying department (数据提供单位)
 * @param category the catalog code
 * @param documentNumber the decision document number (natural key with department and category)
 * @param decisionDate the decision date (Asia/Shanghai local date)
 * @param fields the category's fields, normalised text values
 * @param contentHash a digest of subject, decision date and fields: equal content, equal hash
 * @param state the lifecycle state
 * @param version 1 for a new record, +1 per change
 * @param stateNote the reason or note of the last transition
 * @param createdAt first stored
 * @param updatedAt last changed
 */
public record CreditRecord(UUID id, Subject subject, String department, String category, String documentNumber,
        LocalDate decisionDate, Map<String, String> fields, String contentHash, RecordState state, int version,
        String stateNote, Instant createdAt, Instant updatedAt) {

    public CreditRecord {
        fields = Map.copyOf(fields);
    }

    /** A new record in state ACTIVE, version 1. */
    public static CreditRecord create(Subject subject, String department, String category, String documentNumber,
            LocalDate decisionDate, Map<String, String> fields, Instant now) {
        return new CreditRecord(RecordIds.next(), subject, department, category, documentNumber, decisionDate, fields,
                hash(subject, decisionDate, fields), RecordState.ACTIVE, 1, null, now, now);
    }

    /** The same decision pushed again with this content: same hash means nothing to do. */
    public boolean sameContent(Subject otherSubject, LocalDate otherDate, Map<String, String> otherFields) {
        return contentHash.equals(hash(otherSubject, otherDate, otherFields));
    }

    /** A new version with new content (UPDATE by the department, or CORRECT); checks the state machine. */
    public CreditRecord withContent(Transition t, Subject newSubject, LocalDate newDate, Map<String, String> newFields,
            String note, Instant now) {
        if (t != Transition.UPDATE && t != Transition.CORRECT) {
            throw new IllegalArgumentException(t + " does not change content");
        }
        return new CreditRecord(id, newSubject, department, category, documentNumber, newDate, newFields,
                hash(newSubject, newDate, newFields), state.after(t), version + 1, note, createdAt, now);
    }

    /** A state change without new content (DISPUTE, CLEAR_DISPUTE, REVOKE, REPAIR); checks the state machine. */
    public CreditRecord transition(Transition t, String note, Instant now) {
        if (t == Transition.UPDATE || t == Transition.CORRECT) {
            throw new IllegalArgumentException(t + " needs content");
        }
        return new CreditRecord(id, subject, department, category, documentNumber, decisionDate, fields, contentHash,
                state.after(t), version + 1, note, createdAt, now);
    }

    /** Refuses a department other than the supplying one (403 NOT_SUPPLYING_DEPARTMENT). */
    public void requireSuppliedBy(String callerDepartment) {
        if (!department.equals(callerDepartment)) {
            throw ApiException.forbidden("NOT_SUPPLYING_DEPARTMENT", "Only the supplying department may change this record");
        }
    }

    static String hash(Subject subject, LocalDate decisionDate, Map<String, String> fields) {
        // the canonical text is stored hashes' (fields in key order, '|' doubled): built without a sorted map or a
        // replace per value, it was a tenth of a batch row's CPU
        String[] keys = fields.keySet().toArray(new String[0]);
        java.util.Arrays.sort(keys);
        StringBuilder canonical = new StringBuilder(256).append(subject.id()).append('|').append(subject.nameOnDecision()).append('|')
                .append(decisionDate);
        for (String key : keys) {
            String value = fields.get(key);
            canonical.append('|').append(key).append('=').append(value.indexOf('|') < 0 ? value : value.replace("|", "||"));
        }
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(canonical.toString().getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest, 0, 16);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
