package org.publiccredit.search.query;

import co.elastic.clients.elasticsearch._types.SortOrder;
import co.elastic.clients.elasticsearch._types.aggregations.Aggregation;
import co.elastic.clients.elasticsearch._types.FieldValue;
import co.elastic.clients.elasticsearch._types.query_dsl.Query;
import co.elastic.clients.elasticsearch.core.SearchRequest;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.publiccredit.search.index.Filters;
import org.publiccredit.search.names.NameQuery;

/**
 * Builds the Elasticsearch requests of the public lookup with the client's typed builders. The text is read with the
 * names' own rules ({@link NameQuery}, the same code that made the documents' {@code names} keys) and scored as a sum:
 * <ul>
 *   <li>the best kind of exact match, a {@code dis_max} of constant scores far apart: the code (10,000), the name (5,000),
 *       a former name (2,000), a code prefix or the organisation code (1,000), the name without its legal form (800;
 *       有限公司 ≈ 有限责任公司, 股份 or not), that without the name's place words (700: 柳州钢铁 for 广西柳州钢铁集团), the
 *       text without its place words (600: 南宁柳工机械 for 广西柳工机械), a former name without its legal
 *       form (500), a short name from the registry (450), the trade name (400), the name typed in pinyin (300);</li>
 *   <li>plus how well the rest matches: the bigrams of the name without its legal form, of which most (not all) must
 *       match ({@link #MOST}), norms off so that a longer name is not pushed down; former names at half; the pinyin
 *       syllable pairs (a third for Chinese text, so homophones rank below the characters; in full for typed pinyin);
 *       initials; abbreviations derived from the name's parts (柳钢) lowest of all, below every real match.</li>
 * </ul>
 * Ties go to active and verified subjects, then by subject id. Every search is filtered to public documents.
 */
public final class SubjectQueries {

    static final float EXACT_CODE = 10_000f;
    static final float EXACT_NAME = 5_000f;
    static final float EXACT_FORMER_NAME = 2_000f;
    static final float CODE_PREFIX = 1_000f;
    static final float NAME_WITHOUT_FORM = 800f;
    static final float NAME_WITHOUT_ITS_PLACE = 700f;
    static final float NAME_WITHOUT_PLACE = 600f;
    static final float FORMER_NAME_WITHOUT_FORM = 500f;
    static final float SHORT_NAME = 450f;
    static final float TRADE_NAME = 400f;
    static final float NAME_IN_PINYIN = 300f;
    static final float FORMER_NAME_MATCH = 0.5f;
    static final float PINYIN_OF_CHINESE = 0.3f;
    static final float SOUNDS_LIKE_NAME = 1f;
    static final float INITIALS = 2f;
    static final float INITIALS_PREFIX = 0.5f;
    static final float DERIVED_ABBREVIATION = 0.2f;
    /**
     * A strict search that finds fewer subjects than this is tried again tolerant: most of the text's bigrams suffice. A
     * text found as typed (柳州, 华盛) is answered by the strict search alone — the tolerant one matches tens of thousands
     * of names at 1 M subjects (every 柳州市华X for 柳州市华盛) and tripled Elasticsearch's time.
     */
    public static final int TOLERANT_BELOW = 20;

    /** Of a text's bigrams (or syllable pairs), up to 2 must all match, of more three quarters. */
    static final String MOST = "2<75%";

    /** Facet name → indexed field. */
    static final Map<String, String> FACETS = Map.of("region", "region", "type", "type", "list", "lists", "category", "categories",
            "grade", "grade");
    private static final Map<String, Integer> FACET_SIZES = Map.of("region", 30, "type", 10, "list", 3, "category", 30, "grade", 4);

    /** What a result item shows ({@link Views#item}): the entry lists and bookkeeping stay in Elasticsearch. */
    static final List<String> ITEM_FIELDS = List.of("subjectId", "kind", "public", "code", "masked", "name", "formerNames",
            "type", "region", "status", "lists", "categories", "disputed", "industry", "grade");

    private SubjectQueries() {
    }

    /** The complete search request for the alias. */
    public static SearchRequest search(String alias, SearchCriteria c) {
        return search(alias, c, false);
    }

    /**
     * The complete search request for the alias; {@code tolerant} lets most (not all) of the text's bigrams match, the
     * second try when the strict search finds fewer than {@link #TOLERANT_BELOW} subjects ({@code SubjectSearch}).
     */
    public static SearchRequest search(String alias, SearchCriteria c, boolean tolerant) {
        return SearchRequest.of(s -> {
            s.index(alias)
                    .query(query(c, tolerant))
                    .from(c.page() * c.size())
                    .size(c.size())
                    .trackTotalHits(t -> t.enabled(true))
                    .sort(so -> so.score(sc -> sc.order(SortOrder.Desc)))
                    .sort(so -> so.field(f -> f.field("standing").order(SortOrder.Desc).missing("_last")
                            .unmappedType(co.elastic.clients.elasticsearch._types.mapping.FieldType.Byte)))
                    .sort(so -> so.field(f -> f.field("subjectId").order(SortOrder.Asc)))
                    .source(src -> src.filter(f -> f.includes(ITEM_FIELDS)));
            FACETS.forEach((name, field) -> s.aggregations(name,
                    Aggregation.of(a -> a.terms(t -> t.field(field).size(FACET_SIZES.get(name))))));
            return s;
        });
    }

    /** The query: public documents, the filters, and (when there is text) the ranked match. */
    public static Query query(SearchCriteria c) {
        return query(c, false);
    }

    /** The query: public documents, the filters, and (when there is text) the ranked match, strict or tolerant. */
    public static Query query(SearchCriteria c, boolean tolerant) {
        List<Query> filters = new ArrayList<>();
        filters.add(Filters.visible());
        filters.addAll(Filters.of(c.region(), c.industry(), c.type(), c.grades()));
        if (c.list() != null) {
            filters.add(Query.of(q -> q.term(t -> t.field("lists").value(c.list()))));
        }
        if (c.category() != null) {
            filters.add(Query.of(q -> q.term(t -> t.field("categories").value(c.category()))));
        }
        if (c.text() == null) {
            return Query.of(q -> q.bool(b -> b.filter(filters)));
        }
        Query ranked = ranked(c, tolerant);
        return Query.of(q -> q.bool(b -> b.must(ranked).filter(filters)));
    }

    /** The ranked match of the text: the best exact kind plus the tolerant matches. */
    static Query ranked(SearchCriteria c) {
        return ranked(c, false);
    }

    static Query ranked(SearchCriteria c, boolean tolerant) {
        List<Query> exact = new ArrayList<>();
        if (c.code() != null) {
            String code = c.code().toLowerCase(Locale.ROOT);
            if (code.length() == 18) {
                exact.add(constant(term("code", code), EXACT_CODE));
            }
            exact.add(constant(Query.of(q -> q.prefix(p -> p.field("code").value(code))), CODE_PREFIX));
            if (code.length() == 9) {
                exact.add(constant(term("orgCode", code), CODE_PREFIX));
            }
        }
        NameQuery n = NameQuery.of(c.text());
        List<Query> should = new ArrayList<>();
        if (n != null) {
            exact.add(constant(term("names.exact", n.normalized()), EXACT_NAME));
            exact.add(constant(term("names.former", n.normalized()), EXACT_FORMER_NAME));
            exact.add(constant(term("names.core.keyword", n.core()), NAME_WITHOUT_FORM));
            exact.add(constant(term("names.keys", n.core()), NAME_WITHOUT_ITS_PLACE));
            if (!n.bodies().isEmpty()) {
                exact.add(constant(terms("names.keys", n.bodies()), NAME_WITHOUT_PLACE));
            }
            exact.add(constant(term("names.formerKeys", n.core()), FORMER_NAME_WITHOUT_FORM));
            exact.add(constant(term("names.shortNames", n.normalized()), SHORT_NAME));
            exact.add(constant(terms("names.trade", n.trades()), TRADE_NAME));
            if (n.typedPinyin()) {
                exact.add(constant(term("names.pinyinKeys", String.join("", n.pinyin())), NAME_IN_PINYIN));
            }
        }
        if (exact.isEmpty()) {
            // nothing comparable is left of the text (only punctuation or symbols, e.g. "*"): it matches no name
            return Query.of(q -> q.matchNone(m -> m));
        }
        should.add(Query.of(q -> q.disMax(d -> d.queries(exact).tieBreaker(0.0))));
        if (n != null) {
            should.add(bigrams("names.core", n.core(), 1f, tolerant));
            should.add(bigrams("names.formerCore", n.core(), FORMER_NAME_MATCH, tolerant));
            if (!n.typedPinyin() && !n.pinyin().isEmpty()) {
                // Chinese text that sounds like a name (柳洲钢铁, 黄氏): found, but below every name that has the characters
                should.add(constant(term("names.pinyinKeys", String.join("", n.pinyin())), SOUNDS_LIKE_NAME));
            }
            if (n.pairsSyllables()) {
                should.add(most("names.pinyin", String.join(" ", n.pinyin()), n.typedPinyin() ? 1f : PINYIN_OF_CHINESE));
            }
            if (n.initials() != null) {
                should.add(constant(term("names.initials", n.initials()), INITIALS));
                should.add(constant(Query.of(q -> q.prefix(p -> p.field("names.initials").value(n.initials()))), INITIALS_PREFIX));
            }
            should.add(constant(term("names.derived", n.normalized()), DERIVED_ABBREVIATION));
        }
        return Query.of(q -> q.bool(b -> b.should(should).minimumShouldMatch("1")));
    }

    /**
     * Whether the tolerant search can find more than the strict one: only when the text has more bigrams than
     * {@link #MOST} requires in all (two), that is four words of the search analyzer or more — a CJK character is a word, a
     * run of Latin letters and digits another. A text of three characters or fewer is not searched twice for nothing (at
     * 1 M subjects one fragment in six finds fewer than {@link #TOLERANT_BELOW}). Anything else in the text counts as a
     * word too, so the estimate errs towards trying.
     */
    public static boolean toleranceDiffers(SearchCriteria c) {
        NameQuery n = NameQuery.of(c.text());
        if (n == null) {
            return false;
        }
        int words = 0;
        boolean inRun = false;
        for (int i = 0; i < n.core().length(); ) {
            int cp = n.core().codePointAt(i);
            i += Character.charCount(cp);
            boolean latin = cp < 0x3000 && Character.isLetterOrDigit(cp);
            if (!latin || !inRun) {
                words++;
            }
            inRun = latin;
        }
        return words >= 4;
    }

    /** Bigrams of the text: all of them (strict), or most of them ({@link #MOST}, tolerant). */
    private static Query bigrams(String field, String text, float boost, boolean tolerant) {
        return tolerant ? most(field, text, boost)
                : Query.of(q -> q.match(m -> m.field(field).query(text).operator(co.elastic.clients.elasticsearch._types.query_dsl.Operator.And)
                        .boost(boost)));
    }

    private static Query most(String field, String text, float boost) {
        return Query.of(q -> q.match(m -> m.field(field).query(text).minimumShouldMatch(MOST).boost(boost)));
    }

    private static Query term(String field, String value) {
        return Query.of(q -> q.term(t -> t.field(field).value(value)));
    }

    private static Query terms(String field, List<String> values) {
        return Query.of(q -> q.terms(t -> t.field(field).terms(v -> v.value(values.stream().map(FieldValue::of).toList()))));
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
