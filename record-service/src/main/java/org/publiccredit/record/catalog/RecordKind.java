package org.publiccredit.record.catalog;

/** The kind of a catalog category (DOMAIN.md section 2). */
public enum RecordKind {
    LICENSE, PENALTY, BLACK_LIST, RED_LIST, ABNORMAL_LIST, RATING, COMMITMENT, JUDICIAL, OTHER;

    /** Lists that a credit check (信用核查) reports as entries in force. */
    public boolean listEntry() {
        return this == BLACK_LIST || this == RED_LIST || this == ABNORMAL_LIST;
    }
}
