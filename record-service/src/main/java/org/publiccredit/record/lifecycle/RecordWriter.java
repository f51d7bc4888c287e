package org.publiccredit.record.lifecycle;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.publiccredit.commons.feed.ChangeLogOrder;
import org.publiccredit.record.creditrecord.CreditRecord;
import org.publiccredit.record.creditrecord.HistoryEntry;
import org.publiccredit.record.creditrecord.RecordChanged;
import org.publiccredit.record.creditrecord.RecordFeedPayload;
import org.publiccredit.record.creditrecord.RecordRepository.NewRow;
import org.publiccredit.record.creditrecord.RecordRepository;
import org.publiccredit.record.creditrecord.TextColumns;
import org.publiccredit.record.publicity.RecordViews;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.json.JsonMapper;

/**
 * The one code path that writes record changes: the records, their history, the change feed rows
 * ({@code change_log}, same transaction) and the {@link RecordChanged} event that drops cached checks after commit.
 */
@Service
public class RecordWriter {

    private final RecordRepository records;
    private final RecordViews views;
    private final JdbcTemplate jdbc;
    private final JsonMapper json;
    private final ApplicationEventPublisher events;
    private final WorkingDays workingDays;

    RecordWriter(RecordRepository records, RecordViews views, JdbcTemplate jdbc, JsonMapper json, ApplicationEventPublisher events,
            WorkingDays workingDays) {
        this.records = records;
        this.views = views;
        this.jdbc = jdbc;
        this.json = json;
        this.events = events;
        this.workingDays = workingDays;
    }

    /**
     * A change to store.
     *
     * @param after the new record or new version
     * @param history the entry preserving the previous version (null for a new record)
     */
    public record Change(CreditRecord after, HistoryEntry history) {
    }

    /**
     * Inserts first pushes (today's date decides timeliness) whose natural key is still free; pass the ones inserted to
     * {@link #write} as created. A candidate left out lost its key to a concurrent push: re-read and compare it.
     *
     * @return the ids of the candidates inserted
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public Set<UUID> claim(List<CreditRecord> candidates, LocalDate today) {
        return records.insertIfAbsent(candidates.stream()
                .map(r -> new NewRow(r, today, workingDays.timely(r.decisionDate(), today))).toList());
    }

    /**
     * Records new records ({@link #claim}ed in this transaction) and stores new versions of existing ones, with their
     * history, feed rows and the change event.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public void write(List<CreditRecord> created, List<Change> changed, LocalDate today) {
        records.update(changed.stream().map(Change::after).toList());
        records.insertHistory(changed.stream().map(Change::history).toList());
        List<CreditRecord> all = new ArrayList<>(created);
        changed.forEach(c -> all.add(c.after()));
        feed(all);
        Set<String> codes = new HashSet<>();
        Set<UUID> ids = new HashSet<>();
        for (CreditRecord r : all) {
            ids.add(r.subject().id());
            if (!r.subject().naturalPerson()) {
                codes.add(r.subject().code());
            }
        }
        if (!all.isEmpty()) {
            events.publishEvent(new RecordChanged(Set.copyOf(codes), Set.copyOf(ids)));
        }
    }

    /**
     * One feed row per change, in the order given, by one statement at the end of the transaction (the lock is held
     * from here to commit). The payload is what the feed's readers use ({@link RecordFeedPayload}); the publicity
     * decision is needed for {@code publicNow} and the change's kind, the public view is not written.
     */
    private void feed(List<CreditRecord> all) {
        if (all.isEmpty()) {
            return;
        }
        TextColumns rows = new TextColumns(all.size(), 3);
        for (CreditRecord r : all) {
            RecordFeedPayload payload = RecordFeedPayload.of(r, views.publicity(r).publicNow());
            rows.add(r.id(), payload.changeKind(), json.writeValueAsString(payload));
        }
        jdbc.execute(ChangeLogOrder.LOCK_SQL); // seq order = commit order, held to commit (see ChangeLogOrder)
        jdbc.update(con -> rows.bind(con.prepareStatement("""
                INSERT INTO change_log (entity_type, entity_id, change_kind, payload)
                SELECT 'RECORD', u.id, u.kind, u.payload::jsonb FROM unnest(?::text[], ?::text[], ?::text[]) WITH ORDINALITY
                    AS u(id, kind, payload, n)
                ORDER BY u.n"""), con));
    }
}
