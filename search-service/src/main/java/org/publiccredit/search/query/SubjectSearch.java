package org.publiccredit.search.query;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.aggregations.Aggregate;
import co.elastic.clients.elasticsearch._types.query_dsl.Query;
import co.elastic.clients.elasticsearch.core.SearchResponse;
import co.elastic.clients.elasticsearch.core.search.Hit;
import co.elastic.clients.elasticsearch.core.search.TotalHitsRelation;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.publiccredit.search.config.SearchProperties;
import org.publiccredit.search.index.ElasticsearchGuard;
import org.publiccredit.search.index.SubjectDocument;
import org.springframework.stereotype.Service;

/** The public lookup on the read alias: searches and profiles, each one guarded Elasticsearch call. */
@Service
class SubjectSearch {

    private final ElasticsearchClient client;
    private final ElasticsearchGuard guard;
    private final String alias;
    private final Clock clock;

    SubjectSearch(ElasticsearchClient client, ElasticsearchGuard guard, SearchProperties properties, Clock clock) {
        this.client = client;
        this.guard = guard;
        this.alias = properties.alias();
        this.clock = clock;
    }

    Views.SearchPage search(SearchCriteria c) {
        SearchResponse<SubjectDocument> r = guard.read(() -> client.search(SubjectQueries.search(alias, c), SubjectDocument.class));
        List<Views.SearchItem> items = r.hits().hits().stream()
                .filter(h -> h.source() != null)
                .map(h -> Views.item(h.source(), highlight(h, c)))
                .toList();
        Map<String, List<Views.FacetValue>> facets = new LinkedHashMap<>();
        for (String name : List.of("region", "type", "list", "category")) {
            Aggregate a = r.aggregations().get(name);
            facets.put(name, a == null || !a.isSterms() ? List.of()
                    : a.sterms().buckets().array().stream().map(b -> new Views.FacetValue(b.key().stringValue(), b.docCount())).toList());
        }
        var total = r.hits().total();
        return new Views.SearchPage(c.text(), c.page(), c.size(), total != null ? total.value() : items.size(),
                total != null && total.relation() == TotalHitsRelation.Gte ? "gte" : "eq", items, facets);
    }

    private static Map<String, List<String>> highlight(Hit<SubjectDocument> h, SearchCriteria c) {
        Map<String, List<String>> out = new LinkedHashMap<>(h.highlight());
        String code = SubjectQueries.codeHighlight(h.source().code(), c);
        if (code != null) {
            out.put("code", List.of(code));
        }
        return out;
    }

    /** A public profile by USCC or (natural persons) subject id; empty when unknown or not public, alike. */
    Optional<SubjectDocument> find(String code, String subjectId) {
        Query q = SubjectQueries.profile(code, subjectId);
        SearchResponse<SubjectDocument> r = guard.read(() -> client.search(s -> s.index(alias).query(q).size(1), SubjectDocument.class));
        return r.hits().hits().stream().map(Hit::source).filter(d -> d != null && d.visible()).findFirst();
    }

    Clock clock() {
        return clock;
    }
}
