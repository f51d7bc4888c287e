package org.publiccredit.search.query;

import co.elastic.clients.elasticsearch._types.SortOrder;
import co.elastic.clients.elasticsearch._types.aggregations.Aggregation;
import co.elastic.clients.elasticsearch._types.query_dsl.Operator;
import co.elastic.clients.elasticsearch._types.query_dsl.Query;
import co.elastic.clients.elasticsearch.core.SearchRequest;
import co.elastic.clients.elasticsearch.core.search.HighlighterEncoder;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Builds the Elasticsearch requests of the public lookup with the client's typed builders. Ranking is a
 * {@code dis_max} of constant-score clauses, so the best kind of match decides: an exact code (10,000), an exact
 * name (5,000), an exact former name (2,000), a code prefix (1,000), then bigram relevance of the name and former
 * names (BM25, far below). Every search is filtered to public documents.
 */
public final class SubjectQueries {

    static final float EXACT_CODE = 10_000f;
    static final float EXACT_NAME = 5_000f;
    static final float EXACT_FORMER_NAME = 2_000f;
    static final float CODE_PREFIX = 1_000f;
    static final float FORMER_NAME_MATCH = 0.5f;

    /** Facet name → indexed field. */
    static final Map<String, String> FACETS = Map.of("region", "region", "type", "type", "list", "lists", "category", "categories");
    private static final Map<String, Integer> FACET_SIZES = Map.of("region", 30, "type", 10, "list", 2, "category", 30);

    /** What a result item shows ({@link Views#item}): the entry lists and bookkeeping stay in Elasticsearch. */
    static final List<String> ITEM_FIELDS = List.of("subjectId", "kind", "public", "code", "masked", "name", "formerNames",
            "type", "region", "status", "lists", "counts", "disputed");

    private SubjectQueries() {
    }

    /** The complete search request for the alias. */
    public static SearchRequest search(String alias, SearchCriteria c) {
        return SearchRequest.of(s -> {
            s.index(alias)
                    .query(query(c))
                    .from(c.page() * c.size())
                    .size(c.size())
                    .trackTotalHits(t -> t.enabled(true))
                    .sort(so -> so.score(sc -> sc.order(SortOrder.Desc)))
                    .sort(so -> so.field(f -> f.field("subjectId").order(SortOrder.Asc)))
                    .source(src -> src.filter(f -> f.includes(ITEM_FIELDS)));
            if (c.text() != null) {
                s.highlight(h -> h.encoder(HighlighterEncoder.Html).preTags("<em>").postTags("</em>")
                        .fields("name", f -> f.numberOfFragments(0))
                        .fields("formerNames", f -> f.numberOfFragments(0)));
            }
            FACETS.forEach((name, field) -> s.aggregations(name,
                    Aggregation.of(a -> a.terms(t -> t.field(field).size(FACET_SIZES.get(name))))));
            return s;
        });
    }

    /** The query: public documents, the filters, and (when there is text) the ranked match. */
    public static Query query(SearchCriteria c) {
        List<Query> filters = new ArrayList<>();
        filters.add(Query.of(q -> q.term(t -> t.field("public").value(true))));
        if (c.region() != null) {
            filters.add(c.region().length() == 6
                    ? Query.of(q -> q.term(t -> t.field("region").value(c.region())))
                    : Query.of(q -> q.prefix(p -> p.field("region").value(c.region()))));
        }
        if (c.type() != null) {
            filters.add(Query.of(q -> q.term(t -> t.field("type").value(c.type()))));
        }
        if (c.list() != null) {
            filters.add(Query.of(q -> q.term(t -> t.field("lists").value(c.list()))));
        }
        if (c.category() != null) {
            filters.add(Query.of(q -> q.term(t -> t.field("categories").value(c.category()))));
        }
        if (c.text() == null) {
            return Query.of(q -> q.bool(b -> b.filter(filters)));
        }
        Query ranked = ranked(c);
        return Query.of(q -> q.bool(b -> b.must(ranked).filter(filters)));
    }

    /** The ranked match of the text, a dis_max of boosted clauses. */
    static Query ranked(SearchCriteria c) {
        String lower = c.text().toLowerCase(Locale.ROOT);
        List<Query> clauses = new ArrayList<>();
        if (c.code() != null) {
            String code = c.code().toLowerCase(Locale.ROOT);
            if (code.length() == 18) {
                clauses.add(constant(Query.of(q -> q.term(t -> t.field("code").value(code))), EXACT_CODE));
            }
            clauses.add(constant(Query.of(q -> q.prefix(p -> p.field("code").value(code))), CODE_PREFIX));
        }
        clauses.add(constant(Query.of(q -> q.term(t -> t.field("name.keyword").value(lower))), EXACT_NAME));
        clauses.add(constant(Query.of(q -> q.term(t -> t.field("formerNames.keyword").value(lower))), EXACT_FORMER_NAME));
        clauses.add(Query.of(q -> q.match(m -> m.field("name").query(c.text()).operator(Operator.And))));
        clauses.add(Query.of(q -> q.match(m -> m.field("formerNames").query(c.text()).operator(Operator.And).boost(FORMER_NAME_MATCH))));
        return Query.of(q -> q.disMax(d -> d.queries(clauses).tieBreaker(0.0)));
    }

    private static Query constant(Query filter, float boost) {
        return Query.of(q -> q.constantScore(cs -> cs.filter(filter).boost(boost)));
    }

    /**
     * The code's highlight, made here: Elasticsearch would show the lower-cased keyword of the normalizer.
     * Null when the code did not match the text.
     */
    static String codeHighlight(String code, SearchCriteria c) {
        if (code == null || c.code() == null || !code.startsWith(c.code())) {
            return null;
        }
        return "<em>" + c.code() + "</em>" + code.substring(c.code().length());
    }

    /** A public profile by USCC or, for a natural person, by subject id. */
    public static Query profile(String code, String subjectId) {
        Query key = code != null
                ? Query.of(q -> q.term(t -> t.field("code").value(code.toLowerCase(Locale.ROOT))))
                : Query.of(q -> q.term(t -> t.field("subjectId").value(subjectId)));
        return Query.of(q -> q.bool(b -> b.filter(key).filter(f -> f.term(t -> t.field("public").value(true)))));
    }
}
