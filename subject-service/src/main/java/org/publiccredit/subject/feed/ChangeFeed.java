package org.publiccredit.subject.feed;

import java.util.List;
import org.publiccredit.commons.feed.ChangeLogOrder;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * Reads change_log after a sequence number, serving only rows whose transaction lies below the oldest running one
 * ({@code pg_snapshot_xmin}): a row that commits late with a lower seq is then never skipped by a consumer that
 * already saw a higher one. The rows are written by the registry in the transaction of each change.
 */
@Repository
class ChangeFeed {

    /**
     * A page of the feed.
     *
     * @param changes the changes, by seq: {@code seq, entityType, entityId, kind, at} and the payload's fields
     * @param lastSeq the cursor to send as {@code after} next time
     * @param hasMore whether more changes are visible now
     */
    record Page(List<JsonNode> changes, long lastSeq, boolean hasMore, long headSeq) {
    }

    private final JdbcTemplate jdbc;
    private final JsonMapper json;

    ChangeFeed(JdbcTemplate jdbc, JsonMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    Page page(long after, int limit) {
        List<JsonNode> rows = jdbc.query("SELECT seq, entity_type, entity_id, change_kind, payload::text AS payload, changed_at "
                + "FROM change_log WHERE seq > ? AND " + ChangeLogOrder.SERVABLE + " ORDER BY seq LIMIT ?",
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
        List<JsonNode> page = hasMore ? rows.subList(0, limit) : rows;
        long last = page.isEmpty() ? after : page.getLast().path("seq").asLong();
        // the highest committed seq (an index lookup), for the consumer's lag and a rebuild's progress
        Long head = jdbc.queryForObject("SELECT COALESCE(max(seq), 0) FROM change_log", Long.class);
        return new Page(List.copyOf(page), last, hasMore, Math.max(head == null ? 0 : head, last));
    }
}
