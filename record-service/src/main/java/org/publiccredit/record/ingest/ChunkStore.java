package org.publiccredit.record.ingest;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.publiccredit.commons.problem.ApiException;
import org.publiccredit.commons.problem.FieldProblem;
import org.publiccredit.record.client.SubjectRef;
import org.publiccredit.record.creditrecord.CreditRecord;
import org.publiccredit.record.creditrecord.NaturalKey;
import org.publiccredit.record.creditrecord.RecordRepository;
import org.publiccredit.record.lifecycle.RecordWriter;
import org.publiccredit.record.publicity.PublicityPolicy;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.dao.DataAccessException;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Stores resolved rows, each fully or not at all: the stored versions are locked by natural key, first pushes claimed,
 * each row diffed ({@link RecordDiff}) and the creations and new versions written with their history and feed rows
 * ({@link RecordWriter}), the department's counters in the same transaction.
 */
@Component
class ChunkStore {

    private static final Logger log = LoggerFactory.getLogger(ChunkStore.class);

    private final RecordRepository records;
    private final RecordWriter writer;
    private final PublicityPolicy policy;
    private final IngestCounters counters;
    private final TransactionTemplate tx;
    private final Clock clock;
    private final boolean claimFirst;

    ChunkStore(RecordRepository records, RecordWriter writer, PublicityPolicy policy, IngestCounters counters, TransactionTemplate tx,
            Clock clock, @Value("${platform.batch.claim-first:true}") boolean claimFirst) {
        this.records = records;
        this.writer = writer;
        this.policy = policy;
        this.counters = counters;
        this.tx = tx;
        this.clock = clock;
        this.claimFirst = claimFirst;
    }

    /** One pushed record, in its own transaction; a failure is the caller's. */
    RowResult storeOne(String department, PendingRow row, Map<String, SubjectRef> resolved) {
        return tx.execute(s -> {
            RowResult r = store(department, List.of(row), resolved, false).getFirst();
            counters.add(department, IngestCounts.of(List.of(r)));
            return r;
        });
    }

    /**
     * A chunk of a batch in one transaction; if that fails (a concurrent writer), once more, then row by row, a row that
     * still fails reported as STORE_FAILED.
     *
     * @param rejectedElsewhere the chunk's rows refused before storing, counted with it
     * @param mostlyNew whether the batch's rows stored so far were mostly new records: then (with
     *        {@code platform.batch.claim-first}) the chunk's keys are claimed before anything is looked up
     */
    List<RowResult> storeChunk(String department, List<PendingRow> rows, Map<String, SubjectRef> resolved, int rejectedElsewhere,
            boolean mostlyNew) {
        IngestCounts elsewhere = IngestCounts.rejected(rejectedElsewhere);
        for (int attempt = 0; attempt < 2; attempt++) {
            try {
                return tx.execute(s -> {
                    List<RowResult> r = store(department, rows, resolved, claimFirst && mostlyNew);
                    counters.add(department, IngestCounts.of(r).plus(elsewhere));
                    return r;
                });
            } catch (DataAccessException | ApiException e) {
                log.warn("chunk of {} rows failed ({}), retrying", rows.size(), e.getClass().getSimpleName());
            }
        }
        List<RowResult> out = new ArrayList<>();
        int failed = 0;
        for (PendingRow row : rows) {
            try {
                out.add(storeOne(department, row, resolved));
            } catch (DataAccessException | ApiException e) {
                failed++;
                out.add(RowResult.rejected(row.row(), row.valid().documentNumber(), "STORE_FAILED",
                        List.of(new FieldProblem("row", "STORE_FAILED", "the row could not be stored; send it again"))));
            }
        }
        counters.add(department, elsewhere.plus(IngestCounts.rejected(failed)));
        return out;
    }

    /**
     * Compares the rows with the stored versions and writes creations and new versions, in the caller's transaction.
     *
     * @param claimFirst whether to claim every key first and look up only the keys already taken (a first load: most keys
     *        are new, and their look-up was a fifth of PostgreSQL's work in a batch), rather than look every key up first
     *        (a re-push: claiming keys that exist costs a probe each for nothing)
     */
    private List<RowResult> store(String department, List<PendingRow> rows, Map<String, SubjectRef> resolved, boolean claimFirst) {
        if (rows.isEmpty()) {
            return List.of();
        }
        Instant now = clock.instant();
        LocalDate today = policy.today();
        Map<NaturalKey, CreditRecord> existing = claimFirst ? new HashMap<>()
                : records.findByKeysForUpdate(department, rows.stream().map(PendingRow::key).toList());
        // first pushes are claimed with an upsert (INSERT … ON CONFLICT DO NOTHING), never look-up-then-insert: a
        // concurrent first push of the same key waits for ours, loses the key and is compared like any existing record
        Map<NaturalKey, CreditRecord> candidates = new LinkedHashMap<>();
        for (PendingRow p : rows) {
            NaturalKey key = p.key();
            if (!existing.containsKey(key) && !candidates.containsKey(key)) {
                RowValidator.ValidRow v = p.valid();
                candidates.put(key, CreditRecord.create(p.subject(resolved.get(v.identifier())), department, v.entry().code(),
                        v.documentNumber(), v.decisionDate(), v.fields(), now));
            }
        }
        // in key order, so that two chunks claiming overlapping keys wait for each other instead of deadlocking
        Set<UUID> claimed = writer.claim(candidates.values().stream()
                .sorted(Comparator.comparing(CreditRecord::category).thenComparing(CreditRecord::documentNumber))
                .toList(), today);
        List<NaturalKey> lost = candidates.entrySet().stream().filter(e -> !claimed.contains(e.getValue().id()))
                .map(Map.Entry::getKey).toList();
        existing.putAll(records.findByKeysForUpdate(department, lost));
        List<CreditRecord> created = new ArrayList<>();
        List<RecordWriter.Change> changed = new ArrayList<>();
        List<RowResult> results = new ArrayList<>(rows.size());
        for (PendingRow p : rows) {
            SubjectRef ref = resolved.get(p.valid().identifier());
            NaturalKey key = p.key();
            CreditRecord current = existing.get(key);
            RecordDiff diff;
            if (current == null) {
                CreditRecord r = candidates.get(key);
                if (r == null || !claimed.contains(r.id())) {
                    // the key was taken and is gone again (deleted meanwhile): the chunk is retried
                    throw ApiException.conflict("CONCURRENT_MODIFICATION", "The record changed while it was stored; send it again");
                }
                diff = RecordDiff.created(r);
                created.add(r);
            } else {
                diff = RecordDiff.against(current, p, p.subject(ref), department, now);
                if (diff.change() == RecordDiff.Change.UPDATED) {
                    changed.add(new RecordWriter.Change(diff.after(), diff.history()));
                }
            }
            if (diff.writes()) {
                existing.put(key, diff.after()); // a later row of the chunk with the same key compares with this one
            }
            results.add(diff.result(p, diff.change() == RecordDiff.Change.REFUSED ? List.of()
                    : PushWarnings.of(p.valid(), ref, policy, today)));
        }
        writer.write(created, changed, today);
        return results;
    }
}
