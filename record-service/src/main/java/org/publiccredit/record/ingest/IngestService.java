package org.publiccredit.record.ingest;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.CharacterCodingException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import java.util.concurrent.Executors;
import org.publiccredit.commons.id.IdentifierKind;
import org.publiccredit.commons.problem.ApiException;
import org.publiccredit.commons.problem.FieldProblem;
import org.publiccredit.commons.security.Caller;
import org.publiccredit.record.catalog.Catalog;
import org.publiccredit.record.client.SubjectRef;
import org.publiccredit.record.client.SubjectResolver;
import org.publiccredit.record.lifecycle.RecordWriter;
import org.publiccredit.record.publicity.PublicityPolicy;
import org.publiccredit.record.record.CreditRecord;
import org.publiccredit.record.record.HistoryEntry;
import org.publiccredit.record.record.NaturalKey;
import org.publiccredit.record.record.RecordRepository;
import org.publiccredit.record.record.Subject;
import org.publiccredit.record.record.Transition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.dao.DataAccessException;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.json.JsonMapper;

/**
 * Ingestion (归集) of records from supplying departments: one record, or a streamed batch stored in chunks, each row
 * fully or not at all. The department is the token's; the natural key (department, category, documentNumber) makes a
 * re-push an update (new version, old one in history) or a no-op, never a duplicate.
 */
@Service
public class IngestService {

    private static final Logger log = LoggerFactory.getLogger(IngestService.class);
    private static final String NOT_UTF8 = "The upload is not valid UTF-8 (GB18030 or GBK files must be converted to UTF-8 first)";

    private final Catalog catalog;
    private final SubjectResolver resolver;
    private final RecordRepository records;
    private final RecordWriter writer;
    private final PublicityPolicy policy;
    private final TransactionTemplate tx;
    private final JdbcClient jdbc;
    private final JsonMapper json;
    private final Clock clock;
    private final int chunkSize;
    private final int maxRows;
    private final long maxBytes;
    private final int resolveParallelism;
    private final int maxLineBytes;

    IngestService(Catalog catalog, SubjectResolver resolver, RecordRepository records, RecordWriter writer, PublicityPolicy policy,
            TransactionTemplate tx, JdbcClient jdbc, JsonMapper json, Clock clock,
            @Value("${platform.batch.chunk-size:1000}") int chunkSize, @Value("${platform.batch.max-rows:100000}") int maxRows,
            @Value("${platform.batch.max-bytes:268435456}") long maxBytes,
            @Value("${platform.batch.resolve-parallelism:16}") int resolveParallelism,
            @Value("${platform.batch.max-line-bytes:1048576}") int maxLineBytes) {
        this.catalog = catalog;
        this.resolver = resolver;
        this.records = records;
        this.writer = writer;
        this.policy = policy;
        this.tx = tx;
        this.jdbc = jdbc;
        this.json = json;
        this.clock = clock;
        this.chunkSize = chunkSize;
        this.maxRows = maxRows;
        this.maxBytes = maxBytes;
        this.resolveParallelism = resolveParallelism;
        this.maxLineBytes = maxLineBytes;
    }

    /** A row that passed validation, waiting to be resolved and stored. */
    private record Pending(int row, RowValidator.ValidRow valid) {
    }

    /**
     * The answer to a single push.
     *
     * @param result created, updated or unchanged
     * @param id record id
     * @param version its version
     * @param warnings what the platform does differently from what was sent (see {@link RowResult#warnings}), or null
     */
    @com.fasterxml.jackson.annotation.JsonInclude(com.fasterxml.jackson.annotation.JsonInclude.Include.NON_NULL)
    public record Pushed(String result, java.util.UUID id, int version, List<FieldProblem> warnings) {
    }

    /** One record: 403 DEPARTMENT_NOT_SUPPLIER, 400 VALIDATION_FAILED, 503 SUBJECT_SERVICE_UNAVAILABLE, 409 for a closed record. */
    public Pushed pushOne(Caller caller, RecordInput input) {
        String department = department(caller);
        RowValidator.Outcome outcome = RowValidator.validate(input, department, catalog, policy.today());
        if (outcome.notSupplier()) {
            count(department, 0, 0, 0, 1);
            throw ApiException.forbidden(RowValidator.NOT_SUPPLIER, "Your department does not supply this category");
        }
        if (outcome.row() == null) {
            count(department, 0, 0, 0, 1);
            throw ApiException.invalid("VALIDATION_FAILED", "The record has invalid fields", outcome.problems());
        }
        RowValidator.ValidRow v = outcome.row();
        SubjectRef ref = resolver.resolve(v.identifier(), v.name(), v.type());
        RowResult r = store(department, List.of(new Pending(1, v)), Map.of(v.identifier(), ref), true).getFirst();
        if (!r.stored()) {
            throw ApiException.conflict(r.code(), r.errors().isEmpty() ? "The record cannot be changed" : r.errors().getFirst().message());
        }
        return new Pushed(r.result(), r.id(), r.version(), r.warnings());
    }

    /** A streamed batch (NDJSON or CSV). Rows are read one by one and stored chunk by chunk. */
    public BatchReport batch(Caller caller, InputStream body, BatchReader.Format format) throws IOException {
        String department = department(caller);
        LimitedInputStream limited = new LimitedInputStream(body, maxBytes);
        List<RowResult> results = new ArrayList<>();
        // read by the writer while the next chunk is resolved
        Map<String, SubjectRef> resolved = new ConcurrentHashMap<>();
        Writer writer = new Writer(department, results);
        List<Pending> chunk = new ArrayList<>();
        Set<NaturalKey> chunkKeys = new HashSet<>();
        List<RowResult> chunkRejected = new ArrayList<>();
        String stopped = null;
        LocalDate today = policy.today();
        try {
            BatchReader reader = new BatchReader(limited, format, json, maxLineBytes);
            while (true) {
                BatchReader.ParsedRow parsed;
                try {
                    parsed = reader.next();
                } catch (CharacterCodingException e) {
                    stopped = stop(writer, results, "ENCODING_NOT_UTF8", NOT_UTF8);
                    break;
                } catch (CsvReader.MalformedCsv e) {
                    stopped = stop(writer, results, "MALFORMED_CSV", e.getMessage());
                    break;
                } catch (LimitedInputStream.TooLarge e) {
                    stopped = stop(writer, results, "PAYLOAD_TOO_LARGE", "The upload is larger than " + maxBytes + " bytes");
                    break;
                }
                if (parsed == null) {
                    break;
                }
                if (parsed.row() > maxRows) {
                    stopped = "ROW_LIMIT";
                    break;
                }
                if (parsed.input() == null) {
                    chunkRejected.add(RowResult.rejected(parsed.row(), null, "MALFORMED_ROW", parsed.problems()));
                    continue;
                }
                RowValidator.Outcome outcome = RowValidator.validate(parsed.input(), department, catalog, today);
                if (outcome.row() == null) {
                    chunkRejected.add(RowResult.rejected(parsed.row(), parsed.input().documentNumber(),
                            outcome.notSupplier() ? RowValidator.NOT_SUPPLIER : "VALIDATION_FAILED", outcome.problems()));
                    continue;
                }
                NaturalKey key = new NaturalKey(outcome.row().entry().code(), outcome.row().documentNumber());
                if (!chunkKeys.add(key) || chunk.size() >= chunkSize) {
                    // the same key twice in a chunk: store the first before reading the second against it
                    flush(writer, chunk, chunkRejected, resolved);
                    chunkKeys.clear();
                    chunkKeys.add(key);
                }
                chunk.add(new Pending(parsed.row(), outcome.row()));
            }
        } catch (CharacterCodingException e) {
            stopped = stop(writer, results, "ENCODING_NOT_UTF8", NOT_UTF8);
        } finally {
            // a broken upload still finishes the chunk being stored: it is reported, never half-known
            writer.await();
        }
        flush(writer, chunk, chunkRejected, resolved);
        writer.await();
        results.sort(java.util.Comparator.comparingInt(RowResult::row));
        BatchReport.Totals totals = BatchReport.Totals.of(results);
        if (totals.created() + totals.updated() + totals.unchanged() == 0
                && results.stream().anyMatch(r -> "SUBJECT_SERVICE_UNAVAILABLE".equals(r.code()))) {
            throw new ApiException(HttpStatus.SERVICE_UNAVAILABLE, "SUBJECT_SERVICE_UNAVAILABLE",
                    "The subject registry cannot be reached; nothing was stored, send the batch again shortly");
        }
        return new BatchReport(totals, stopped == null, stopped, results);
    }

    /**
     * Before anything was stored, a broken upload is refused as a whole; afterwards the report says where it stopped.
     * Waits for the chunk being stored first: it decides which of the two it is.
     */
    private static String stop(Writer writer, List<RowResult> results, String code, String detail) {
        writer.await();
        if (results.isEmpty()) {
            throw ApiException.invalid(code, detail, List.of());
        }
        return code;
    }

    /**
     * Resolves a chunk's subjects (on the request thread) and hands it to the writer, which stores it once the
     * previous chunk is committed: reading and resolving chunk n+1 overlaps with storing chunk n, and chunks are
     * still stored one after the other, in order, each in its own transaction.
     */
    private void flush(Writer writer, List<Pending> chunk, List<RowResult> rejected, Map<String, SubjectRef> resolved) {
        if (chunk.isEmpty() && rejected.isEmpty()) {
            return;
        }
        List<RowResult> allRejected = new ArrayList<>(rejected);
        Map<String, ApiException> failures = resolveAll(chunk, resolved);
        List<Pending> ready = new ArrayList<>();
        for (Pending p : chunk) {
            ApiException failure = failures.get(p.valid().identifier());
            if (failure != null) {
                allRejected.add(RowResult.rejected(p.row(), p.valid().documentNumber(), failure.code(), failure.errors().isEmpty()
                        ? List.of(new FieldProblem("subject.identifier", failure.code(), failure.getMessage())) : failure.errors()));
            } else {
                ready.add(p);
            }
        }
        writer.store(ready, resolved, allRejected);
        chunk.clear();
        rejected.clear();
    }

    /** Stores the chunks of one batch one at a time, on a virtual thread, while the request thread reads on. */
    private final class Writer {

        private final String department;
        private final List<RowResult> results;
        private final Map<String, String> logContext = MDC.getCopyOfContextMap();
        private CompletableFuture<Void> pending = CompletableFuture.completedFuture(null);

        Writer(String department, List<RowResult> results) {
            this.department = department;
            this.results = results;
        }

        void store(List<Pending> ready, Map<String, SubjectRef> resolved, List<RowResult> rejected) {
            await();
            pending = CompletableFuture.runAsync(() -> {
                if (logContext != null) {
                    MDC.setContextMap(logContext); // the request id in the writer's log lines
                }
                // one chunk at a time, and the request thread reads results only after await() (join): no lock needed
                results.addAll(storeWithFallback(department, ready, resolved, rejected.size()));
                results.addAll(rejected);
            }, WRITERS);
        }

        /** Waits for the chunk being stored; its failure (not a row's: those are results) is the request's. */
        void await() {
            try {
                pending.join();
            } catch (CompletionException e) {
                if (e.getCause() instanceof RuntimeException r) {
                    throw r;
                }
                throw e;
            } finally {
                pending = CompletableFuture.completedFuture(null);
            }
        }
    }

    private static final Executor WRITERS = Executors.newThreadPerTaskExecutor(Thread.ofVirtual().name("ingest-writer-", 0).factory());

    /** Resolves the chunk's identifiers not yet known in this batch, in parallel (bounded). */
    private Map<String, ApiException> resolveAll(List<Pending> chunk, Map<String, SubjectRef> resolved) {
        Map<String, SubjectResolver.Request> todo = new LinkedHashMap<>();
        chunk.forEach(p -> {
            if (!resolved.containsKey(p.valid().identifier())) {
                todo.putIfAbsent(p.valid().identifier(),
                        new SubjectResolver.Request(p.valid().identifier(), p.valid().name(), p.valid().type()));
            }
        });
        Map<String, ApiException> failures = new HashMap<>();
        if (todo.isEmpty()) {
            return failures;
        }
        resolver.resolveAll(todo.values(), resolveParallelism).forEach((identifier, answer) -> {
            if (answer instanceof SubjectRef ref) {
                resolved.put(identifier, ref);
            } else {
                failures.put(identifier, (ApiException) answer);
            }
        });
        return failures;
    }

    /** Stores a chunk in one transaction; if that fails (a concurrent writer), once more, then row by row. */
    private List<RowResult> storeWithFallback(String department, List<Pending> ready, Map<String, SubjectRef> resolved, int rejected) {
        for (int attempt = 0; attempt < 2; attempt++) {
            try {
                return tx.execute(s -> {
                    List<RowResult> r = store(department, ready, resolved, false);
                    countIn(department, r, rejected);
                    return r;
                });
            } catch (DataAccessException | ApiException e) {
                log.warn("chunk of {} rows failed ({}), retrying", ready.size(), e.getClass().getSimpleName());
            }
        }
        List<RowResult> out = new ArrayList<>();
        for (Pending p : ready) {
            try {
                out.add(tx.execute(s -> {
                    RowResult r = store(department, List.of(p), resolved, false).getFirst();
                    countIn(department, List.of(r), 0);
                    return r;
                }));
            } catch (DataAccessException | ApiException e) {
                out.add(RowResult.rejected(p.row(), p.valid().documentNumber(), "STORE_FAILED",
                        List.of(new FieldProblem("row", "STORE_FAILED", "the row could not be stored; send it again"))));
            }
        }
        count(department, 0, 0, 0, rejected + (int) out.stream().filter(r -> !r.stored()).count());
        return out;
    }

    /**
     * Compares with the stored versions and writes creations and new versions (the caller's transaction, or its own
     * for a single push).
     */
    private List<RowResult> store(String department, List<Pending> rows, Map<String, SubjectRef> resolved, boolean single) {
        if (single) {
            return tx.execute(s -> {
                List<RowResult> r = store(department, rows, resolved, false);
                countIn(department, r, 0);
                return r;
            });
        }
        if (rows.isEmpty()) {
            return List.of();
        }
        Instant now = clock.instant();
        LocalDate today = policy.today();
        Map<NaturalKey, CreditRecord> existing = records.findByKeysForUpdate(department,
                rows.stream().map(p -> new NaturalKey(p.valid().entry().code(), p.valid().documentNumber())).toList());
        // first pushes are claimed with an upsert (INSERT … ON CONFLICT DO NOTHING), never look-up-then-insert: a
        // concurrent first push of the same key waits for ours, loses the key and is compared like any existing record
        Map<NaturalKey, CreditRecord> candidates = new LinkedHashMap<>();
        for (Pending p : rows) {
            RowValidator.ValidRow v = p.valid();
            NaturalKey key = new NaturalKey(v.entry().code(), v.documentNumber());
            if (!existing.containsKey(key) && !candidates.containsKey(key)) {
                candidates.put(key, CreditRecord.create(subject(v, resolved), department, v.entry().code(), v.documentNumber(),
                        v.decisionDate(), v.fields(), now));
            }
        }
        // in key order, so that two chunks claiming overlapping keys wait for each other instead of deadlocking
        Set<UUID> claimed = writer.claim(candidates.values().stream()
                .sorted(java.util.Comparator.comparing(CreditRecord::category).thenComparing(CreditRecord::documentNumber))
                .toList(), today);
        List<NaturalKey> lost = candidates.entrySet().stream().filter(e -> !claimed.contains(e.getValue().id()))
                .map(Map.Entry::getKey).toList();
        existing.putAll(records.findByKeysForUpdate(department, lost));
        List<CreditRecord> created = new ArrayList<>();
        List<RecordWriter.Change> changed = new ArrayList<>();
        List<RowResult> results = new ArrayList<>();
        for (Pending p : rows) {
            RowValidator.ValidRow v = p.valid();
            Subject subject = subject(v, resolved);
            NaturalKey key = new NaturalKey(v.entry().code(), v.documentNumber());
            CreditRecord current = existing.get(key);
            List<FieldProblem> warnings = PushWarnings.of(v, resolved.get(v.identifier()), policy, today);
            if (current == null) {
                CreditRecord r = candidates.get(key);
                if (r == null || !claimed.contains(r.id())) {
                    // the key was taken and is gone again (deleted meanwhile): the chunk is retried
                    throw ApiException.conflict("CONCURRENT_MODIFICATION", "The record changed while it was stored; send it again");
                }
                created.add(r);
                existing.put(key, r); // a later row of the chunk with the same key compares with this one
                results.add(new RowResult(p.row(), RowResult.CREATED, v.documentNumber(), r.id(), r.version(), null, null).warn(warnings));
            } else if (current.sameContent(subject, v.decisionDate(), v.fields())) {
                results.add(new RowResult(p.row(), RowResult.UNCHANGED, v.documentNumber(), current.id(), current.version(),
                        null, null).warn(warnings));
            } else if (!current.state().allows(Transition.UPDATE)) {
                results.add(RowResult.rejected(p.row(), v.documentNumber(), "ILLEGAL_TRANSITION",
                        List.of(new FieldProblem("documentNumber", "ILLEGAL_TRANSITION",
                                "the record is " + current.state() + " and cannot be changed by a push"))));
            } else {
                CreditRecord after = current.withContent(Transition.UPDATE, subject, v.decisionDate(), v.fields(), null, now);
                changed.add(new RecordWriter.Change(after, new HistoryEntry(current.id(), current.version(), current.state(),
                        current.decisionDate(), current.fields(), Transition.UPDATE.action(), department, null, null, null, now)));
                existing.put(key, after);
                results.add(new RowResult(p.row(), RowResult.UPDATED, v.documentNumber(), after.id(), after.version(), null, null)
                        .warn(warnings));
            }
        }
        writer.write(created, changed, today);
        return results;
    }

    /**
     * The record's subject as subject-service resolved it: the registry's name (the row's name when the registry has
     * none), and the row's name kept as the decision's 行政相对人名称.
     */
    private static Subject subject(RowValidator.ValidRow v, Map<String, SubjectRef> resolved) {
        SubjectRef ref = resolved.get(v.identifier());
        String registered = ref.name() != null && !ref.name().isBlank() ? ref.name() : v.name();
        return new Subject(ref.id(), v.kind() == IdentifierKind.USCC ? "USCC" : "ID_NUMBER",
                v.kind() == IdentifierKind.USCC ? v.identifier() : ref.masked(), registered, v.name(),
                v.type() != null ? v.type() : ref.type(), ref.region());
    }

    private void countIn(String department, List<RowResult> results, int rejectedElsewhere) {
        BatchReport.Totals t = BatchReport.Totals.of(results);
        count(department, t.created(), t.updated(), t.unchanged(), t.rejected() + rejectedElsewhere);
    }

    private void count(String department, int created, int updated, int unchanged, int rejected) {
        if (created + updated + unchanged + rejected == 0) {
            return;
        }
        jdbc.sql("""
                INSERT INTO ingest_counter (department, month, created, updated, unchanged, rejected) VALUES (?, ?, ?, ?, ?, ?)
                ON CONFLICT (department, month) DO UPDATE SET created = ingest_counter.created + EXCLUDED.created,
                    updated = ingest_counter.updated + EXCLUDED.updated, unchanged = ingest_counter.unchanged + EXCLUDED.unchanged,
                    rejected = ingest_counter.rejected + EXCLUDED.rejected""")
                .params(department, YearMonth.from(policy.today()).toString(), created, updated, unchanged, rejected).update();
    }

    private static String department(Caller caller) {
        return caller.departmentClaim().orElseThrow(() ->
                ApiException.forbidden("DEPARTMENT_REQUIRED", "Your token carries no department; only departments push records"));
    }
}
