package org.publiccredit.search.indexer;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.publiccredit.search.feed.Change;
import org.publiccredit.search.feed.FeedClient;
import org.publiccredit.search.feed.Summary;
import org.publiccredit.search.index.Evaluation;
import org.publiccredit.search.index.ListEntry;
import org.publiccredit.search.index.SubjectDocument;
import org.publiccredit.search.index.SubjectIndex;
import org.springframework.web.client.RestClient;
import tools.jackson.databind.json.JsonMapper;

/**
 * Decision 0009 at the applier: after record changes a document whose content stays the same is not written, and one
 * whose list, category, objection or grade changed is.
 */
class ChangeApplierTest {

    private static final String ID = "0b7e7a4e-3f7e-4a55-9a55-3c1f5b0c0001";
    private static final String TARGET = "subjects-v9-test";

    /** Documents kept as Elasticsearch keeps them: JSON without the name keys ({@code _source} excludes them). */
    static final class Index extends SubjectIndex {

        private static final JsonMapper JSON = JsonMapper.builder().build();
        final Map<String, String> sources = new HashMap<>();
        final List<String> written = new ArrayList<>();
        volatile boolean failing;
        private long seqNo;

        Index() {
            super(null, IndexerFakes.PROPERTIES);
        }

        @Override
        public Map<String, Stored> get(String index, Collection<String> ids) {
            Map<String, Stored> out = new HashMap<>();
            for (String id : ids) {
                if (sources.containsKey(id)) {
                    out.put(id, new Stored(JSON.readValue(sources.get(id), SubjectDocument.class), seqNo, 1));
                }
            }
            return out;
        }

        @Override
        @SuppressWarnings("unchecked")
        public void write(String index, List<Write> writes) throws java.io.IOException {
            if (failing) {
                throw new java.io.IOException("bulk refused");
            }
            for (Write w : writes) {
                written.add(w.id());
                Map<String, Object> source = new LinkedHashMap<>(JSON.readValue(JSON.writeValueAsString(w.doc()), Map.class));
                source.remove("names");
                sources.put(w.id(), JSON.writeValueAsString(source));
                seqNo++;
            }
        }
    }

    /** record-service's summaries: whatever the test says the subject's records are now. */
    static final class Summaries extends FeedClient {

        volatile Summary now;
        final List<String> asked = new ArrayList<>();

        Summaries() {
            super(RestClient.create(), IndexerFakes.PROPERTIES);
        }

        @Override
        public Summary summary(String subjectId) {
            asked.add(subjectId);
            return now;
        }

        @Override
        public Map<String, Summary> summaries(Collection<String> subjectIds) {
            Map<String, Summary> out = new HashMap<>();
            asked.addAll(subjectIds);
            subjectIds.forEach(id -> out.put(id, now));
            return out;
        }
    }

    private static ListEntry entry(String id, String category, boolean disputed) {
        return new ListEntry(id, category, category, "2026-11-01", "2029-11-01", "market", disputed);
    }

    private static Summary penalties(int n, List<ListEntry> black, List<ListEntry> disputed, String grade) {
        Map<String, Integer> counts = new HashMap<>(Map.of("ADM_PENALTY", n));
        black.forEach(e -> counts.merge(e.category(), 1, Integer::sum));
        List<ListEntry> latest = new ArrayList<>();
        for (int i = n; i > 0 && latest.size() < 5; i--) {
            latest.add(entry("p" + i, "ADM_PENALTY", false));
        }
        Evaluation evaluation = new Evaluation(grade, grade, grade, 100 - 2 * n, "2026.1", List.of(
                new Evaluation.Reason("PENALTY_ORDINARY_12M", "一般行政处罚", "ordinary penalty", -2 * n, n, null)), null, "2026-12-07");
        return new Summary(ID, "91450200MA5K00012P", counts, List.of(), black, List.of(), latest, disputed, null, evaluation);
    }

    private final Index index = new Index();
    private final Summaries summaries = new Summaries();
    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
    private final ChangeApplier applier = new ChangeApplier(index, summaries, new IndexerFakes.TestClock(),
            new IndexerPhases(registry));

    private double counted(String outcome) {
        return registry.get("search.indexer.record.documents").tag("outcome", outcome).counter().count();
    }

    private int recordChange(long seq) throws Exception {
        List<Change> page = List.of(IndexerFakes.recordChange(seq, ID));
        return applier.applyRecordChanges(TARGET, page, seq, false);
    }

    @Test
    void onlyRecordChangesThatChangeWhatTheDocumentKeepsAreWritten() throws Exception {
        summaries.now = penalties(1, List.of(), List.of(), "B");
        assertThat(applier.applySubjectChanges(TARGET, List.of(IndexerFakes.subjectChange(1, ID)), null)).isEqualTo(1);
        assertThat(index.written).containsExactly(ID);

        // an ordinary penalty more: counts, latest penalties and score change, none of which the document keeps
        summaries.now = penalties(2, List.of(), List.of(), "B");
        assertThat(recordChange(10)).isZero();
        summaries.now = penalties(3, List.of(), List.of(), "B");
        assertThat(recordChange(11)).isZero();
        assertThat(index.written).hasSize(1);
        assertThat(counted("unchanged")).isEqualTo(2);

        // a black-list entry (and the grade it forces): written
        summaries.now = penalties(3, List.of(entry("b1", "TAX_MAJOR_VIOLATION", false)), List.of(), "D");
        assertThat(recordChange(12)).isEqualTo(1);
        SubjectDocument doc = index.get(TARGET, List.of(ID)).get(ID).doc();
        assertThat(doc.lists()).containsExactly("black");
        assertThat(doc.grade()).isEqualTo("D");
        assertThat(doc.recordSeq()).isEqualTo(12L);

        // a second black-list entry of a subject already on the black list: the document says "black" either way
        summaries.now = penalties(3, List.of(entry("b1", "TAX_MAJOR_VIOLATION", false), entry("b2", "TAX_MAJOR_VIOLATION", false)), List.of(), "D");
        assertThat(recordChange(13)).isZero();

        // an objection to a penalty: written (the hit list's 异议中 flag)
        summaries.now = penalties(3, List.of(entry("b1", "TAX_MAJOR_VIOLATION", false), entry("b2", "TAX_MAJOR_VIOLATION", false)),
                List.of(entry("p3", "ADM_PENALTY", true)), "D");
        assertThat(recordChange(14)).isEqualTo(1);
        assertThat(index.get(TARGET, List.of(ID)).get(ID).doc().disputed()).extracting(ListEntry::recordId).containsExactly("p3");
        assertThat(counted("written")).isEqualTo(2);
        assertThat(counted("unchanged")).isEqualTo(3);
        assertThat(index.written).hasSize(3);
    }

    private static Summary changingOn(int n, String changesOn) {
        Summary s = penalties(n, List.of(), List.of(), "C");
        Evaluation e = s.evaluation();
        return new Summary(ID, s.subjectCode(), s.counts(), List.of(), List.of(), List.of(), s.latestPenalties(), List.of(), null,
                new Evaluation("C", "中", "fair", e.score(), e.rulesVersion(), e.reasons(), changesOn, e.evaluatedOn()));
    }

    @Test
    void aLaterDayOnWhichTimeAloneChangesTheGradeKeepsTheEarlierRefreshButAnEarlierOneIsWritten() throws Exception {
        summaries.now = changingOn(3, "2027-03-01");
        applier.applySubjectChanges(TARGET, List.of(IndexerFakes.subjectChange(1, ID)), null);
        java.time.Instant march = index.get(TARGET, List.of(ID)).get(ID).doc().summaryValidUntil();
        assertThat(march).isEqualTo(java.time.Instant.parse("2027-02-28T16:00:00Z"));

        // a fourth penalty: the grade changes by time alone later now; refreshing in March once more is harmless
        summaries.now = changingOn(4, "2027-06-01");
        assertThat(recordChange(10)).isZero();
        assertThat(index.get(TARGET, List.of(ID)).get(ID).doc().summaryValidUntil()).isEqualTo(march);

        // something that changes sooner must be written
        summaries.now = changingOn(4, "2027-01-15");
        assertThat(recordChange(11)).isEqualTo(1);
        assertThat(index.get(TARGET, List.of(ID)).get(ID).doc().summaryValidUntil()).isEqualTo(java.time.Instant.parse("2027-01-14T16:00:00Z"));
    }

    @Test
    void aDocumentWrittenBeforeDecision0009IsReadAsALeanOneAndNotRewrittenForAnOrdinaryPenalty() throws Exception {
        summaries.now = penalties(1, List.of(), List.of(), "B");
        applier.applySubjectChanges(TARGET, List.of(IndexerFakes.subjectChange(1, ID)), null);
        // what mapping v9 wrote: the display data beside the rest
        JsonMapper json = JsonMapper.builder().build();
        @SuppressWarnings("unchecked")
        Map<String, Object> old = new LinkedHashMap<>(json.readValue(index.sources.get(ID), Map.class));
        old.put("counts", Map.of("ADM_PENALTY", 1));
        old.put("latestPenalties", List.of(Map.of("recordId", "p1", "category", "ADM_PENALTY")));
        old.put("evaluation", Map.of("grade", "B", "score", 98));
        old.put("redList", List.of());
        index.sources.put(ID, json.writeValueAsString(old));

        summaries.now = penalties(2, List.of(), List.of(), "B");
        assertThat(recordChange(10)).isZero();
        assertThat(index.written).hasSize(1);
    }

    @Test
    void aSummaryThatLeftTheDocumentAsItWasStillCoversTheChangesItReflects() throws Exception {
        summaries.now = penalties(1, List.of(), List.of(), "B");
        applier.applySubjectChanges(TARGET, List.of(IndexerFakes.subjectChange(1, ID)), null);
        summaries.asked.clear();

        // a backlog: the page holds change 10, the feed's head is at 500 when it is read; the document stays as it was
        summaries.now = penalties(2, List.of(), List.of(), "B");
        assertThat(applier.applyRecordChanges(TARGET, List.of(IndexerFakes.recordChange(10, ID)), 500L, true)).isZero();
        assertThat(summaries.asked).containsExactly(ID);
        assertThat(index.get(TARGET, List.of(ID)).get(ID).doc().recordSeq()).isNull(); // not written: recordSeq did not move

        // later pages of the backlog up to 500: that summary reflects them, nothing is fetched again
        applier.applyRecordChanges(TARGET, List.of(IndexerFakes.recordChange(200, ID)), 800L, true);
        applier.applyRecordChanges(TARGET, List.of(IndexerFakes.recordChange(500, ID)), 800L, true);
        assertThat(summaries.asked).containsExactly(ID);
        // in another index (a rebuild) it is not known
        applier.applyRecordChanges("subjects-v9-other", List.of(IndexerFakes.recordChange(200, ID)), 800L, true);
        assertThat(summaries.asked).containsExactly(ID, ID);

        // a change after that head is fetched
        summaries.now = penalties(3, List.of(entry("b1", "TAX_MAJOR_VIOLATION", false)), List.of(), "D");
        assertThat(applier.applyRecordChanges(TARGET, List.of(IndexerFakes.recordChange(501, ID)), 900L, true)).isEqualTo(1);
        assertThat(summaries.asked).containsExactly(ID, ID, ID);
        assertThat(index.get(TARGET, List.of(ID)).get(ID).doc().lists()).containsExactly("black");
    }

    @Test
    void aFailedWriteRemembersNothing() throws Exception {
        summaries.now = penalties(1, List.of(), List.of(), "B");
        index.failing = true;
        org.assertj.core.api.Assertions.assertThatThrownBy(
                () -> applier.applyRecordChanges(TARGET, List.of(IndexerFakes.recordChange(10, ID)), 500L, true))
                .isInstanceOf(java.io.IOException.class);
        index.failing = false;
        assertThat(applier.applyRecordChanges(TARGET, List.of(IndexerFakes.recordChange(10, ID)), 500L, true)).isEqualTo(1);
        assertThat(summaries.asked).containsExactly(ID, ID);

        // an unchanged document at head 900, then the indexer steps back and forgets what it applied
        assertThat(applier.applyRecordChanges(TARGET, List.of(IndexerFakes.recordChange(600, ID)), 900L, true)).isZero();
        applier.applyRecordChanges(TARGET, List.of(IndexerFakes.recordChange(700, ID)), 900L, true);
        assertThat(summaries.asked).containsExactly(ID, ID, ID);
        applier.forgetReflected();
        applier.applyRecordChanges(TARGET, List.of(IndexerFakes.recordChange(800, ID)), 900L, true);
        assertThat(summaries.asked).containsExactly(ID, ID, ID, ID);
    }
}
