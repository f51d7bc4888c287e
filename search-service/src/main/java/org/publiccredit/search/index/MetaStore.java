package org.publiccredit.search.index;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.ElasticsearchException;
import co.elastic.clients.elasticsearch._types.FieldValue;
import co.elastic.clients.elasticsearch._types.Refresh;
import co.elastic.clients.elasticsearch._types.SortOrder;
import co.elastic.clients.elasticsearch.core.GetResponse;
import co.elastic.clients.elasticsearch.core.IndexResponse;
import co.elastic.clients.elasticsearch.core.SearchResponse;
import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.Optional;
import org.publiccredit.search.config.SearchProperties;
import org.springframework.stereotype.Component;

/**
 * The small meta index next to the subject indices: the indexer's cursors (one document per concrete subject
 * index, so a lost index also loses its cursor and is rebuilt from 0) and the rebuild jobs.
 */
@Component
public class MetaStore {

    private final ElasticsearchClient client;
    private final String index;

    public MetaStore(ElasticsearchClient client, SearchProperties properties) {
        this.client = client;
        this.index = properties.metaIndex();
    }

    public void ensureIndex() throws IOException {
        if (!client.indices().exists(e -> e.index(index)).value()) {
            try (InputStream mapping = MetaStore.class.getResourceAsStream("/elasticsearch/meta-index.json")) {
                client.indices().create(c -> c.index(index).withJson(mapping));
            } catch (ElasticsearchException e) {
                if (!"resource_already_exists_exception".equals(e.error().type())) {
                    throw e;
                }
            }
        }
    }

    /** A cursor with the version it was read or written at (the next write is conditional on it). */
    public record VersionedCursor(Cursor cursor, Long seqNo, Long primaryTerm) {
    }

    public Optional<VersionedCursor> cursor(String subjectIndex) throws IOException {
        GetResponse<Cursor> r = client.get(g -> g.index(index).id(cursorId(subjectIndex)), Cursor.class);
        return r.found() && r.source() != null
                ? Optional.of(new VersionedCursor(r.source(), r.seqNo(), r.primaryTerm()))
                : Optional.empty();
    }

    /**
     * Saves a cursor, conditional on the version last seen ({@code previous} null: it must not exist yet).
     *
     * @throws SubjectIndex.ConflictException when someone else wrote it meanwhile (the lease was lost)
     */
    public VersionedCursor saveCursor(Cursor cursor, VersionedCursor previous) throws IOException {
        try {
            IndexResponse r = client.index(i -> {
                i.index(index).id(cursorId(cursor.index())).document(cursor);
                if (previous == null || previous.seqNo() == null) {
                    i.opType(co.elastic.clients.elasticsearch._types.OpType.Create);
                } else {
                    i.ifSeqNo(previous.seqNo()).ifPrimaryTerm(previous.primaryTerm());
                }
                return i;
            });
            return new VersionedCursor(cursor, r.seqNo(), r.primaryTerm());
        } catch (ElasticsearchException e) {
            if (e.status() == 409) {
                throw new SubjectIndex.ConflictException("the cursor of " + cursor.index() + " was written by another indexer");
            }
            throw e;
        }
    }

    public void deleteCursor(String subjectIndex) throws IOException {
        try {
            client.delete(d -> d.index(index).id(cursorId(subjectIndex)));
        } catch (ElasticsearchException e) {
            if (e.status() != 404) {
                throw e;
            }
        }
    }

    /** A job whose state changed: visible to {@link #activeJob()} (a search) when this returns. */
    public void saveJob(RebuildJob job) throws IOException {
        client.index(i -> i.index(index).id(jobId(job.id())).document(job).refresh(Refresh.WaitFor));
    }

    /**
     * A running job's progress (sequences and heads reached): read by id, which is real-time, so it does not wait for
     * a refresh (that waited up to a second per save, about once a second, stalling a rebuild).
     */
    public void saveProgress(RebuildJob job) throws IOException {
        client.index(i -> i.index(index).id(jobId(job.id())).document(job));
    }

    public Optional<RebuildJob> job(String id) throws IOException {
        GetResponse<RebuildJob> r = client.get(g -> g.index(index).id(jobId(id)), RebuildJob.class);
        return r.found() ? Optional.ofNullable(r.source()) : Optional.empty();
    }

    /** The oldest rebuild that is pending or running, if any. */
    public Optional<RebuildJob> activeJob() throws IOException {
        SearchResponse<RebuildJob> r = client.search(s -> s.index(index).size(1)
                .query(q -> q.bool(b -> b
                        .filter(f -> f.term(t -> t.field("docType").value(RebuildJob.DOC_TYPE)))
                        .filter(f -> f.terms(t -> t.field("state").terms(v -> v.value(List.of(
                                FieldValue.of(RebuildJob.State.PENDING.name()), FieldValue.of(RebuildJob.State.RUNNING.name()))))))))
                .sort(so -> so.field(f -> f.field("requestedAt").order(SortOrder.Asc))), RebuildJob.class);
        return r.hits().hits().stream().map(h -> h.source()).findFirst();
    }

    private static String cursorId(String subjectIndex) {
        return "cursor:" + subjectIndex;
    }

    private static String jobId(String id) {
        return "rebuild:" + id;
    }
}
