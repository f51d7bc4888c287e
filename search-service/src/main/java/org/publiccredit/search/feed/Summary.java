package org.publiccredit.search.feed;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import org.publiccredit.search.index.Evaluation;
import org.publiccredit.search.index.ListEntry;

/**
 * record-service's public summary of a subject ({@code GET /internal/v1/subjects/{id}/summary}), computed by its one
 * publicity policy at the time of the call.
 *
 * @param subjectId the subject
 * @param subjectCode the USCC, or the masked id number
 * @param counts public records per catalog code
 * @param redList red-list entries in force
 * @param blackList black-list entries in force
 * @param abnormalList entries of the abnormal business operations list (经营异常名录) in force
 * @param latestPenalties latest public penalties (≤ 5)
 * @param disputed public records under objection
 * @param validUntil the next instant at which time alone changes this summary, or null
 * @param evaluation the subject's credit evaluation (grade A-D with its reasons), or null from a record-service that does
 *        not send it yet
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record Summary(String subjectId, String subjectCode, Map<String, Integer> counts, List<ListEntry> redList,
        List<ListEntry> blackList, List<ListEntry> abnormalList, List<ListEntry> latestPenalties, List<ListEntry> disputed, Instant validUntil,
        Evaluation evaluation) {

    public Summary {
        counts = counts != null ? Map.copyOf(counts) : Map.of();
        redList = redList != null ? List.copyOf(redList) : List.of();
        blackList = blackList != null ? List.copyOf(blackList) : List.of();
        abnormalList = abnormalList != null ? List.copyOf(abnormalList) : List.of();
        latestPenalties = latestPenalties != null ? List.copyOf(latestPenalties) : List.of();
        disputed = disputed != null ? List.copyOf(disputed) : List.of();
    }

    /** This summary, to be fetched again at {@code at} (e.g. now, when it could not be fetched). */
    public Summary dueAt(Instant at) {
        return new Summary(subjectId, subjectCode, counts, redList, blackList, abnormalList, latestPenalties, disputed,
                validUntil == null || at.isBefore(validUntil) ? at : validUntil, evaluation);
    }

    /** The categories with at least one public record and their counts, in code order. */
    public SortedMap<String, Integer> publicCounts() {
        SortedMap<String, Integer> out = new TreeMap<>();
        counts.forEach((category, n) -> {
            if (category != null && n != null && n > 0) {
                out.put(category, n);
            }
        });
        return out;
    }

    /** Nothing public (the subject is unknown to record-service, or has no public record). */
    public static Summary empty(String subjectId) {
        return new Summary(subjectId, null, Map.of(), List.of(), List.of(), List.of(), List.of(), List.of(), null, null);
    }
}
