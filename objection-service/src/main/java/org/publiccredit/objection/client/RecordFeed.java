package org.publiccredit.objection.client;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.util.List;
import org.springframework.stereotype.Component;

/**
 * record-service's change feed as this service reads it: the record changes after a sequence, each with the record's
 * state and version after the change. A failure is thrown: the follower keeps its cursor and asks again later.
 */
@Component
public class RecordFeed {

    /**
     * One change (only the fields used here).
     *
     * @param seq the feed's sequence
     * @param entityType RECORD
     * @param entityId the record id
     * @param kind UPSERT, WITHDRAWN or RULE_CHANGED
     * @param state the record's state after the change (ACTIVE, DISPUTED, REVOKED, REPAIRED)
     * @param version the record's version after the change
     */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Change(long seq, String entityType, String entityId, String kind, String state, Integer version) {
    }

    /**
     * A page of the feed.
     *
     * @param changes in sequence order
     * @param lastSeq the sequence to ask after next time
     * @param hasMore more are ready now
     */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Page(List<Change> changes, long lastSeq, boolean hasMore) {
        public Page {
            changes = changes == null ? List.of() : List.copyOf(changes);
        }
    }

    private final RecordFeedClient client;

    RecordFeed(RecordFeedClient client) {
        this.client = client;
    }

    public Page changes(long after, int limit) {
        Page page = client.changes(after, limit);
        return page == null ? new Page(List.of(), after, false) : page;
    }
}
