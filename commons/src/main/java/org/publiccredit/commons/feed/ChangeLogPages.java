package org.publiccredit.commons.feed;

import java.util.List;
import org.springframework.jdbc.core.JdbcTemplate;
import tools.jackson.core.io.JsonStringEncoder;
import tools.jackson.databind.util.RawValue;

/**
 * The readers' query of a service's change feed (docs/contracts.md), beside the rule it keeps ({@link ChangeLogOrder}):
 * the rows of {@code change_log} after a sequence, up to the first not yet servable ({@link ChangeLogOrder#page}), each as
 * {@code seq, entityType, entityId, kind, at} and its payload's fields, and the feed's head for the reader's lag.
 * subject-service's and record-service's feeds both read through it.
 * <p>
 * Each change is written out as JSON text here, the payload's fields copied as PostgreSQL prints them: parsing every
 * payload into a tree only to print it again was 6 % of record-service's CPU while a batch was ingested and two
 * followers read the feed. No payload carries a field of the envelope (record payloads: {@code RecordFeedPayload};
 * subject payloads: one {@code subject} object).
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
    public record Page(List<RawValue> changes, long lastSeq, boolean hasMore, long headSeq) {
    }

    private record Row(long seq, RawValue json) {
    }

    /** At most {@code limit} servable changes after {@code after}. */
    public static Page after(JdbcTemplate jdbc, long after, int limit) {
        JsonStringEncoder quote = JsonStringEncoder.getInstance();
        List<Row> rows = jdbc.query(ChangeLogOrder.page("seq, entity_type, entity_id, change_kind, payload::text AS payload, changed_at",
                "TRUE"),
                (rs, n) -> {
                    long seq = rs.getLong("seq");
                    StringBuilder change = new StringBuilder(256).append("{\"seq\":").append(seq);
                    text(change, quote, "entityType", rs.getString("entity_type"));
                    text(change, quote, "entityId", rs.getString("entity_id"));
                    text(change, quote, "kind", rs.getString("change_kind"));
                    text(change, quote, "at", rs.getTimestamp("changed_at").toInstant().toString());
                    String payload = rs.getString("payload");
                    if (payload != null) {
                        // a jsonb object as text: "{" fields "}"; its fields join the envelope's
                        String fields = payload.strip();
                        if (fields.length() > 2 && fields.charAt(0) == '{') {
                            change.append(',').append(fields, 1, fields.length() - 1);
                        }
                    }
                    return new Row(seq, new RawValue(change.append('}').toString()));
                }, after, limit + 1);
        boolean hasMore = rows.size() > limit;
        List<Row> page = hasMore ? rows.subList(0, limit) : rows;
        long last = page.isEmpty() ? after : page.getLast().seq();
        // the highest committed seq (an index lookup): >= every servable seq
        Long head = jdbc.queryForObject("SELECT COALESCE(max(seq), 0) FROM change_log", Long.class);
        return new Page(page.stream().map(Row::json).toList(), last, hasMore, Math.max(head == null ? 0 : head, last));
    }

    private static void text(StringBuilder json, JsonStringEncoder quote, String name, String value) {
        json.append(",\"").append(name).append("\":");
        if (value == null) {
            json.append("null");
        } else {
            json.append('"');
            quote.quoteAsString(value, json);
            json.append('"');
        }
    }
}
