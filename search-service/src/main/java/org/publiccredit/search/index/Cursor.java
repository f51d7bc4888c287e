package org.publiccredit.search.index;

import java.time.Instant;

/**
 * How far one concrete subject index has applied each change feed.
 *
 * @param docType always {@code cursor}
 * @param index the concrete subject index
 * @param subjectSeq last applied sequence of subject-service's feed
 * @param recordSeq last applied sequence of record-service's feed
 * @param updatedAt when it was written
 */
public record Cursor(String docType, String index, long subjectSeq, long recordSeq, Instant updatedAt) {

    public static Cursor start(String index, Instant now) {
        return new Cursor("cursor", index, 0, 0, now);
    }

    public Cursor advance(long subject, long record, Instant now) {
        return new Cursor("cursor", index, subject, record, now);
    }
}
