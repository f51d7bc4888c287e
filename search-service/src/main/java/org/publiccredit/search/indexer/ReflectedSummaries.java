package org.publiccredit.search.indexer;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Which record changes the summaries the indexer applied already reflect, per index and subject: a summary fetched after
 * a page was read reflects every change up to the feed's head then (feeds commit in seq order, commons'
 * ChangeLogOrder). The stored document tells the same through its {@code recordSeq}, but only when it was written: a
 * summary that leaves the document as it is (most record changes, decision 0009) moves nothing, and without this
 * memory every later change of the subject in a backlog fetched its summary again. Remembered only once the page's
 * write has landed; the most recent {@code capacity} subjects per index, for the live index and a rebuild; forgotten
 * when the indexer steps back (another instance may write meanwhile).
 */
final class ReflectedSummaries {

    private static final int INDEXES = 2;

    private final int capacity;
    private final Map<String, Map<String, Long>> byIndex = new LinkedHashMap<>();

    ReflectedSummaries(int capacity) {
        this.capacity = capacity;
    }

    /** Whether a summary applied to this index already reflects the subject's change at {@code seq}. */
    synchronized boolean covers(String index, String subjectId, long seq) {
        Map<String, Long> seen = byIndex.get(index);
        Long reflected = seen == null ? null : seen.get(subjectId);
        return reflected != null && reflected >= seq;
    }

    /** The summaries of these subjects, reflecting the record feed up to {@code reflects}, are in the index now. */
    synchronized void remember(String index, Collection<String> subjectIds, long reflects) {
        if (capacity <= 0 || subjectIds.isEmpty()) {
            return;
        }
        Map<String, Long> seen = byIndex.get(index);
        if (seen == null) {
            if (byIndex.size() >= INDEXES) {
                byIndex.remove(byIndex.keySet().iterator().next()); // an index retired by a rebuild
            }
            seen = new LinkedHashMap<>(16, 0.75f, true) {
                @Override
                protected boolean removeEldestEntry(Map.Entry<String, Long> eldest) {
                    return size() > capacity;
                }
            };
            byIndex.put(index, seen);
        }
        for (String id : subjectIds) {
            seen.merge(id, reflects, Math::max);
        }
    }

    synchronized void forget() {
        byIndex.clear();
    }
}
