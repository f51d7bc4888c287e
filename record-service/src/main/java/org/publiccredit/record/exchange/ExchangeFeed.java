package org.publiccredit.record.exchange;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.publiccredit.commons.feed.ChangeLogOrder;
import org.publiccredit.commons.security.Caller;
import org.publiccredit.commons.security.Role;
import org.publiccredit.record.catalog.Catalog;
import org.publiccredit.record.catalog.CatalogEntry;
import org.publiccredit.record.catalog.Sharing;
import org.publiccredit.record.creditrecord.CreditRecord;
import org.publiccredit.record.creditrecord.RecordRepository;
import org.publiccredit.record.creditrecord.RecordState;
import org.publiccredit.record.publicity.PublicReason;
import org.publiccredit.record.publicity.Publicity;
import org.publiccredit.record.publicity.PublicityPolicy;
import org.publiccredit.record.publicity.RecordViews;
import org.publiccredit.record.sharing.SharingGrants;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * The exchange feed (数据交换) for partners and the provincial platform, built on {@code change_log}: each page stops
 * before the first row not yet servable (commons {@code ChangeLogOrder.page}), so a client that asks after its
 * {@code lastSeq} never misses one.
 * Each record change becomes, for this client, the record's view as it is now — the public view (through
 * {@link PublicityPolicy}, as {@code /api/v1/public/subjects/{code}/records} shows it), or the whole record for a
 * 有条件共享 category its department holds a grant in force for (records in force only) — or, when the client may no
 * longer see a record the feed had delivered to it, a WITHDRAWN change with the reason (REPAIRED, REVOKED, EXPIRED,
 * NOT_PUBLIC: the 2026 rule "stop sharing"). A change of a record the client never received and may not see is left out
 * (its seq still advances {@code lastSeq}). RULE_CHANGED rows are treated alike, per record. Applying the changes in
 * order from seq 0 (UPSERT puts, WITHDRAWN removes) gives the platform's view for the client. Every pull is recorded.
 */
@Service
public class ExchangeFeed {

    private final JdbcClient jdbc;
    private final RecordRepository records;
    private final RecordViews views;
    private final Catalog catalog;
    private final SharingGrants grants;

    ExchangeFeed(JdbcClient jdbc, RecordRepository records, RecordViews views, Catalog catalog, SharingGrants grants) {
        this.jdbc = jdbc;
        this.records = records;
        this.views = views;
        this.catalog = catalog;
        this.grants = grants;
    }

    /**
     * A page of the exchange feed.
     *
     * @param changes the changes for this client, seq ascending
     * @param lastSeq the seq to ask after next time (advances over changes left out)
     * @param headSeq the highest committed seq, for the client's lag
     * @param hasMore whether more are ready now
     */
    public record Page(List<Map<String, Object>> changes, long lastSeq, long headSeq, boolean hasMore) {
    }

    private record Row(long seq, UUID recordId, Instant at) {
    }

    public Page pull(Caller caller, long after, int limit) {
        String client = receiver(caller);
        String department = caller.has(Role.PARTNER) ? caller.departmentClaim().orElse(null) : null;
        List<Row> rows = jdbc.sql(ChangeLogOrder.page("seq, entity_id, changed_at", "entity_type = 'RECORD'"))
                .params(after, limit + 1)
                .query((rs, n) -> new Row(rs.getLong(1), UUID.fromString(rs.getString(2)), rs.getTimestamp(3).toInstant()))
                .list();
        boolean more = rows.size() > limit;
        List<Row> page = more ? rows.subList(0, limit) : rows;
        long last = page.isEmpty() ? after : page.getLast().seq();
        Long head = jdbc.sql("SELECT COALESCE(max(seq), 0) FROM change_log").query(Long.class).single();

        Set<UUID> ids = new HashSet<>();
        page.forEach(r -> ids.add(r.recordId()));
        Map<UUID, CreditRecord> byId = new HashMap<>();
        records.findByIds(ids).forEach(r -> byId.put(r.id(), r));
        Set<String> granted = grants.grantedToday(department);
        Set<UUID> delivered = new HashSet<>(jdbc.sql("SELECT record_id FROM exchange_delivered WHERE client_id = ? AND record_id = ANY(?)")
                .params(client, ids.toArray(UUID[]::new)).query(UUID.class).list());

        Map<UUID, Map<String, Object>> shown = new HashMap<>(); // one view per record per page (the same for each of its rows)
        Set<UUID> newlyDelivered = new HashSet<>();
        List<Map<String, Object>> changes = new ArrayList<>(page.size());
        for (Row row : page) {
            CreditRecord r = byId.get(row.recordId());
            if (r == null) {
                continue;
            }
            Map<String, Object> view = shown.computeIfAbsent(r.id(), id -> view(r, granted));
            Map<String, Object> change = new LinkedHashMap<>();
            change.put("seq", row.seq());
            change.put("recordId", r.id());
            change.put("at", row.at());
            if (view.containsKey("record")) {
                change.put("kind", "UPSERT");
                change.putAll(view);
                if (!delivered.contains(r.id())) {
                    newlyDelivered.add(r.id());
                }
            } else if (delivered.contains(r.id()) || newlyDelivered.contains(r.id())) {
                change.put("kind", "WITHDRAWN");
                change.putAll(view);
            } else {
                continue;
            }
            changes.add(change);
        }
        if (!newlyDelivered.isEmpty()) {
            jdbc.sql("""
                    INSERT INTO exchange_delivered (client_id, record_id) SELECT ?, unnest(?::uuid[]) ON CONFLICT DO NOTHING""")
                    .params(client, newlyDelivered.toArray(UUID[]::new)).update();
        }
        jdbc.sql("""
                INSERT INTO exchange_pull (client_id, caller_sub, department, after_seq, last_seq, head_seq, count) VALUES (?, ?, ?, ?, ?, ?, ?)""")
                .params(client, caller.subject(), department, after, last, Math.max(head, last), changes.size()).update();
        return new Page(changes, last, Math.max(head, last), more);
    }

    /** What this client may see of the record now: {@code view} and {@code record}, or only {@code reason} when nothing. */
    private Map<String, Object> view(CreditRecord r, Set<String> granted) {
        CatalogEntry entry = catalog.require(r.category());
        Publicity p = views.publicity(r);
        Map<String, Object> v = new LinkedHashMap<>();
        if (entry.sharing() == Sharing.CONDITIONAL && granted.contains(r.category())) {
            if (p.inForce()) {
                v.put("view", "SHARED");
                v.put("record", views.view(r));
                return v;
            }
        } else if (p.publicNow()) {
            v.put("view", "PUBLIC");
            v.put("record", views.publicView(r, p));
            return v;
        }
        v.put("reason", r.state() == RecordState.REPAIRED ? "REPAIRED"
                : r.state() == RecordState.REVOKED ? "REVOKED"
                : p.reason() == PublicReason.EXPIRED ? "EXPIRED" : "NOT_PUBLIC");
        return v;
    }

    /** Whose feed this is: the partner client, or {@code user:<username>} for an admin reading it. */
    static String receiver(Caller caller) {
        return caller.has(Role.PARTNER) && caller.clientId() != null ? caller.clientId() : "user:" + caller.username();
    }
}
