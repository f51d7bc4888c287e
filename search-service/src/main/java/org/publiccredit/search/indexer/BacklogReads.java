package org.publiccredit.search.indexer;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * How a page of record changes in a backlog is read, per index: stored documents first, so that subjects whose stored
 * summary is current already (summarised after later changes were committed, as when an import is caught up) are not
 * summarised again; or stored documents and summaries at once, as at the feeds' head. Reading first costs a round
 * trip; it is worth it only while enough summaries are current. Decided by the last backlog page of the index.
 */
final class BacklogReads {

    /** Below this share of current summaries in a backlog page, reading first costs more time than it saves calls. */
    static final double WORTH_IT = 0.2;

    private final Map<String, Boolean> readFirst = new ConcurrentHashMap<>();

    /** Whether the next backlog page of this index reads its stored documents before it asks for summaries. */
    boolean readFirst(String index) {
        return readFirst.getOrDefault(index, true);
    }

    /** A backlog page of {@code subjects} subjects of which {@code stale} needed a new summary. */
    void observe(String index, int subjects, int stale) {
        if (subjects > 0) {
            readFirst.put(index, subjects - stale >= WORTH_IT * subjects);
        }
    }
}
