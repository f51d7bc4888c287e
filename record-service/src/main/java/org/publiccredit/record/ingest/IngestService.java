package org.publiccredit.record.ingest;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.CharacterCodingException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.publiccredit.commons.problem.ApiException;
import org.publiccredit.commons.problem.FieldProblem;
import org.publiccredit.commons.security.Caller;
import org.publiccredit.record.catalog.Catalog;
import org.publiccredit.record.client.SubjectRef;
import org.publiccredit.record.client.SubjectResolver;
import org.publiccredit.record.creditrecord.NaturalKey;
import org.publiccredit.record.publicity.PublicityPolicy;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;
import tools.jackson.databind.json.JsonMapper;

/**
 * Ingestion (归集) of records from supplying departments: one record, or a streamed batch stored in chunks, each row
 * fully or not at all. The department is the token's; the natural key (department, category, documentNumber) makes a
 * re-push an update (new version, old one in history) or a no-op, never a duplicate. Here rows are read, validated,
 * gathered into chunks; {@link ResolveAhead} resolves their subjects meanwhile, {@link ChunkWriter} and {@link ChunkStore}
 * store them (chunks with disjoint keys several at once), {@link BatchResults} makes the report.
 */
@Service
public class IngestService {

    private static final String NOT_UTF8 = "The upload is not valid UTF-8 (GB18030 or GBK files must be converted to UTF-8 first)";

    private final Catalog catalog;
    private final SubjectResolver resolver;
    private final PublicityPolicy policy;
    private final ChunkStore store;
    private final ChunkWriters writers;
    private final IngestCounters counters;
    private final JsonMapper json;
    private final int chunkSize;
    private final int maxRows;
    private final long maxBytes;
    private final int resolveParallelism;
    private final int maxLineBytes;

    IngestService(Catalog catalog, SubjectResolver resolver, PublicityPolicy policy, ChunkStore store, ChunkWriters writers,
            IngestCounters counters, JsonMapper json, @Value("${platform.batch.chunk-size:1000}") int chunkSize,
            @Value("${platform.batch.max-rows:100000}") int maxRows, @Value("${platform.batch.max-bytes:268435456}") long maxBytes,
            @Value("${platform.batch.resolve-parallelism:16}") int resolveParallelism,
            @Value("${platform.batch.max-line-bytes:1048576}") int maxLineBytes) {
        this.catalog = catalog;
        this.resolver = resolver;
        this.policy = policy;
        this.store = store;
        this.writers = writers;
        this.counters = counters;
        this.json = json;
        this.chunkSize = chunkSize;
        this.maxRows = maxRows;
        this.maxBytes = maxBytes;
        this.resolveParallelism = resolveParallelism;
        this.maxLineBytes = maxLineBytes;
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
            counters.add(department, IngestCounts.rejected(1));
            throw ApiException.forbidden(RowValidator.NOT_SUPPLIER, "Your department does not supply this category");
        }
        if (outcome.row() == null) {
            counters.add(department, IngestCounts.rejected(1));
            throw ApiException.invalid("VALIDATION_FAILED", "The record has invalid fields", outcome.problems());
        }
        RowValidator.ValidRow v = outcome.row();
        SubjectRef ref;
        try {
            ref = resolver.resolve(v.identifier(), v.name(), v.type());
        } catch (ApiException e) {
            counters.add(department, IngestCounts.rejected(1)); // as a batch row refused for its subject is
            throw e;
        }
        RowResult r = store.storeOne(department, new PendingRow(1, v), Map.of(v.identifier(), ref));
        if (!r.stored()) {
            throw ApiException.conflict(r.code(), r.errors().isEmpty() ? "The record cannot be changed" : r.errors().getFirst().message());
        }
        return new Pushed(r.result(), r.id(), r.version(), r.warnings());
    }

    /** A streamed batch (NDJSON or CSV). Rows are read one by one and stored chunk by chunk. */
    public BatchReport batch(Caller caller, InputStream body, BatchReader.Format format) throws IOException {
        String department = department(caller);
        LimitedInputStream limited = new LimitedInputStream(body, maxBytes);
        BatchResults results = new BatchResults();
        // the request thread reads and validates; the chunk before is resolved meanwhile, the ones before it stored
        ResolveAhead pipeline = new ResolveAhead(resolver, resolveParallelism, writers.open(department, results));
        List<PendingRow> chunk = new ArrayList<>();
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
                    stopped = stop(pipeline, results, "ENCODING_NOT_UTF8", NOT_UTF8);
                    break;
                } catch (CsvReader.MalformedCsv e) {
                    stopped = stop(pipeline, results, "MALFORMED_CSV", e.getMessage());
                    break;
                } catch (LimitedInputStream.TooLarge e) {
                    stopped = stop(pipeline, results, "PAYLOAD_TOO_LARGE", "The upload is larger than " + maxBytes + " bytes");
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
                PendingRow row = new PendingRow(parsed.row(), outcome.row());
                NaturalKey key = row.key();
                if (!chunkKeys.add(key) || chunk.size() >= chunkSize) {
                    // the same key twice in a chunk: store the first before reading the second against it
                    flush(pipeline, chunk, chunkRejected);
                    chunkKeys.clear();
                    chunkKeys.add(key);
                }
                chunk.add(row);
            }
        } catch (CharacterCodingException e) {
            stopped = stop(pipeline, results, "ENCODING_NOT_UTF8", NOT_UTF8);
        } catch (LimitedInputStream.TooLarge e) {
            // the reader fills its first buffer when it is made: a limit below that size is passed there
            stopped = stop(pipeline, results, "PAYLOAD_TOO_LARGE", "The upload is larger than " + maxBytes + " bytes");
        } finally {
            // a broken upload still finishes the chunk being stored: it is reported, never half-known
            pipeline.await();
        }
        flush(pipeline, chunk, chunkRejected);
        pipeline.await();
        return results.report(stopped);
    }

    /**
     * Before anything was stored, a broken upload is refused as a whole; afterwards the report says where it stopped.
     * Waits for the chunk being stored first: it decides which of the two it is.
     */
    private static String stop(ResolveAhead pipeline, BatchResults results, String code, String detail) {
        pipeline.await();
        if (results.isEmpty()) {
            throw ApiException.invalid(code, detail, List.of());
        }
        return code;
    }

    /** Hands the chunk and its refused rows to the resolving stage, which stores it after the chunks before it. */
    private static void flush(ResolveAhead pipeline, List<PendingRow> chunk, List<RowResult> rejected) {
        if (chunk.isEmpty() && rejected.isEmpty()) {
            return;
        }
        pipeline.submit(chunk, rejected);
        chunk.clear();
        rejected.clear();
    }

    private static String department(Caller caller) {
        return caller.departmentClaim().orElseThrow(() ->
                ApiException.forbidden("DEPARTMENT_REQUIRED", "Your token carries no department; only departments push records"));
    }
}
