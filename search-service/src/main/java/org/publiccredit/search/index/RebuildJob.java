package org.publiccredit.search.index;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;

/**
 * A full rebuild: a new index filled from subject feed sequence 0 (each subject with its summary, the record feed from
 * its head at the start) that takes over the alias when caught up.
 *
 * @param docType always {@code rebuild}
 * @param id the job id
 * @param state its state
 * @param reason why it was asked for ({@code requested} by an admin, {@code mapping-change}, {@code index-lost})
 * @param requestedBy who asked (user name) or {@code indexer}
 * @param requestedAt when
 * @param index the new index
 * @param previousIndex the index it replaces
 * @param startedAt when the active indexer picked it up
 * @param finishedAt when it took over (or failed)
 * @param subjectSeq subject feed sequence reached
 * @param recordSeq record feed sequence reached
 * @param subjectHead last known head of the subject feed
 * @param recordHead last known head of the record feed
 * @param documents documents in the new index when it took over
 * @param error why it failed
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record RebuildJob(String docType, String id, State state, String reason, String requestedBy, Instant requestedAt,
        String index, String previousIndex, Instant startedAt, Instant finishedAt, Long subjectSeq, Long recordSeq,
        Long subjectHead, Long recordHead, Long documents, String error) {

    public static final String DOC_TYPE = "rebuild";

    /** PENDING until the active indexer picks it up; DONE once its index serves the alias. */
    public enum State { PENDING, RUNNING, DONE, FAILED }

    public static RebuildJob requested(String id, String reason, String requestedBy, Instant now) {
        return new RebuildJob(DOC_TYPE, id, State.PENDING, reason, requestedBy, now, null, null, null, null, null, null, null,
                null, null, null);
    }

    public RebuildJob running(String newIndex, String previous, Instant now) {
        return new RebuildJob(DOC_TYPE, id, State.RUNNING, reason, requestedBy, requestedAt, newIndex, previous, now, null, 0L, 0L,
                subjectHead, recordHead, null, null);
    }

    public RebuildJob progress(long subject, long record, long subjectHeadSeen, long recordHeadSeen) {
        return new RebuildJob(DOC_TYPE, id, state, reason, requestedBy, requestedAt, index, previousIndex, startedAt, finishedAt,
                subject, record, subjectHeadSeen, recordHeadSeen, documents, error);
    }

    public RebuildJob done(long docs, Instant now) {
        return new RebuildJob(DOC_TYPE, id, State.DONE, reason, requestedBy, requestedAt, index, previousIndex, startedAt, now,
                subjectSeq, recordSeq, subjectHead, recordHead, docs, null);
    }

    public RebuildJob failed(String why, Instant now) {
        return new RebuildJob(DOC_TYPE, id, State.FAILED, reason, requestedBy, requestedAt, index, previousIndex, startedAt, now,
                subjectSeq, recordSeq, subjectHead, recordHead, documents, why);
    }
}
