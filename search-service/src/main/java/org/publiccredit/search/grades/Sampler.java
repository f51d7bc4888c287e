package org.publiccredit.search.grades;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.FieldValue;
import co.elastic.clients.elasticsearch._types.SortOrder;
import co.elastic.clients.elasticsearch._types.query_dsl.FunctionBoostMode;
import co.elastic.clients.elasticsearch._types.query_dsl.Query;
import co.elastic.clients.elasticsearch.core.MsearchResponse;
import co.elastic.clients.elasticsearch.core.msearch.MultiSearchResponseItem;
import co.elastic.clients.elasticsearch.core.msearch.RequestItem;
import co.elastic.clients.elasticsearch.core.search.Hit;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.publiccredit.commons.problem.ApiException;
import org.publiccredit.search.config.SearchProperties;
import org.publiccredit.search.index.ElasticsearchGuard;
import org.publiccredit.search.index.Grade;
import org.publiccredit.search.index.SubjectDocument;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;

/**
 * Draws supervision samples (双随机、一公开): counts the organisations of the filter per grade, decides how many to draw of
 * each ({@link Allocation}), and takes them per grade in a pseudo-random order given by the seed: Elasticsearch's
 * {@code random_score} with that seed over {@code drawKey} (a number made from the subject id; Elasticsearch hashes it with
 * the seed and the concrete index's name), ties by subject id. The same seed over the same population in the same index draws the same subjects. One request: the count,
 * then one multi-search of a search per grade.
 */
@Service
class Sampler {

    /** A seed chosen here stays below 2^53, so that a client in JavaScript reads it back exactly. */
    static final long MAX_CHOSEN_SEED = 1L << 53;
    private static final SecureRandom RANDOM = new SecureRandom();
    /** What a drawn subject is read with ({@code public} too: the document type needs it). */
    static final List<String> SUBJECT_FIELDS = List.of("subjectId", "public", "code", "name", "grade", "region");

    private final GradeCounts counts;
    private final ElasticsearchClient client;
    private final ElasticsearchGuard guard;
    private final SampleStore store;
    private final String alias;
    private final Clock clock;

    Sampler(GradeCounts counts, ElasticsearchClient client, ElasticsearchGuard guard, SampleStore store, SearchProperties properties,
            Clock clock) {
        this.counts = counts;
        this.client = client;
        this.guard = guard;
        this.store = store;
        this.alias = properties.alias();
        this.clock = clock;
    }

    /** What was asked, checked ({@link SampleRequest#check}). */
    record Draw(String purpose, OrganisationFilter filter, Map<Grade, Double> rates, Integer size, Long seed, int maxSubjects) {
    }

    Sample draw(Draw d, String askedBy, String department) {
        GradeCounts.Counts population = counts.count(d.filter());
        Map<Grade, Integer> k = d.size() != null ? Allocation.bySize(population.byGrade(), d.rates(), d.size())
                : Allocation.byRates(population.byGrade(), d.rates());
        long total = k.values().stream().mapToLong(Integer::longValue).sum();
        if (total > d.maxSubjects()) {
            throw new ApiException(HttpStatus.BAD_REQUEST, "SAMPLE_TOO_LARGE", "These rates draw " + total + " subjects, more than the "
                    + d.maxSubjects() + " one sample may hold: narrow the filters (region, industry, type) or ask for a size")
                    .with("count", total).with("max", d.maxSubjects()).args(total, d.maxSubjects());
        }
        long seed = d.seed() != null ? d.seed() : RANDOM.nextLong(MAX_CHOSEN_SEED);
        Drawn drawn = take(d.filter(), k, seed);
        Map<String, Integer> drawnCounts = new LinkedHashMap<>();
        Map<String, Double> rates = new LinkedHashMap<>();
        for (Grade g : Grade.ALL) {
            drawnCounts.put(g.name(), (int) drawn.subjects().stream().filter(s -> g.name().equals(s.grade())).count());
            rates.put(g.name(), d.rates().get(g));
        }
        Sample sample = new Sample(UUID.randomUUID().toString(), seed, rates, d.size(), d.filter(), population.asMap(), drawnCounts,
                drawn.subjects(), d.purpose(), askedBy, department, clock.instant(), drawn.index());
        store.save(sample);
        return sample;
    }

    /** The subjects drawn and the concrete index they came from. */
    private record Drawn(List<Sample.Drawn> subjects, String index) {
    }

    /** Per grade, the first k organisations in the seed's order: one multi-search. */
    private Drawn take(OrganisationFilter filter, Map<Grade, Integer> k, long seed) {
        List<Grade> grades = Grade.ALL.stream().filter(g -> k.get(g) > 0).toList();
        if (grades.isEmpty()) {
            return new Drawn(List.of(), null);
        }
        List<RequestItem> searches = new ArrayList<>();
        for (Grade g : grades) {
            List<Query> filters = new ArrayList<>(filter.queries());
            filters.add(Query.of(q -> q.term(t -> t.field("grade").value(FieldValue.of(g.name())))));
            searches.add(RequestItem.of(r -> r.header(h -> h.index(alias)).body(b -> b
                    .query(q -> q.functionScore(fs -> fs
                            .query(in -> in.bool(bo -> bo.filter(filters)))
                            .functions(f -> f.randomScore(rs -> rs.seed(Long.toString(seed)).field("drawKey")))
                            .boostMode(FunctionBoostMode.Replace)))
                    .size(k.get(g))
                    .trackTotalHits(t -> t.enabled(false))
                    .source(src -> src.filter(sf -> sf.includes(SUBJECT_FIELDS)))
                    .sort(so -> so.score(sc -> sc.order(SortOrder.Desc)))
                    .sort(so -> so.field(fl -> fl.field("subjectId").order(SortOrder.Asc))))));
        }
        MsearchResponse<SubjectDocument> r = guard.read(() -> client.msearch(m -> m.searches(searches), SubjectDocument.class));
        List<Sample.Drawn> out = new ArrayList<>();
        String index = null;
        for (MultiSearchResponseItem<SubjectDocument> item : r.responses()) {
            if (item.isFailure()) {
                throw new IllegalStateException("Elasticsearch refused a sample's search: " + item.failure().error().reason());
            }
            for (Hit<SubjectDocument> h : item.result().hits().hits()) {
                SubjectDocument doc = h.source();
                if (doc != null) {
                    out.add(new Sample.Drawn(doc.code(), doc.name(), doc.grade(), doc.region()));
                    index = h.index();
                }
            }
        }
        return new Drawn(List.copyOf(out), index);
    }

    /** The default rates with the ones asked for. */
    static Map<Grade, Double> rates(Map<String, Double> defaults, Map<Grade, Double> asked) {
        Map<Grade, Double> out = new EnumMap<>(Grade.class);
        for (Grade g : Grade.ALL) {
            out.put(g, asked.containsKey(g) ? asked.get(g) : defaults.getOrDefault(g.name(), 0.0));
        }
        return out;
    }
}
