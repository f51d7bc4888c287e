package org.publiccredit.search.grades;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.aggregations.StringTermsBucket;
import co.elastic.clients.elasticsearch.core.SearchResponse;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.Map;
import org.publiccredit.search.config.SearchProperties;
import org.publiccredit.search.index.ElasticsearchGuard;
import org.publiccredit.search.index.Grade;
import org.springframework.stereotype.Component;

/** Counts the organisations of a filter by credit grade: one search of the read alias with a terms aggregation on {@code grade}. */
@Component
class GradeCounts {

    private final ElasticsearchClient client;
    private final ElasticsearchGuard guard;
    private final String alias;

    GradeCounts(ElasticsearchClient client, ElasticsearchGuard guard, SearchProperties properties) {
        this.client = client;
        this.guard = guard;
        this.alias = properties.alias();
    }

    /**
     * The organisations of a filter by grade.
     *
     * @param total every matching organisation
     * @param byGrade per grade A-D (0 where none)
     * @param none those without a grade (not evaluated yet): total minus the graded ones
     */
    record Counts(long total, Map<Grade, Long> byGrade, long none) {

        /** {@code A}-{@code D} and {@code none}, in that order. */
        Map<String, Long> asMap() {
            Map<String, Long> out = new LinkedHashMap<>();
            byGrade.forEach((g, n) -> out.put(g.name(), n));
            out.put(Grade.NONE, none);
            return out;
        }
    }

    Counts count(OrganisationFilter filter) {
        SearchResponse<Void> r = guard.read(() -> client.search(s -> s.index(alias).size(0).trackTotalHits(t -> t.enabled(true))
                .query(q -> q.bool(b -> b.filter(filter.queries())))
                .aggregations("grades", a -> a.terms(t -> t.field("grade").size(Grade.ALL.size() + 2))), Void.class));
        long total = r.hits().total() != null ? r.hits().total().value() : 0;
        Map<Grade, Long> byGrade = new EnumMap<>(Grade.class);
        Grade.ALL.forEach(g -> byGrade.put(g, 0L));
        var agg = r.aggregations().get("grades");
        if (agg != null && agg.isSterms()) {
            for (StringTermsBucket b : agg.sterms().buckets().array()) {
                Grade.parse(b.key().stringValue()).ifPresent(g -> byGrade.put(g, b.docCount()));
            }
        }
        long graded = byGrade.values().stream().mapToLong(Long::longValue).sum();
        return new Counts(total, byGrade, Math.max(0, total - graded));
    }
}
