package org.publiccredit.commons.feed;

import java.util.List;
import org.springframework.jdbc.core.JdbcTemplate;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * The readers' query of a service's change feed (docs/contracts.md), beside the rule it keeps ({@link ChangeLogOrder}):
 * the rows of {@code change_log} after a sequence, up to the first not yet servable ({@link ChangeLogOrder#page}), each as
 * {@code seq, entityType, entityId, kind, at} and its payload's fields, and the feed's head for the reader's lag.
 * subject-service's and record-service's feeds both read through it.
 */
public final class ChangeLogPages {

    private ChangeLogPages() {
    }

    /**
     * A page of the feed.
     *
     * @param changes the changes, seq ascending
     * @param lastSeq the seq to ask after next time
     * @param hasMore whether more are ready now
     * @param headSeq the highest committed seq (some may not be servable yet), for the consumer's lag
     */
    public record Page(List<ObjectNode> changes, long lastSeq, boolean hasMore, long headSeq) {
    }

    /** At most {@code limit} servable changes after {@code after}. */
    public static Page after(JdbcTemplate jdbc, JsonMapper json, long after, int limit) {
        List<ObjectNode> rows = jdbc.query(ChangeLogOrder.page("seq, entity_type, entity_id, change_kind, payload::text AS payload, changed_at",
                "TRUE"),
                (rs, n) -> {
                    ObjectNode change = json.createObjectNode();
                    change.put("seq", rs.getLong("seq"));
                    change.put("entityType", rs.getString("entity_type"));
                    change.put("entityId", rs.getString("entity_id"));
                    change.put("kind", rs.getString("change_kind"));
                    change.put("at", rs.getTimestamp("changed_at").toInstant().toString());
                    String payload = rs.getString("payload");
                    if (payload != null && json.readTree(payload) instanceof ObjectNode fields) {
                        change.setAll(fields);
                    }
                    return change;
                }, after, limit + 1);
        boolean hasMore = rows.size() > limit;
        List<ObjectNode> page = hasMore ? rows.subList(0, limit) : rows;
        long last = page.isEmpty() ? after : page.getLast().path("seq").asLong();
        // the highest committed seq (an index lookup): >= every servable seq
        Long head = jdbc.queryForObject("SELECT COALESCE(max(seq), 0) FROM change_log", Long.class);
        return new Page(List.copyOf(page), last, hasMore, Math.max(head == null ? 0 : head, last));
    }
}
