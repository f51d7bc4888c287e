package org.publiccredit.search.indexer;

import java.io.IOException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import org.publiccredit.search.feed.Change;
import org.publiccredit.search.feed.FeedCalls;
import org.publiccredit.search.feed.FeedClient;
import org.publiccredit.search.feed.Summary;
import org.publiccredit.search.index.SubjectDocument;
import org.publiccredit.search.index.SubjectIndex;
import org.publiccredit.search.index.SubjectIndex.Stored;
import org.publiccredit.search.index.SubjectIndex.Write;
import org.publiccredit.search.indexer.IndexerPhases.Phase;
import org.publiccredit.search.indexer.PublicDocuments.Indexed;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.web.client.RestClientException;

/**
 * Applies one page of a feed to one concrete index, idempotently: a subject change older than or equal to the
 * document's {@code subjectSeq} is skipped (a replay), a record change makes the subject's public summary be
 * fetched again (so replaying it writes the same summary). Each page is one bulk request, conditional on the
 * versions read.
 */
@Component
class ChangeApplier {

    private static final Logger log = LoggerFactory.getLogger(ChangeApplier.class);
    private final SubjectIndex index;
    private final FeedClient feeds;
    private final Clock clock;
    private final IndexerPhases phases;
    /** Subjects per index whose last applied summary is remembered (about 100 bytes each). */
    static final int REFLECTED_CAPACITY = 250_000;
    private final BacklogReads backlogReads = new BacklogReads();
    private final ReflectedSummaries reflected = new ReflectedSummaries(REFLECTED_CAPACITY);

    ChangeApplier(SubjectIndex index, FeedClient feeds, Clock clock, IndexerPhases phases) {
        this.index = index;
        this.feeds = feeds;
        this.clock = clock;
        this.phases = phases;
    }

    /**
     * Subject changes in feed order; returns the number of documents written or deleted. A subject new to the index, or an
     * organisation whose document holds no evaluation yet, gets its summary with the page: every subject has an
     * evaluation (a clean one is B), and a subject without records has no record change that would bring it.
     *
     * @param summariesReflect null (the live index): those summaries are fetched after the page's documents were read; a
     *        summary fetched so does not say which record changes it reflects, so the document's {@code recordSeq} stays
     *        as it was (a later record change fetches it again). If record-service cannot answer, the subjects are
     *        indexed without them and marked due ({@code summaryValidUntil} now): the refresh scan fetches them later.
     *        Otherwise (a rebuild, whose record feed starts at the head it saw): they are fetched while the documents are
     *        read, and a subject new to the index records this seq, which its summary then reflects
     */
    int applySubjectChanges(String target, List<Change> changes, Long summariesReflect) throws IOException {
        Set<String> ids = new LinkedHashSet<>();
        for (Change c : changes) {
            if (isSubject(c)) {
                ids.add(subjectIdOf(c));
            }
        }
        if (ids.isEmpty()) {
            return 0;
        }
        Read read = summariesReflect != null ? readWithSummaries(target, ids) : readThenSummaries(target, ids);
        Map<String, Stored> stored = read.stored();
        Map<String, Indexed> parts = read.parts();
        Map<String, SubjectDocument> next = new LinkedHashMap<>();
        for (Change c : changes) {
            if (!isSubject(c)) {
                continue;
            }
            String id = subjectIdOf(c);
            SubjectDocument doc = next.containsKey(id) ? next.get(id) : stored.containsKey(id) ? stored.get(id).doc() : null;
            if (doc != null && doc.subjectSeq() != null && doc.subjectSeq() >= c.seq()) {
                continue; // already applied: a replay is a no-op
            }
            PublicDocuments.Identity identity = deleted(c) ? null : PublicDocuments.identity(c.subject());
            String kind = identity != null ? identity.kind() : doc != null ? doc.kind() : null;
            Indexed fetched = needsSummary(doc) ? parts.get(id) : null;
            Indexed part = fetched != null ? fetched : Indexed.of(doc);
            // new to the index in a rebuild: the summary fetched with the page reflects the record feed up to then
            Long recordSeq = doc == null && fetched != null && summariesReflect != null ? summariesReflect : doc != null ? doc.recordSeq() : null;
            next.put(id, PublicDocuments.build(id, kind, identity, part, c.seq(), recordSeq, clock.instant()));
        }
        return write(target, next, stored, false);
    }

    /**
     * Record changes: the summaries of the subjects they touch are fetched again, except where the stored summary
     * already reflects every change of the page for that subject (a replay, or a backlog in which the subject was
     * summarised after these changes were committed).
     *
     * @param headSeq the feed's head when the page was read (null if the feed does not say): every change up to it was
     *        committed by then (feeds commit in seq order, see commons' ChangeLogOrder), so a summary fetched after
     *        reading the page reflects all of them
     * @param backlog whether more changes follow at once (then, while enough stored summaries turn out to be current,
     *        the stored documents are read first and only the summaries not yet current are fetched: BacklogReads)
     */
    int applyRecordChanges(String target, List<Change> changes, Long headSeq, boolean backlog) throws IOException {
        return applyRecordChanges(target, changes, headSeq, backlog, null, false).await();
    }

    /**
     * The same, with the summaries perhaps fetched ahead ({@link #summariesAhead}) and the bulk request perhaps left
     * running: the live index writes one page while the next one is read and summarised. The caller awaits the write
     * before it reads or writes the index again and before it moves the cursor past the page.
     *
     * @param ahead the summaries of the page's subjects, asked for after the page was read (null: fetched here)
     * @param async whether to start the bulk request and return at once
     */
    PendingWrite applyRecordChanges(String target, List<Change> changes, Long headSeq, boolean backlog,
            CompletableFuture<Map<String, Summary>> ahead, boolean async) throws IOException {
        Map<String, Long> seqBySubject = notYetReflected(target, changes);
        if (seqBySubject.isEmpty()) {
            return PendingWrite.DONE;
        }
        long pageLast = changes.stream().mapToLong(Change::seq).max().orElse(0);
        long reflects = headSeq != null ? Math.max(headSeq, pageLast) : pageLast;
        int subjects = seqBySubject.size();
        if (!backlog || !backlogReads.readFirst(target)) {
            // at the feed's head the changes are new: hardly any summary is current already, so record-service
            // summarises them all while Elasticsearch reads the stored documents (the lag is what the public sees);
            // the same in a backlog of new changes (behind a steady load), which must not be slower than the head
            Read read = ahead != null ? readWithSummariesAhead(target, seqBySubject.keySet(), ahead)
                    : readWithSummaries(target, seqBySubject.keySet());
            seqBySubject.entrySet().removeIf(e -> reflected(read.stored().get(e.getKey()), e.getValue()));
            if (backlog) {
                backlogReads.observe(target, subjects, seqBySubject.size());
            }
            return seqBySubject.isEmpty() ? PendingWrite.DONE
                    : remembered(target, seqBySubject.keySet(), reflects,
                            build(target, seqBySubject.keySet(), reflects, read.stored(), read.parts(), async, true));
        }
        // a backlog in which summaries are often current already (a subject summarised after later changes were
        // committed, as when catching up an import): skip those first, fetch the rest
        Map<String, Stored> stored = stored(target, seqBySubject.keySet());
        seqBySubject.entrySet().removeIf(e -> reflected(stored.get(e.getKey()), e.getValue()));
        backlogReads.observe(target, subjects, seqBySubject.size());
        if (seqBySubject.isEmpty()) {
            return PendingWrite.DONE;
        }
        return remembered(target, seqBySubject.keySet(), reflects,
                build(target, seqBySubject.keySet(), reflects, stored, parts(fetchSummaries(seqBySubject.keySet())), async, true));
    }

    /**
     * Once the write has landed, the subjects' summaries reflecting {@code reflects} are in the index (written, or equal
     * to what it holds): later changes of theirs up to it fetch nothing ({@link ReflectedSummaries}). A failed write
     * remembers nothing.
     */
    private PendingWrite remembered(String target, Set<String> subjects, long reflects, PendingWrite write) {
        List<String> ids = List.copyOf(subjects);
        return new PendingWrite(write.written().thenApply(n -> {
            reflected.remember(target, ids, reflects);
            return n;
        }), write.documents());
    }

    /** The indexer stepped back: another instance may write the index meanwhile. */
    void forgetReflected() {
        reflected.forget();
    }

    /**
     * The summaries of a record page's subjects, asked for now (after the page was read, so they reflect its changes) on
     * a thread of their own; null when the page names no subject, or when a backlog reads the stored documents first
     * (then only the summaries not current yet are fetched).
     */
    CompletableFuture<Map<String, Summary>> summariesAhead(String target, List<Change> changes, boolean backlog) {
        Set<String> ids = notYetReflected(target, changes).keySet();
        if (ids.isEmpty() || backlog && backlogReads.readFirst(target)) {
            return null;
        }
        return FeedCalls.start(() -> fetchSummaries(ids));
    }

    /**
     * The subjects a record page names with the latest seq of each, less those whose applied summary reflects that seq
     * already (a summary applied since these changes were committed, {@link ReflectedSummaries}).
     */
    private Map<String, Long> notYetReflected(String target, List<Change> changes) {
        Map<String, Long> seqBySubject = new LinkedHashMap<>();
        for (Change c : changes) {
            if (c.subjectId() != null && !c.subjectId().isBlank()) {
                seqBySubject.merge(c.subjectId(), c.seq(), Math::max);
            }
        }
        seqBySubject.entrySet().removeIf(e -> reflected.covers(target, e.getKey(), e.getValue()));
        return seqBySubject;
    }

    /**
     * A bulk request that may still be running.
     *
     * @param written the documents written or deleted, once it has landed
     * @param documents how many documents it writes
     */
    record PendingWrite(CompletableFuture<Integer> written, int documents) {

        static final PendingWrite DONE = new PendingWrite(CompletableFuture.completedFuture(0), 0);

        /** Waits for it; its failure is thrown as the synchronous write would have thrown it. */
        int await() throws IOException {
            try {
                return FeedCalls.join(written);
            } catch (java.io.UncheckedIOException e) {
                throw e.getCause();
            }
        }
    }

    private static boolean reflected(Stored stored, long changeSeq) {
        return stored != null && stored.doc().recordSeq() != null && stored.doc().recordSeq() >= changeSeq;
    }

    /** Summaries whose {@code validUntil} has passed: time alone changed them. */
    int refreshDue(String target, int max) throws IOException {
        List<String> due = index.summariesDue(target, clock.instant(), max);
        if (due.isEmpty()) {
            return 0;
        }
        Set<String> ids = new LinkedHashSet<>(due);
        Read read = readWithSummaries(target, ids);
        return build(target, ids, null, read.stored(), read.parts(), false, false).await();
    }

    /** The stored documents of some subjects and what of their summaries the documents keep. */
    private record Read(Map<String, Stored> stored, Map<String, Indexed> parts) {
    }

    /** Whether a subject change fetches the summary: the subject is new to the index, or an organisation not graded yet. */
    private static boolean needsSummary(SubjectDocument doc) {
        return doc == null || doc.grade() == null && !doc.naturalPerson();
    }

    private Map<String, Indexed> parts(Map<String, Summary> summaries) {
        Instant now = clock.instant();
        Map<String, Indexed> parts = new HashMap<>(summaries.size() * 2);
        summaries.forEach((id, s) -> parts.put(id, Indexed.of(s, now)));
        return parts;
    }

    /**
     * The live index: the stored documents first, then the summaries of the subjects that need one; when record-service
     * cannot answer, a summary that is due at once (empty, {@code validUntil} now) stands for each of them.
     */
    private Read readThenSummaries(String target, Set<String> ids) throws IOException {
        Map<String, Stored> stored = stored(target, ids);
        Set<String> wanted = new LinkedHashSet<>();
        for (String id : ids) {
            if (needsSummary(stored.containsKey(id) ? stored.get(id).doc() : null)) {
                wanted.add(id);
            }
        }
        if (wanted.isEmpty()) {
            return new Read(stored, Map.of());
        }
        try {
            return new Read(stored, parts(fetchSummaries(wanted)));
        } catch (RestClientException e) {
            log.warn("summaries of {} subjects not fetched ({}): indexed without them, fetched again by the refresh scan", wanted.size(),
                    e.getClass().getSimpleName());
            Map<String, Indexed> due = new HashMap<>();
            for (String id : wanted) {
                Stored s = stored.get(id);
                due.put(id, Indexed.of(s == null ? null : s.doc()).dueAt(clock.instant()));
            }
            return new Read(stored, due);
        }
    }

    /** The stored documents, and the summaries asked for ahead (after the page was read). */
    private Read readWithSummariesAhead(String target, Set<String> ids, CompletableFuture<Map<String, Summary>> ahead)
            throws IOException {
        Map<String, Summary> summaries = phases.time(Phase.SUMMARIES, () -> FeedCalls.join(ahead)); // only the wait, if any
        if (summaries == null || !summaries.keySet().containsAll(ids)) {
            return readWithSummaries(target, ids); // the call ahead failed: asked again, its failure reported as usual
        }
        return new Read(stored(target, ids), parts(summaries));
    }

    /** Reads both at once: record-service summarises the subjects while Elasticsearch reads their documents. */
    private Read readWithSummaries(String target, Set<String> ids) throws IOException {
        CompletableFuture<Map<String, Summary>> fetching = FeedCalls.start(() -> fetchSummaries(ids));
        Map<String, Stored> stored = stored(target, ids); // if this fails, the summaries are simply not used
        return new Read(stored, parts(FeedCalls.join(fetching)));
    }

    /**
     * New documents with these summaries; {@code recordSeq} moves up to {@code reflects} (null: unchanged).
     *
     * @param skipUnchanged whether a document whose content stays the same is left as it is, an earlier refresh time kept
     *        (record changes: most of them change only what the document does not keep, decision 0009)
     */
    private PendingWrite build(String target, Set<String> ids, Long reflects, Map<String, Stored> stored, Map<String, Indexed> parts,
            boolean async, boolean skipUnchanged) throws IOException {
        Map<String, SubjectDocument> next = new LinkedHashMap<>();
        for (String id : ids) {
            SubjectDocument doc = stored.containsKey(id) ? stored.get(id).doc() : null;
            Indexed fetched = parts.getOrDefault(id, Indexed.NONE);
            // after record changes an earlier refresh time already stored is kept (decision 0009): see refreshNoLaterThan
            Indexed part = skipUnchanged && doc != null ? fetched.refreshNoLaterThan(doc.summaryValidUntil()) : fetched;
            PublicDocuments.Identity identity = PublicDocuments.identityOf(doc);
            String kind = doc != null && doc.kind() != null ? doc.kind() : part.kind();
            if (PublicDocuments.needsPersonIdentity(kind, identity, part)) {
                identity = feeds.subject(id).map(PublicDocuments::identity).orElse(null);
            }
            Long recordSeq = doc != null && doc.recordSeq() != null
                    ? (reflects != null ? Long.valueOf(Math.max(doc.recordSeq(), reflects)) : doc.recordSeq())
                    : reflects;
            next.put(id, PublicDocuments.build(id, kind, identity, part, doc != null ? doc.subjectSeq() : null, recordSeq, clock.instant()));
        }
        if (!async) {
            return new PendingWrite(CompletableFuture.completedFuture(write(target, next, stored, skipUnchanged)), next.size());
        }
        return new PendingWrite(FeedCalls.start(() -> {
            try {
                return write(target, next, stored, skipUnchanged);
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        }), next.size());
    }

    private Map<String, Stored> stored(String target, Set<String> ids) throws IOException {
        return phases.time(Phase.STORED, () -> index.get(target, ids));
    }

    /** All summaries of the page in one call per 1,000 subjects (record-service computes them with one query). */
    private Map<String, Summary> fetchSummaries(Set<String> ids) {
        return phases.time(Phase.SUMMARIES, () -> {
            if (ids.size() == 1) {
                String id = ids.iterator().next();
                return Map.of(id, feeds.summary(id));
            }
            return feeds.summaries(ids);
        });
    }

    /**
     * One bulk request of the documents that changed; with {@code skipUnchanged}, a document whose content is the same as the
     * stored one ({@link SubjectDocument#sameContentAs}) is not written (its {@code recordSeq} then stays behind, which only
     * makes a replay fetch its summary again).
     */
    private int write(String target, Map<String, SubjectDocument> next, Map<String, Stored> stored, boolean skipUnchanged)
            throws IOException {
        List<Write> writes = new ArrayList<>(next.size());
        int unchanged = 0;
        for (Map.Entry<String, SubjectDocument> e : next.entrySet()) {
            Stored prev = stored.get(e.getKey());
            SubjectDocument doc = e.getValue();
            if (skipUnchanged && prev != null && doc != null && doc.sameContentAs(prev.doc())) {
                unchanged++;
            } else if (doc != null || prev != null) {
                writes.add(new Write(e.getKey(), doc, prev));
            }
        }
        if (skipUnchanged) {
            phases.documents(writes.size(), unchanged);
        }
        if (writes.isEmpty()) {
            return 0;
        }
        phases.time(Phase.BULK, () -> {
            index.write(target, writes);
            return null;
        });
        return writes.size();
    }

    private static boolean isSubject(Change c) {
        return c.entityType() == null || "SUBJECT".equalsIgnoreCase(c.entityType());
    }

    private static String subjectIdOf(Change c) {
        return c.subject() != null && c.subject().id() != null ? c.subject().id() : c.entityId();
    }

    private static boolean deleted(Change c) {
        if (c.subject() == null) {
            return true;
        }
        String kind = c.kind() == null ? "" : c.kind().toUpperCase(Locale.ROOT);
        return kind.startsWith("DELETE") || kind.equals("REMOVED") || kind.equals("WITHDRAWN");
    }
}
