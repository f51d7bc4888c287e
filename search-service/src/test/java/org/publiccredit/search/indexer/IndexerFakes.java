package org.publiccredit.search.indexer;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import org.publiccredit.search.config.SearchProperties;
import org.publiccredit.search.feed.Change;
import org.publiccredit.search.feed.ChangePage;
import org.publiccredit.search.feed.Feed;
import org.publiccredit.search.feed.FeedClient;
import org.publiccredit.search.feed.SubjectPayload;
import org.publiccredit.search.feed.Summary;
import org.publiccredit.search.index.Cursor;
import org.publiccredit.search.index.MetaStore;
import org.publiccredit.search.index.RebuildJob;
import org.publiccredit.search.index.SubjectIndex;
import org.springframework.web.client.ResourceAccessException;
import org.springframework.web.client.RestClient;

/**
 * Stand-ins for what the indexer talks to (the feeds, the meta index, the subject indices, the applier), each writing
 * what happens to it into one shared {@link #events} log, so that a test can say in which order things happened: a
 * page applied, its write landed, the cursor saved. No server, no Spring.
 */
final class IndexerFakes {

    static final Instant T0 = Instant.parse("2026-11-23T08:00:00Z");
    static final SearchProperties PROPERTIES = new SearchProperties(null, null, 0, null, null, "subjects", null, 0, null, null, null, 2, 2,
            null, null);

    /** What happened, in order (feed reads are left out: pages fetched ahead are read on threads of their own). */
    final List<String> events = Collections.synchronizedList(new ArrayList<>());
    final TestClock clock = new TestClock();
    final SimpleMeterRegistry registry = new SimpleMeterRegistry();
    final IndexerPhases phases = new IndexerPhases(registry);
    final Feeds feeds = new Feeds();
    final Meta meta = new Meta();
    final Index index = new Index();
    final Applier applier = new Applier();

    FeedFollower follower() {
        return new FeedFollower(applier, index, meta, feeds, clock, phases, registry);
    }

    IndexVersions versions() {
        return new IndexVersions(index, meta, feeds, clock);
    }

    /** Events that start with this text. */
    List<String> events(String prefix) {
        synchronized (events) {
            return events.stream().filter(e -> e.startsWith(prefix)).toList();
        }
    }

    /** Where an event is in the log (fails the test when it is not there). */
    int at(String event) {
        int i = events.indexOf(event);
        if (i < 0) {
            throw new AssertionError("no event '" + event + "' in " + events);
        }
        return i;
    }

    static Change subjectChange(long seq, String id) {
        SubjectPayload s = new SubjectPayload(id, "USCC", "91450200MA5K00012P", null, "柳州示范机械有限公司", List.of(), List.of(), "ENTERPRISE",
                "450200", "ACTIVE", true, "C");
        return new Change(seq, "SUBJECT", id, "UPSERT", T0, s, null);
    }

    static Change recordChange(long seq, String subjectId) {
        return new Change(seq, "RECORD", "r" + seq, "UPSERT", T0, null, subjectId);
    }

    /** A clock that moves only when told. */
    static final class TestClock extends Clock {

        private volatile Instant now = T0;

        void advance(Duration d) {
            now = now.plus(d);
        }

        @Override
        public Instant instant() {
            return now;
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }
    }

    /** Both feeds as lists of changes; a page is the next {@code limit} changes after the cursor, with the feed's head. */
    final class Feeds extends FeedClient {

        final Map<Feed, List<Change>> changes = new EnumMap<>(Map.of(Feed.SUBJECT, new ArrayList<>(), Feed.RECORD, new ArrayList<>()));
        /** Every page asked for, as {@code feed after limit}, fetched ahead or not. */
        final List<String> reads = Collections.synchronizedList(new ArrayList<>());
        final Set<Feed> down = Collections.synchronizedSet(EnumSet.noneOf(Feed.class));

        Feeds() {
            super(RestClient.create(), PROPERTIES);
        }

        void add(Feed feed, Change... more) {
            synchronized (changes) {
                changes.get(feed).addAll(List.of(more));
            }
        }

        @Override
        public ChangePage changes(Feed feed, long after, int limit) {
            reads.add(feed.tag() + " " + after + " " + limit);
            if (down.contains(feed)) {
                throw new ResourceAccessException("I/O error on GET: Connection refused");
            }
            synchronized (changes) {
                List<Change> all = changes.get(feed);
                List<Change> newer = all.stream().filter(c -> c.seq() > after).toList();
                List<Change> page = newer.subList(0, Math.min(limit, newer.size()));
                long head = all.isEmpty() ? 0 : all.getLast().seq();
                return new ChangePage(page, page.isEmpty() ? after : page.getLast().seq(), newer.size() > page.size(), head);
            }
        }

        @Override
        public Summary summary(String subjectId) {
            return Summary.empty(subjectId);
        }

        @Override
        public Map<String, Summary> summaries(java.util.Collection<String> subjectIds) {
            Map<String, Summary> out = new HashMap<>();
            subjectIds.forEach(id -> out.put(id, Summary.empty(id)));
            return out;
        }

        @Override
        public Optional<SubjectPayload> subject(String subjectId) {
            return Optional.empty();
        }
    }

    /** The meta index: cursors by concrete index (versions counted, writes conditional on them) and rebuild jobs. */
    final class Meta extends MetaStore {

        final Map<String, VersionedCursor> cursors = new HashMap<>();
        final Map<String, RebuildJob> jobs = new HashMap<>();

        Meta() {
            super(null, PROPERTIES);
        }

        @Override
        public void ensureIndex() {
        }

        @Override
        public Optional<VersionedCursor> cursor(String subjectIndex) {
            return Optional.ofNullable(cursors.get(subjectIndex));
        }

        @Override
        public VersionedCursor saveCursor(Cursor cursor, VersionedCursor previous) {
            VersionedCursor stored = cursors.get(cursor.index());
            Long seen = previous != null ? previous.seqNo() : null;
            Long now = stored != null ? stored.seqNo() : null;
            if (!java.util.Objects.equals(seen, now)) {
                throw new AssertionError("cursor of " + cursor.index() + " written over a version not read: " + seen + " != " + now);
            }
            VersionedCursor saved = new VersionedCursor(cursor, now == null ? 1L : now + 1, 1L);
            cursors.put(cursor.index(), saved);
            events.add("cursor " + cursor.index() + " subject=" + cursor.subjectSeq() + " record=" + cursor.recordSeq());
            return saved;
        }

        @Override
        public void deleteCursor(String subjectIndex) {
            if (cursors.remove(subjectIndex) != null) {
                events.add("cursor deleted " + subjectIndex);
            }
        }

        @Override
        public void saveJob(RebuildJob job) {
            jobs.put(job.id(), job);
            events.add("job " + job.state() + (job.index() != null ? " " + job.index() : ""));
        }

        @Override
        public void saveProgress(RebuildJob job) {
            jobs.put(job.id(), job);
            events.add("job progress subject=" + job.subjectSeq() + " record=" + job.recordSeq());
        }

        @Override
        public Optional<RebuildJob> job(String id) {
            return Optional.ofNullable(jobs.get(id));
        }

        @Override
        public Optional<RebuildJob> activeJob() {
            return jobs.values().stream().filter(j -> j.state() == RebuildJob.State.PENDING || j.state() == RebuildJob.State.RUNNING)
                    .findFirst();
        }
    }

    /** The subject indices: which exist, which one the alias points to. */
    final class Index extends SubjectIndex {

        final List<String> indices = new ArrayList<>();
        String aliased;
        /** What {@link #shape} answers. */
        volatile Shape shape = new Shape(1, 0, 0, 0);
        private int created;

        Index() {
            super(null, PROPERTIES);
        }

        @Override
        public String newIndexName(Instant now) {
            // a name per index, even within the same millisecond of the test clock
            return super.newIndexName(now.plusMillis(created));
        }

        @Override
        public void create(String name) {
            created++;
            indices.add(name);
            events.add("create " + name);
        }

        @Override
        public void refreshInterval(String name, String interval) {
            events.add("refresh interval " + name + " " + interval);
        }

        @Override
        public boolean exists(String name) {
            return indices.contains(name);
        }

        @Override
        public void delete(String name) {
            indices.remove(name);
            events.add("delete " + name);
        }

        @Override
        public List<String> aliasTargets() {
            return aliased == null ? List.of() : List.of(aliased);
        }

        @Override
        public void swapAlias(String name, String previous) {
            aliased = name;
            events.add("alias " + name);
        }

        @Override
        public long count(String name) {
            return 42;
        }

        @Override
        public Shape shape(String name) {
            events.add("shape " + name);
            return shape;
        }

        @Override
        public void mergeIntoOne(String name) {
            events.add("merge " + name);
        }

        @Override
        public void refresh(String name) {
            events.add("refresh " + name);
        }
    }

    /**
     * Applies pages by writing what it was given into the log. A pipelined record write lands when it is awaited
     * ({@code landed …} in the log), with the documents {@link #documentsPerWrite} says, or fails if {@link #failWrites}.
     */
    final class Applier extends ChangeApplier {

        volatile int documentsPerWrite = 1;
        volatile boolean failWrites;
        /** The {@code summariesReflect} each subject page was applied with. */
        final List<Long> reflects = Collections.synchronizedList(new ArrayList<>());

        Applier() {
            super(null, null, Clock.systemUTC(), new IndexerPhases(new SimpleMeterRegistry()));
        }

        @Override
        int applySubjectChanges(String target, List<Change> changes, Long summariesReflect) {
            reflects.add(summariesReflect);
            events.add("apply subject " + seqs(changes) + " to " + target);
            return changes.size();
        }

        @Override
        int applyRecordChanges(String target, List<Change> changes, Long headSeq, boolean backlog) {
            events.add("apply record " + seqs(changes) + " to " + target);
            return changes.size();
        }

        @Override
        PendingWrite applyRecordChanges(String target, List<Change> changes, Long headSeq, boolean backlog,
                CompletableFuture<Map<String, Summary>> ahead, boolean async) {
            String what = "record " + seqs(changes);
            events.add("write " + what + " to " + target);
            boolean fail = failWrites;
            CompletableFuture<Integer> written = new CompletableFuture<>() {
                @Override
                public Integer join() {
                    if (!isDone()) {
                        events.add((fail ? "failed " : "landed ") + what);
                        if (fail) {
                            completeExceptionally(new UncheckedIOException(new IOException("bulk refused")));
                        } else {
                            complete(changes.size());
                        }
                    }
                    return super.join();
                }
            };
            return new PendingWrite(written, documentsPerWrite);
        }

        @Override
        CompletableFuture<Map<String, Summary>> summariesAhead(String target, List<Change> changes, boolean backlog) {
            return null;
        }

        @Override
        int refreshDue(String target, int max) {
            return 0;
        }

        private static String seqs(List<Change> changes) {
            return changes.stream().map(c -> String.valueOf(c.seq())).toList().toString();
        }
    }
}
