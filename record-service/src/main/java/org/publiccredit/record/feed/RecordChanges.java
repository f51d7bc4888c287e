package org.publiccredit.record.feed;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.publiccredit.commons.feed.ChangeLogOrder;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads the record change feed (docs/contracts.md) from {@code change_log}: rows after a sequence, only those whose
 * writing transaction is older than every running one ({@link ChangeLogOrder#SERVABLE}), so a row committing late with
 * a lower seq is never skipped.
 */
@Repository
class RecordChanges {

    private static final TypeReference<Map<String, Object>> MAP = new TypeReference<>() { };

    private final JdbcClient jdbc;
    private final JsonMapper json;

    RecordChanges(JdbcClient jdbc, JsonMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    /**
     * A page of the feed.
     *
     * @param changes the changes, seq ascending: seq, entityType, entityId, kind, at, then the payload's fields
     * @param lastSeq the seq to ask after next time
     * @param hasMore whether more are ready now
     * @param headSeq the highest committed seq (some may not be servable yet), for the consumer's lag
     */
    record Page(List<Map<String, Object>> changes, long lastSeq, boolean hasMore, long headSeq) {
    }

    /** At most {@code limit} servable changes after {@code after}. */
    Page after(long after, int limit) {
        List<Map<String, Object>> rows = jdbc.sql("""
                SELECT seq, entity_type, entity_id, change_kind, changed_at, payload::text AS payload FROM change_log
                WHERE seq > ? AND %s
                ORDER BY seq LIMIT ?""".formatted(ChangeLogOrder.SERVABLE))
                .params(after, limit + 1)
                .query((rs, n) -> {
                    Map<String, Object> change = new LinkedHashMap<>();
                    change.put("seq", rs.getLong("seq"));
                    change.put("entityType", rs.getString("entity_type"));
                    change.put("entityId", rs.getString("entity_id"));
                    change.put("kind", rs.getString("change_kind"));
                    change.put("at", rs.getTimestamp("changed_at").toInstant().toString());
                    String payload = rs.getString("payload");
                    if (payload != null) {
                        change.putAll(json.readValue(payload, MAP));
                    }
                    return change;
                }).list();
        boolean more = rows.size() > limit;
        List<Map<String, Object>> page = more ? rows.subList(0, limit) : rows;
        long last = page.isEmpty() ? after : ((Number) page.getLast().get("seq")).longValue();
        // the highest committed seq (an index lookup): >= every servable seq
        Long head = jdbc.sql("SELECT COALESCE(max(seq), 0) FROM change_log").query(Long.class).single();
        return new Page(page, last, more, Math.max(head, last));
    }
}
