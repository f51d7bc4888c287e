package org.publiccredit.record.creditrecord;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.UUID;

/**
 * The payload of a record's row in {@code change_log} (docs/contracts.md, "Feed payload"): only what the feed's
 * readers use, so that writing a record computes no view of it. Who reads what: search-service {@code subjectId} (the
 * subject whose summary it fetches again); objection-service {@code state} and {@code version} (a case made moot);
 * monitoring ({@code ChangeFollower}) all five, {@code publicNow} being whether the record was public when written (the
 * "was visible before" of a withdrawal, which cannot be recomputed later).
 * <p>
 * Rows written before issue 26 also carry {@code subjectCode} and {@code record} (the public view then); readers ignore
 * what they do not know. {@code RULE_CHANGED} rows (written by the catalog) carry no {@code publicNow}.
 *
 * @param subjectId the record's subject
 * @param category the catalog code
 * @param state the record's state after the change
 * @param version the record's version after the change
 * @param publicNow whether the record was public when the change was written (null in RULE_CHANGED rows)
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonIgnoreProperties(ignoreUnknown = true)
public record RecordFeedPayload(UUID subjectId, String category, RecordState state, Integer version, Boolean publicNow) {

    /** The payload of a change of this record. */
    public static RecordFeedPayload of(CreditRecord r, boolean publicNow) {
        return new RecordFeedPayload(r.subject().id(), r.category(), r.state(), r.version(), publicNow);
    }

    /** The feed row's {@code change_kind}: UPSERT while the record is public, WITHDRAWN otherwise. */
    public String changeKind() {
        return Boolean.TRUE.equals(publicNow) ? "UPSERT" : "WITHDRAWN";
    }
}
