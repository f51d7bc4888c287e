package org.publiccredit.search.query;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.query_dsl.Query;
import co.elastic.clients.elasticsearch.core.SearchRequest;
import co.elastic.clients.elasticsearch.core.SearchResponse;
import co.elastic.clients.elasticsearch.core.search.Hit;
import co.elastic.clients.json.JsonpMapper;
import co.elastic.clients.json.JsonpUtils;
import co.elastic.clients.transport.rest_client.RestClientOptions;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.io.InputStream;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.publiccredit.search.config.SearchProperties;
import org.publiccredit.search.feed.Summary;
import org.publiccredit.search.feed.SummaryReads;
import org.publiccredit.search.index.ElasticsearchGuard;
import org.publiccredit.search.index.SubjectDocument;
import org.publiccredit.search.names.Highlight;
import org.publiccredit.search.names.NameQuery;
import org.publiccredit.search.names.NameText;
import org.apache.http.client.config.RequestConfig;
import org.elasticsearch.client.Request;
import org.elasticsearch.client.RequestOptions;
import org.elasticsearch.client.ResponseException;
import org.elasticsearch.client.RestClient;
import org.springframework.stereotype.Service;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.ObjectReader;
import tools.jackson.databind.json.JsonMapper;

/** The public lookup on the read alias: searches and profiles, each one guarded Elasticsearch call. */
@Service
class SubjectSearch {

    /**
     * What a search page is made of, and all Elasticsearch sends back of a search: the client's typed answer carries
     * shard statistics, scores, sort values and index names per hit, parsed into builders on every search (0.45 ms
     * per search more than the low-level client, measured).
     */
    static final String SEARCH_ANSWER = "hits.total,hits.hits._source,aggregations.*.buckets.key,"
            + "aggregations.*.buckets.doc_count";

    private final ElasticsearchClient client;
    private final RestClient restClient;
    private final RequestOptions readOptions;
    private final JsonpMapper mapper;
    private final JsonMapper json;
    private final ObjectReader answers;
    private final ObjectReader suggestAnswers;
    private final ElasticsearchGuard guard;
    private final String alias;
    private final Clock clock;
    private final SummaryReads summaries;

    SubjectSearch(ElasticsearchClient client, RestClient restClient, ElasticsearchGuard guard, SearchProperties properties, Clock clock,
            SummaryReads summaries) {
        RequestConfig reads = readConfig(properties);
        RestClientOptions.Builder typed = ((RestClientOptions) client._transportOptions()).toBuilder();
        typed.restClientRequestOptionsBuilder().setRequestConfig(reads);
        this.client = client.withTransportOptions(typed.build());
        this.restClient = restClient;
        // not the typed client's options: they carry its compatibility headers, which clash with a plain JSON body
        this.readOptions = RequestOptions.DEFAULT.toBuilder().setRequestConfig(reads).build();
        this.mapper = client._jsonpMapper();
        this.json = JsonMapper.builder().disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES).build();
        this.answers = json.readerFor(Answer.class);
        this.suggestAnswers = json.readerFor(SuggestAnswer.class);
        this.guard = guard;
        this.alias = properties.alias();
        this.clock = clock;
        this.summaries = summaries;
    }

    /**
     * The search, built with the client's typed builders (SubjectQueries) and sent with its low-level REST client,
     * asking only for {@link #SEARCH_ANSWER}; with {@code counts}, the hits' record counts from record-service's summaries
     * (decision 0009).
     */
    Views.SearchPage search(SearchCriteria c, boolean counts) {
        Views.SearchPage strict = search(c, false, counts);
        if (c.text() != null && strict.total() < SubjectQueries.TOLERANT_BELOW && SubjectQueries.toleranceDiffers(c)) {
            return search(c, true, counts);
        }
        return strict;
    }

    /**
     * One guarded read of the alias with the low-level client, asking only for {@code filterPath}. A refusal of
     * Elasticsearch (4xx other than 429) is a bug of ours, not an outage: it must not open the breaker, so the
     * ResponseException (an IOException, which the breaker counts) is not kept as the cause. A suggestion on an alias still
     * on an index of an older mapping (during its rebuild, no {@code names.suggest} yet) is answered as none.
     */
    private <T> T read(String filterPath, String body, ObjectReader reader, String what, boolean suggestion) {
        Request http = new Request("POST", "/" + alias + "/_search");
        http.addParameter("filter_path", filterPath);
        http.setJsonEntity(body);
        http.setOptions(readOptions);
        return guard.read(() -> {
            try (InputStream in = restClient.performRequest(http).getEntity().getContent()) {
                return reader.<T>readValue(in);
            } catch (ResponseException e) {
                int status = e.getResponse().getStatusLine().getStatusCode();
                if (status >= 500 || status == 429) {
                    throw e;
                }
                if (suggestion && status == 400 && String.valueOf(e.getMessage()).contains("names.suggest")) {
                    return reader.<T>readValue("{}");
                }
                throw new IllegalStateException("Elasticsearch refused the " + what + " (" + status + "): " + e.getMessage());
            }
        });
    }

    /** One search, strict (every bigram of the text) or tolerant (most of them): {@link SubjectQueries#TOLERANT_BELOW}. */
    private Views.SearchPage search(SearchCriteria c, boolean tolerant, boolean counts) {
        SearchRequest request = SubjectQueries.search(alias, c, tolerant);
        Answer r = read(SEARCH_ANSWER, JsonpUtils.toJsonString(request, mapper), answers, "search", false);
        NameQuery query = c.text() == null ? null : NameQuery.of(c.text());
        List<SubjectDocument> hits = r.hits() == null || r.hits().hits() == null ? List.of()
                : r.hits().hits().stream().map(Answer.Found::source).filter(d -> d != null).toList();
        // the hits' record counts as record-service counts them now, when asked (the document keeps only their categories:
        // decision 0009); the call costs a search about 4 ms at the median, so the portal's result list does without
        Optional<Map<String, Summary>> live = counts ? summaries.summaries(hits.stream().map(SubjectDocument::subjectId).toList())
                : Optional.of(Map.of());
        List<Views.SearchItem> items = hits.stream()
                .map(d -> Views.item(d, highlight(d, query, c), live.map(m -> m.get(d.subjectId())).orElse(null)))
                .toList();
        Map<String, List<Views.FacetValue>> facets = new LinkedHashMap<>();
        for (String name : List.of("region", "type", "list", "category", "grade")) {
            Answer.Facet f = r.aggregations() == null ? null : r.aggregations().get(name);
            facets.put(name, f == null || f.buckets() == null ? List.of()
                    : f.buckets().stream().map(b -> new Views.FacetValue(b.key(), b.docCount())).toList());
        }
        Answer.Total total = r.hits() != null ? r.hits().total() : null;
        return new Views.SearchPage(c.text(), c.page(), c.size(), total != null ? total.value() : items.size(),
                total != null && "gte".equals(total.relation()) ? "gte" : "eq", items, facets, live.isPresent() ? null : Boolean.TRUE);
    }

    /**
     * Public reads wait {@link SearchProperties#readTimeout()} for Elasticsearch's answer, not the indexer's longer
     * socket timeout: the gateway gives up on a request after 3 s, and search-service must answer first (with
     * 503 SEARCH_BUSY), or the caller gets the gateway's timeout and the gateway's breaker counts it.
     */
    private static RequestConfig readConfig(SearchProperties properties) {
        int connect = (int) properties.connectTimeout().toMillis();
        return RequestConfig.custom().setConnectTimeout(connect).setConnectionRequestTimeout(connect)
                .setSocketTimeout((int) properties.readTimeout().toMillis()).build();
    }

    /** The part of Elasticsearch's search answer that {@link #SEARCH_ANSWER} keeps. */
    record Answer(Hits hits, Map<String, Facet> aggregations) {

        record Hits(Total total, List<Found> hits) {
        }

        record Total(long value, String relation) {
        }

        record Found(@JsonProperty("_source") SubjectDocument source) {
        }

        record Facet(List<Bucket> buckets) {
        }

        record Bucket(String key, @JsonProperty("doc_count") long docCount) {
        }
    }

    /** What matched, marked by the names' rules (names.Highlight) and, for a code, here. */
    private static Map<String, List<String>> highlight(SubjectDocument doc, NameQuery query, SearchCriteria c) {
        Map<String, List<String>> out = new LinkedHashMap<>();
        String name = Highlight.mark(doc.name(), query);
        if (name != null) {
            out.put("name", List.of(name));
        }
        List<String> former = Highlight.markAll(doc.formerNames(), query);
        if (!former.isEmpty()) {
            out.put("formerNames", former);
        }
        String code = SubjectQueries.codeHighlight(doc.code(), c);
        if (code != null) {
            out.put("code", List.of(code));
        }
        return out;
    }

    /**
     * Suggestions: the completion suggester on {@code names.suggest} (its inputs are the normalised names, former and
     * short names, pinyin and initials of public organisations only), prefixed by the normalised text.
     */
    Views.Suggestions suggest(SearchCriteria.Suggest s) {
        String prefix = NameText.normalize(s.text());
        if (prefix.isEmpty()) {
            return new Views.Suggestions(s.text(), List.of());
        }
        Map<String, Object> body = Map.of("_source", SUGGEST_FIELDS, "suggest", Map.of("names", Map.of("prefix", prefix,
                "completion", Map.of("field", "names.suggest", "size", s.size(), "skip_duplicates", true))));
        SuggestAnswer r = read("suggest.names.options.text,suggest.names.options._source", json.writeValueAsString(body),
                suggestAnswers, "suggestion", true);
        List<SuggestAnswer.Option> options = r.suggest() == null || r.suggest().get("names") == null ? List.of()
                : r.suggest().get("names").stream().flatMap(e -> e.options() == null ? java.util.stream.Stream.empty() : e.options().stream()).toList();
        List<Views.Suggestion> items = options.stream().filter(o -> o.source() != null && o.source().visible())
                .map(o -> Views.suggestion(o.source(), o.text())).toList();
        return new Views.Suggestions(s.text(), items);
    }

    static final List<String> SUGGEST_FIELDS = List.of("subjectId", "kind", "public", "code", "name", "type", "region");

    /** The part of Elasticsearch's answer to a suggestion request that is asked for. */
    record SuggestAnswer(Map<String, List<Entry>> suggest) {

        record Entry(List<Option> options) {
        }

        record Option(String text, @JsonProperty("_source") SubjectDocument source) {
        }
    }

    /**
     * A public profile by USCC or (natural persons) subject id; empty when unknown or not public, alike. Its records' part is
     * record-service's summary read now; a person whose summary no longer holds a public record is not public any more,
     * although the index may still hold the document for a moment.
     */
    Optional<Views.Profile> profile(String code, String subjectId) {
        Query q = SubjectQueries.profile(code, subjectId);
        SearchResponse<SubjectDocument> r = guard.read(() -> client.search(s -> s.index(alias).query(q).size(1), SubjectDocument.class));
        Optional<SubjectDocument> doc = r.hits().hits().stream().map(Hit::source).filter(d -> d != null && d.visible()).findFirst();
        if (doc.isEmpty()) {
            return Optional.empty();
        }
        Summary live = summaries.summary(doc.get().subjectId()).orElse(null);
        if (Views.noLongerPublic(doc.get(), live)) {
            return Optional.empty();
        }
        return Optional.of(Views.profile(doc.get(), live, clock.instant()));
    }
}
