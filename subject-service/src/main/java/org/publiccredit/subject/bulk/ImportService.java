package org.publiccredit.subject.bulk;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.publiccredit.commons.id.Identifiers;
import org.publiccredit.commons.id.Uscc;
import org.publiccredit.commons.problem.ApiException;
import org.publiccredit.commons.security.Caller;
import org.publiccredit.commons.web.RequestIds;
import org.publiccredit.subject.registry.SubjectDraft;
import org.publiccredit.subject.registry.SubjectInput;
import org.publiccredit.subject.registry.SubjectValidator;
import org.publiccredit.subject.registry.SubjectWriter;
import org.publiccredit.subject.registry.SubjectWriter.Outcome;
import org.publiccredit.subject.registry.SubjectsProperties;
import org.publiccredit.subject.registry.Writer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.dao.DataAccessException;
import org.springframework.stereotype.Service;
import tools.jackson.databind.json.JsonMapper;

/**
 * Streams an upload row by row: each row is read from the request stream, checked, and collected into a batch;
 * each batch is merged in one transaction by {@link SubjectWriter} on a second thread while the next batch is read (so every row is stored entirely or not at all,
 * and valid rows are stored whatever their neighbours). At most {@code maxRows} rows; the next one stops the import.
 */
@Service
class ImportService {

    private static final Logger log = LoggerFactory.getLogger(ImportService.class);

    /** Why an import stopped before the end of its input. */
    enum Stop { NONE, TOO_MANY_ROWS, STORE_FAILED }

    /**
     * The outcome.
     *
     * @param report      the report over the rows processed
     * @param stop        why it stopped early, if it did
     * @param stoppedAt   the first row not processed (when stopped)
     */
    record Result(ImportReport report, Stop stop, int stoppedAt) {
    }

    private final SubjectValidator validator;
    private final SubjectWriter writer;
    private final SubjectsProperties properties;
    private final JsonMapper json;
    private final int maxRows;
    private final int batchSize;
    private final int listLimit;

    ImportService(SubjectValidator validator, SubjectWriter writer, SubjectsProperties properties, JsonMapper json,
            @Value("${platform.subjects.import.max-rows:100000}") int maxRows,
            @Value("${platform.subjects.import.batch-size:1000}") int batchSize,
            @Value("${platform.subjects.import.listed-rows:10000}") int listLimit) {
        this.validator = validator;
        this.writer = writer;
        this.properties = properties;
        this.json = json;
        this.maxRows = maxRows;
        this.batchSize = batchSize;
        this.listLimit = listLimit;
    }

    int maxRows() {
        return maxRows;
    }

    Result run(InputStream body, boolean csv, Caller caller, Locale locale) throws IOException {
        Writer as = Writer.of(caller, properties.registrationSources());
        CharInput chars = new CharInput(body);
        RowSource rows = csv ? new CsvRows(chars, locale) : new NdjsonRows(chars, json, locale);
        ImportReport.Builder report = new ImportReport.Builder(listLimit);
        long started = System.nanoTime();
        // one batch is stored on another thread while the next one is read and checked: both cores work
        try (ExecutorService storer = Executors.newSingleThreadExecutor(Thread.ofVirtual().name("import-store").factory())) {
            Batches batches = new Batches(storer, as, locale, report);
            Row row;
            while ((row = rows.next()) != null) {
                if (row.row() > maxRows) {
                    int failedAt = batches.finish();
                    return failedAt > 0 ? new Result(report.build(), Stop.STORE_FAILED, failedAt)
                            : new Result(report.build(), Stop.TOO_MANY_ROWS, row.row());
                }
                if (row.input() == null) {
                    report.add(row.row(), row.line(), null, Outcome.REJECTED, null, row.problems());
                    continue;
                }
                SubjectValidator.Result checked = validator.validate(row.input(), locale);
                if (!checked.valid()) {
                    report.add(row.row(), row.line(), key(row.input()), Outcome.REJECTED, null, checked.problems());
                    continue;
                }
                int failedAt = batches.add(row, checked.draft());
                if (failedAt > 0) {
                    return new Result(report.build(), Stop.STORE_FAILED, failedAt);
                }
            }
            int failedAt = batches.finish();
            if (failedAt > 0) {
                return new Result(report.build(), Stop.STORE_FAILED, failedAt);
            }
        }
        ImportReport done = report.build();
        log.info("import of {} rows by {}: {} created, {} updated, {} unchanged, {} rejected in {} ms", done.totals().rows(),
                as.source(), done.totals().created(), done.totals().updated(), done.totals().unchanged(), done.totals().rejected(),
                (System.nanoTime() - started) / 1_000_000);
        return new Result(done, Stop.NONE, 0);
    }

    /** Collects checked rows into batches and stores each on the storer thread, at most one batch in flight. */
    private final class Batches {
        private final ExecutorService storer;
        private final Writer as;
        private final Locale locale;
        private final ImportReport.Builder report;
        private List<Row> rows = new ArrayList<>(batchSize);
        private List<SubjectDraft> drafts = new ArrayList<>(batchSize);
        private Future<Integer> inFlight;

        Batches(ExecutorService storer, Writer as, Locale locale, ImportReport.Builder report) {
            this.storer = storer;
            this.as = as;
            this.locale = locale;
            this.report = report;
        }

        /** Adds a row; 0, or the first row of a batch the database refused (the import must stop). */
        int add(Row row, SubjectDraft draft) {
            rows.add(row);
            drafts.add(draft);
            return drafts.size() >= batchSize ? submit() : 0;
        }

        /** Stores what is left and waits; 0, or the first row of a refused batch. */
        int finish() {
            int failed = submit();
            return failed > 0 ? failed : awaitInFlight();
        }

        private int submit() {
            int failed = awaitInFlight();
            if (failed > 0 || drafts.isEmpty()) {
                return failed;
            }
            List<Row> batchRows = rows;
            List<SubjectDraft> batchDrafts = drafts;
            rows = new ArrayList<>(batchSize);
            drafts = new ArrayList<>(batchSize);
            String requestId = RequestIds.current();
            inFlight = storer.submit(() -> {
                MDC.put(RequestIds.MDC_KEY, requestId);
                try {
                    return store(batchRows, batchDrafts, as, locale, report);
                } finally {
                    MDC.remove(RequestIds.MDC_KEY);
                }
            });
            return 0;
        }

        private int awaitInFlight() {
            if (inFlight == null) {
                return 0;
            }
            try {
                return inFlight.get();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("import interrupted", e);
            } catch (ExecutionException e) {
                throw new IllegalStateException("import batch failed", e.getCause());
            } finally {
                inFlight = null;
            }
        }
    }

    /** Stores a batch and reports its rows; 0, or its first row when the database refused it (nothing reported then). */
    private int store(List<Row> rows, List<SubjectDraft> drafts, Writer as, Locale locale, ImportReport.Builder report) {
        List<SubjectWriter.Result> results;
        try {
            results = writer.write(drafts, as, locale);
        } catch (DataAccessException | ApiException e) {
            log.error("import batch from row {} not stored: {}", rows.getFirst().row(), e.getClass().getSimpleName());
            return rows.getFirst().row();
        }
        for (int i = 0; i < results.size(); i++) {
            SubjectWriter.Result r = results.get(i);
            Row row = rows.get(i);
            SubjectDraft d = drafts.get(i);
            String key = d.uscc() != null ? d.uscc().value() : d.idNumber().masked();
            report.add(row.row(), row.line(), key, r.outcome(), r.subject() == null ? null : r.subject().id(), r.problems());
        }
        return 0;
    }

    /** What a refused row is shown by: a valid code as it is, anything else masked (it may be an id number). */
    private static String key(SubjectInput input) {
        String raw = input.code() != null && !input.code().isBlank() ? input.code() : input.idNumber();
        if (raw == null || raw.isBlank()) {
            return null;
        }
        String normalized = Identifiers.normalize(raw);
        return input.code() != null && Uscc.check(normalized).valid() ? normalized : Identifiers.mask(normalized);
    }
}
