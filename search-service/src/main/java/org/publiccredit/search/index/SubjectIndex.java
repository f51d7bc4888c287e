package org.publiccredit.search.index;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.ElasticsearchException;
import co.elastic.clients.elasticsearch.core.BulkResponse;
import co.elastic.clients.elasticsearch.core.MgetResponse;
import co.elastic.clients.elasticsearch.core.SearchResponse;
import co.elastic.clients.elasticsearch.core.bulk.BulkOperation;
import co.elastic.clients.elasticsearch.core.bulk.BulkResponseItem;
import co.elastic.clients.elasticsearch.core.mget.MultiGetResponseItem;
import co.elastic.clients.elasticsearch.core.search.Hit;
import co.elastic.clients.elasticsearch.indices.GetAliasResponse;
import co.elastic.clients.elasticsearch.indices.segments.Segment;
import co.elastic.clients.elasticsearch.indices.segments.ShardsSegment;
import java.io.IOException;
import java.io.InputStream;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.publiccredit.search.config.SearchProperties;
import org.springframework.stereotype.Component;

/**
 * The subject indices: {@code <alias>-v2-<timestamp>} concrete indices behind the read alias, created from
 * {@code elasticsearch/subjects-index.json}. Writes go to a concrete index and are conditional on the
 * document's {@code _seq_no}/{@code _primary_term} as read, so an indexer that lost its lease cannot overwrite
 * the work of the one that holds it.
 */
@Component
public class SubjectIndex {

    /** Bump with every change of subjects-index.json: a running indexer then rebuilds into a new index by itself. */
    public static final String MAPPING_VERSION = "v9";
    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMddHHmmssSSS").withZone(ZoneOffset.UTC);

    private final ElasticsearchClient client;
    private final SearchProperties properties;

    public SubjectIndex(ElasticsearchClient client, SearchProperties properties) {
        this.client = client;
        this.properties = properties;
    }

    /** The read alias. */
    public String alias() {
        return properties.alias();
    }

    /** A new concrete index name for the current mapping version. */
    public String newIndexName(Instant now) {
        return alias() + "-" + MAPPING_VERSION + "-" + STAMP.format(now);
    }

    /** Whether a concrete index was built with the current mapping. */
    public boolean currentMapping(String index) {
        return index.startsWith(alias() + "-" + MAPPING_VERSION + "-");
    }

    public void create(String index) throws IOException {
        try (InputStream mapping = SubjectIndex.class.getResourceAsStream("/elasticsearch/subjects-index.json")) {
            client.indices().create(c -> c.index(index).withJson(mapping));
        }
        if (properties.replicas() != 0) {
            client.indices().putSettings(p -> p.index(index).settings(s -> s.numberOfReplicas(String.valueOf(properties.replicas()))));
        }
    }

    /** The refresh interval of subjects-index.json (live indices). */
    public static final String REFRESH_INTERVAL = "1s";

    /** Sets an index's refresh interval ({@code -1}: none, while a rebuild fills it). */
    public void refreshInterval(String index, String interval) throws IOException {
        client.indices().putSettings(p -> p.index(index).settings(s -> s.refreshInterval(t -> t.time(interval))));
    }

    public boolean exists(String index) throws IOException {
        return client.indices().exists(e -> e.index(index)).value();
    }

    public void delete(String index) throws IOException {
        try {
            client.indices().delete(d -> d.index(index));
        } catch (ElasticsearchException e) {
            if (e.status() != 404) {
                throw e;
            }
        }
    }

    /**
     * The concrete subject indices the alias points to (only ours: a benchmark index attached for reads is not
     * a write target).
     */
    public List<String> aliasTargets() throws IOException {
        try {
            GetAliasResponse r = client.indices().getAlias(g -> g.name(alias()));
            return r.result().keySet().stream().filter(n -> n.startsWith(alias() + "-v")).sorted().toList();
        } catch (ElasticsearchException e) {
            if (e.status() == 404) {
                return List.of();
            }
            throw e;
        }
    }

    /** Atomically points the alias at {@code index} and away from {@code previous} (if any). */
    public void swapAlias(String index, String previous) throws IOException {
        client.indices().updateAliases(u -> {
            u.actions(a -> a.add(add -> add.index(index).alias(alias())));
            if (previous != null && !previous.equals(index)) {
                u.actions(a -> a.remove(rm -> rm.index(previous).alias(alias())));
            }
            return u;
        });
    }

    /** A stored document with the version it was read at. */
    public record Stored(SubjectDocument doc, long seqNo, long primaryTerm) {
    }

    public Map<String, Stored> get(String index, Collection<String> ids) throws IOException {
        if (ids.isEmpty()) {
            return Map.of();
        }
        MgetResponse<SubjectDocument> r = client.mget(m -> m.index(index).ids(List.copyOf(ids)), SubjectDocument.class);
        Map<String, Stored> found = new HashMap<>();
        for (MultiGetResponseItem<SubjectDocument> item : r.docs()) {
            if (item.isFailure()) {
                throw new IllegalStateException("mget failed: " + item.failure().error().reason());
            }
            var g = item.result();
            if (g.found() && g.source() != null) {
                found.put(g.id(), new Stored(g.source(), g.seqNo(), g.primaryTerm()));
            }
        }
        return found;
    }

    /** A write of one subject's document: {@code doc == null} deletes it. */
    public record Write(String id, SubjectDocument doc, Stored previous) {
    }

    /** Thrown when a document changed since it was read (another writer); the batch is applied again. */
    public static final class ConflictException extends RuntimeException {
        ConflictException(String detail) {
            super(detail, null, false, false);
        }
    }

    public void write(String index, List<Write> writes) throws IOException {
        List<BulkOperation> ops = new ArrayList<>(writes.size());
        for (Write w : writes) {
            Stored prev = w.previous();
            if (w.doc() == null) {
                if (prev != null) {
                    ops.add(BulkOperation.of(o -> o.delete(d -> d.id(w.id()).ifSeqNo(prev.seqNo()).ifPrimaryTerm(prev.primaryTerm()))));
                }
            } else if (prev == null) {
                ops.add(BulkOperation.of(o -> o.create(c -> c.id(w.id()).document(w.doc()))));
            } else {
                ops.add(BulkOperation.of(o -> o.index(i -> i.id(w.id()).document(w.doc())
                        .ifSeqNo(prev.seqNo()).ifPrimaryTerm(prev.primaryTerm()))));
            }
        }
        if (ops.isEmpty()) {
            return;
        }
        BulkResponse r = client.bulk(b -> b.index(index).operations(ops));
        if (r.errors()) {
            for (BulkResponseItem item : r.items()) {
                if (item.error() != null) {
                    if (item.status() == 409) {
                        throw new ConflictException("document " + item.id() + " changed while it was being indexed");
                    }
                    throw new IllegalStateException("bulk item " + item.id() + " failed: " + item.error().type() + " " + item.error().reason());
                }
            }
        }
    }

    /** Ids of documents whose summary must be fetched again because its {@code validUntil} has passed. */
    public List<String> summariesDue(String index, Instant now, int max) throws IOException {
        SearchResponse<Void> r = client.search(s -> s.index(index).size(max).source(src -> src.fetch(false))
                .query(q -> q.range(rg -> rg.date(d -> d.field("summaryValidUntil").lte(now.toString()))))
                .sort(so -> so.field(f -> f.field("summaryValidUntil"))), Void.class);
        return r.hits().hits().stream().map(Hit::id).toList();
    }

    public long count(String index) throws IOException {
        return client.count(c -> c.index(index)).count();
    }

    /**
     * How an index's documents lie in its segments (primary shards, searchable segments; deleted documents count, they
     * are still read past): how many segments, all documents, those in the largest segment of each shard, and the
     * merges running now.
     */
    public record Shape(int segments, long documents, long inLargest, long merging) {

        /** The share of the documents outside the largest segment of their shard. */
        public double outsideLargest() {
            return documents == 0 ? 0 : 1 - (double) inLargest / documents;
        }
    }

    public Shape shape(String index) throws IOException {
        int segments = 0;
        long documents = 0;
        long inLargest = 0;
        for (List<ShardsSegment> copies : client.indices().segments(s -> s.index(index)).indices().get(index).shards().values()) {
            for (ShardsSegment copy : copies) {
                if (!copy.routing().primary()) {
                    continue;
                }
                long largest = 0;
                for (Segment segment : copy.segments().values()) {
                    if (segment.search()) {
                        long n = segment.numDocs() + segment.deletedDocs();
                        segments++;
                        documents += n;
                        largest = Math.max(largest, n);
                    }
                }
                inLargest += largest;
            }
        }
        long merging = client.indices().stats(s -> s.index(index).metric("merge")).indices().get(index).primaries().merges().current();
        return new Shape(segments, documents, inLargest, merging);
    }

    /** Asks Elasticsearch to merge an index into one segment per shard; the merge runs on after this returns. */
    public void mergeIntoOne(String index) throws IOException {
        client.indices().forcemerge(f -> f.index(index).maxNumSegments(1L).waitForCompletion(false));
    }

    /** Makes what was written so far searchable: when a rebuilt index takes over, and after live writes at the feeds' head. */
    public void refresh(String index) throws IOException {
        client.indices().refresh(r -> r.index(index));
    }
}
