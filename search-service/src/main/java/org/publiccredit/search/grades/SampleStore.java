package org.publiccredit.search.grades;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.ElasticsearchException;
import co.elastic.clients.elasticsearch._types.OpType;
import co.elastic.clients.elasticsearch._types.Refresh;
import co.elastic.clients.elasticsearch._types.SortOrder;
import co.elastic.clients.elasticsearch._types.query_dsl.Query;
import co.elastic.clients.elasticsearch.core.GetResponse;
import co.elastic.clients.elasticsearch.core.SearchResponse;
import co.elastic.clients.elasticsearch.core.search.Hit;
import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.publiccredit.search.config.SearchProperties;
import org.publiccredit.search.config.SupervisionProperties;
import org.publiccredit.search.index.ElasticsearchGuard;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * The samples, kept in an Elasticsearch index of their own ({@code credit-supervision-samples}, created at start and
 * whenever a write finds it missing): search-service has no other store (docs/decisions/0008-supervision-samples.md).
 * A sample is written once (create, never updated) and is visible to reads when the write returns.
 */
@Component
class SampleStore {

    private static final Logger log = LoggerFactory.getLogger(SampleStore.class);

    private final ElasticsearchClient client;
    private final ElasticsearchGuard guard;
    private final String index;
    private final int replicas;
    private volatile boolean ready;

    SampleStore(ElasticsearchClient client, ElasticsearchGuard guard, SupervisionProperties properties, SearchProperties search) {
        this.client = client;
        this.guard = guard;
        this.index = properties.index();
        this.replicas = search.replicas();
    }

    @EventListener(ApplicationReadyEvent.class)
    void createAtStart() {
        try {
            ensureIndex();
        } catch (IOException | RuntimeException e) {
            log.warn("the samples index {} could not be checked at start ({}); it is made with the first sample", index,
                    e.getClass().getSimpleName());
        }
    }

    private void ensureIndex() throws IOException {
        if (ready) {
            return;
        }
        if (!client.indices().exists(e -> e.index(index)).value()) {
            try (InputStream mapping = SampleStore.class.getResourceAsStream("/elasticsearch/samples-index.json")) {
                client.indices().create(c -> c.index(index).withJson(mapping));
                if (replicas != 0) {
                    client.indices().putSettings(p -> p.index(index).settings(x -> x.numberOfReplicas(String.valueOf(replicas))));
                }
                log.info("created the samples index {}", index);
            } catch (ElasticsearchException e) {
                if (e.error() == null || !"resource_already_exists_exception".equals(e.error().type())) {
                    throw e;
                }
            }
        }
        ready = true;
    }

    /** Stores a new sample; it can be read and listed when this returns. */
    void save(Sample sample) {
        guard.read(() -> {
            ensureIndex();
            // refresh=true, not wait_for: the next scheduled refresh was up to a second of every draw; the index is small
            return client.index(i -> i.index(index).id(sample.id()).opType(OpType.Create).document(sample).refresh(Refresh.True));
        });
    }

    Optional<Sample> find(String id) {
        return guard.read(() -> {
            try {
                GetResponse<Sample> r = client.get(g -> g.index(index).id(id), Sample.class);
                return r.found() ? Optional.ofNullable(r.source()) : Optional.<Sample>empty();
            } catch (ElasticsearchException e) {
                if (e.status() == 404) {
                    return Optional.<Sample>empty(); // no sample yet: no index yet
                }
                throw e;
            }
        });
    }

    /**
     * A page of samples, newest first, without their subjects.
     *
     * @param total all samples of the department (or all)
     * @param items this page's
     */
    record Page(long total, List<Sample> items) {
    }

    /** @param department only this department's; null: every sample */
    Page page(String department, int page, int size) {
        Query q = department == null ? Query.of(x -> x.matchAll(m -> m)) : Query.of(x -> x.term(t -> t.field("department").value(department)));
        return guard.read(() -> {
            try {
                SearchResponse<Sample> r = client.search(s -> s.index(index).query(q).from(page * size).size(size)
                        .trackTotalHits(t -> t.enabled(true)).source(src -> src.filter(f -> f.excludes("subjects")))
                        .sort(so -> so.field(f -> f.field("createdAt").order(SortOrder.Desc)))
                        .sort(so -> so.field(f -> f.field("id").order(SortOrder.Desc))), Sample.class);
                long total = r.hits().total() != null ? r.hits().total().value() : 0;
                return new Page(total, r.hits().hits().stream().map(Hit::source).filter(Objects::nonNull).toList());
            } catch (ElasticsearchException e) {
                if (e.status() == 404) {
                    return new Page(0, List.of());
                }
                throw e;
            }
        });
    }
}
