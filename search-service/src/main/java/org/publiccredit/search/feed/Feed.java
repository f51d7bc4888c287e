package org.publiccredit.search.feed;

/** The two change feeds the indexer follows. */
public enum Feed {
    /** subject-service: subjects (信用主体) and their names. */
    SUBJECT,
    /** record-service: credit records (信用记录); each change makes the subject's public summary be fetched again. */
    RECORD;

    public String tag() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
