package org.publiccredit.report.client;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.IntFunction;
import org.publiccredit.commons.problem.ApiException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;

/**
 * record-service as reports use it. Every read is paged through to the end (100 a page) and checked for a file that
 * changed while it was read (then read once more). A 404 on a whole-file read is record-service refusing the caller
 * (not theirs, or no such subject): empty. No answer is a 503 problem. The catalog is cached for a minute and, when
 * record-service cannot give it, the last one (or labels from field keys) is used: it only names things.
 */
@Component
public class Records {

    private static final Logger log = LoggerFactory.getLogger(Records.class);
    private static final int PAGE = 100;

    private final RecordClient records;
    private final RecordFileClient files;
    private final Clock clock;
    private final int maxRecords;
    private volatile Catalog catalog;
    private volatile Instant catalogRead = Instant.EPOCH;

    Records(RecordClient records, RecordFileClient files, Clock clock,
            @Value("${platform.reports.max-records:5000}") int maxRecords) {
        this.records = records;
        this.files = files;
        this.clock = clock;
        this.maxRecords = maxRecords;
    }

    /** The subject's public records (public edition): record-service's public view, nothing else. */
    public List<ReportRecord> publicRecords(String subjectId) {
        try {
            return readAll(page -> records.publicRecords(subjectId, page, PAGE), ReportRecord::of, PublicRecord::recordId)
                    .orElse(List.of());
        } catch (ApiException e) {
            throw e;
        } catch (RuntimeException e) {
            CallFailure f = CallFailure.of(e);
            if (f.status() == 404) {
                return List.of();
            }
            throw unavailable(f);
        }
    }

    /**
     * The whole file as the caller may see it, read with the caller's bearer token: {@code own} uses the caller's own
     * file ({@code mine}); otherwise the subject by id, where record-service applies the caller's rights. Empty when
     * record-service refuses the caller (404).
     */
    public Optional<List<ReportRecord>> file(String bearer, boolean own, String subjectId) {
        try {
            return readAll(page -> own ? files.mine(bearer, page, PAGE) : files.records(bearer, subjectId, page, PAGE),
                    ReportRecord::of, FileRecord::id);
        } catch (ApiException e) {
            throw e;
        } catch (RuntimeException e) {
            CallFailure f = CallFailure.of(e);
            if (f.status() == 404 || f.status() == 403) {
                return Optional.empty();
            }
            throw unavailable(f);
        }
    }

    /** The subject's credit evaluation: its public view for a public edition, else the full one. */
    public EvaluationView evaluation(String subjectId, boolean publicView) {
        try {
            return records.evaluation(subjectId, publicView ? "public" : "full");
        } catch (RuntimeException e) {
            throw unavailable(CallFailure.of(e));
        }
    }

    /** The record feed's highest committed sequence: part of the report's data cut-off. */
    public long feedHead() {
        try {
            FeedHead head = records.changes(0, 1);
            return head.headSeq() != null ? head.headSeq() : head.lastSeq();
        } catch (RuntimeException e) {
            throw unavailable(CallFailure.of(e));
        }
    }

    public Catalog catalog() {
        Instant now = clock.instant();
        Catalog cached = catalog;
        if (cached != null && Duration.between(catalogRead, now).compareTo(Duration.ofMinutes(1)) < 0) {
            return cached;
        }
        try {
            Catalog fresh = new Catalog(records.catalog());
            catalog = fresh;
            catalogRead = now;
            return fresh;
        } catch (RuntimeException e) {
            log.warn("catalog read failed ({}): using {}", CallFailure.of(e).summary(), cached != null ? "the last one" : "field keys");
            return cached != null ? cached : Catalog.empty();
        }
    }

    private <T> Optional<List<ReportRecord>> readAll(IntFunction<RecordPage<T>> read, java.util.function.Function<T, ReportRecord> map,
            java.util.function.Function<T, String> id) {
        for (int attempt = 0; ; attempt++) {
            RecordPage<T> first = read.apply(0);
            if (first == null) {
                return Optional.empty();
            }
            if (first.total() > maxRecords) {
                throw new ApiException(HttpStatus.UNPROCESSABLE_CONTENT, "REPORT_TOO_LARGE",
                        "The subject has more than " + maxRecords + " records: too many for one report")
                        .with("records", first.total()).with("limit", maxRecords).args(maxRecords);
            }
            Map<String, ReportRecord> all = new LinkedHashMap<>();
            first.items().forEach(i -> all.put(id.apply(i), map.apply(i)));
            boolean changed = false;
            for (int page = 1; all.size() < first.total(); page++) {
                RecordPage<T> next = read.apply(page);
                if (next == null || next.items().isEmpty() || next.total() != first.total()) {
                    changed = true;
                    break;
                }
                next.items().forEach(i -> all.put(id.apply(i), map.apply(i)));
            }
            if (!changed && all.size() == first.total()) {
                return Optional.of(new ArrayList<>(all.values()));
            }
            if (attempt >= 1) {
                // the file keeps changing under the read: give what was read, the cut-off states when
                log.info("a subject's file changed twice while it was read for a report");
                return Optional.of(new ArrayList<>(all.values()));
            }
        }
    }

    private static ApiException unavailable(CallFailure f) {
        log.warn("record-service read failed: {}", f.summary());
        return new ApiException(HttpStatus.SERVICE_UNAVAILABLE, "RECORD_SERVICE_UNAVAILABLE",
                "The credit records cannot be read right now; try again shortly").retryAfter(5);
    }
}
