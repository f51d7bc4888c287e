package org.publiccredit.search.feed;

import java.time.Instant;
import java.util.List;
import java.util.Map;
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
 */
public record Summary(String subjectId, String subjectCode, Map<String, Integer> counts, List<ListEntry> redList,
        List<ListEntry> blackList, List<ListEntry> abnormalList, List<ListEntry> latestPenalties, List<ListEntry> disputed, Instant validUntil) {

    public Summary {
        counts = counts != null ? Map.copyOf(counts) : Map.of();
        redList = redList != null ? List.copyOf(redList) : List.of();
        blackList = blackList != null ? List.copyOf(blackList) : List.of();
        abnormalList = abnormalList != null ? List.copyOf(abnormalList) : List.of();
        latestPenalties = latestPenalties != null ? List.copyOf(latestPenalties) : List.of();
        disputed = disputed != null ? List.copyOf(disputed) : List.of();
    }

    /** Nothing public (the subject is unknown to record-service, or has no public record). */
    public static Summary empty(String subjectId) {
        return new Summary(subjectId, null, Map.of(), List.of(), List.of(), List.of(), List.of(), List.of(), null);
    }
}
