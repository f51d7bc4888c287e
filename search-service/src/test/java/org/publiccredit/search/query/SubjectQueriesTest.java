package org.publiccredit.search.query;

import static org.assertj.core.api.Assertions.assertThat;

import co.elastic.clients.json.JsonpUtils;
import co.elastic.clients.json.jackson.Jackson3JsonpMapper;
import co.elastic.clients.json.JsonpSerializable;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

class SubjectQueriesTest {

    private static final Jackson3JsonpMapper MAPPER = new Jackson3JsonpMapper();
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private static JsonNode json(JsonpSerializable value) {
        return JSON.readTree(JsonpUtils.toJsonString(value, MAPPER));
    }

    /** The exact kinds of match: the dis_max of constant scores, the first of the ranked query's should clauses. */
    private static List<JsonNode> clauses(SearchCriteria c) {
        List<JsonNode> out = new ArrayList<>();
        should(c).get(0).path("dis_max").path("queries").forEach(out::add);
        return out;
    }

    private static List<JsonNode> should(SearchCriteria c) {
        JsonNode q = json(SubjectQueries.query(c));
        List<JsonNode> out = new ArrayList<>();
        q.path("bool").path("must").get(0).path("bool").path("should").forEach(out::add);
        return out;
    }

    private static JsonNode exact(List<JsonNode> clauses, String kind, String field) {
        return clauses.stream().filter(c -> c.path("constant_score").path("filter").path(kind).has(field)).findFirst().orElseThrow();
    }

    @Test
    void aFullCodeRanksExactCodeFirstThenPrefixThenNames() {
        List<JsonNode> clauses = clauses(SearchCriteria.of("91450200MA5K00012P", null, null, null, null, null, null));
        assertThat(clauses.get(0).path("constant_score").path("boost").floatValue()).isEqualTo(SubjectQueries.EXACT_CODE);
        assertThat(clauses.get(0).path("constant_score").path("filter").path("term").path("code").path("value").asString())
                .isEqualTo("91450200ma5k00012p");
        assertThat(clauses.get(1).path("constant_score").path("filter").path("prefix").path("code").path("value").asString())
                .isEqualTo("91450200ma5k00012p");
        assertThat(clauses.get(1).path("constant_score").path("boost").floatValue()).isEqualTo(SubjectQueries.CODE_PREFIX);
    }

    @Test
    void aNameRanksExactKindsFarApartAndAddsTolerantMatches() {
        SearchCriteria c = SearchCriteria.of("广西柳工机械有限公司", null, null, null, null, null, null);
        List<JsonNode> clauses = clauses(c);
        assertThat(clauses.toString()).doesNotContain("\"code\"");
        assertThat(exact(clauses, "term", "names.exact").path("constant_score").path("filter").path("term").path("names.exact")
                .path("value").asString()).isEqualTo("广西柳工机械有限公司");
        assertThat(exact(clauses, "term", "names.keys").path("constant_score").path("filter").path("term").path("names.keys")
                .path("value").asString()).as("the legal form matters little").isEqualTo("广西柳工机械");
        assertThat(exact(clauses, "terms", "names.trade").toString()).contains("柳工");
        List<JsonNode> should = should(c);
        JsonNode core = should.stream().filter(n -> n.path("match").has("names.core")).findFirst().orElseThrow();
        assertThat(core.path("match").path("names.core").path("query").asString()).isEqualTo("广西柳工机械");
        assertThat(core.path("match").path("names.core").path("operator").asString()).as("strict: every bigram").isEqualToIgnoringCase("and");
        JsonNode tolerant = json(SubjectQueries.query(c, true));
        assertThat(tolerant.toString()).contains("\"minimum_should_match\":\"" + SubjectQueries.MOST + "\"");
        assertThat(should.toString()).contains("\"names.pinyinKeys\":{\"value\":\"guangxiliugongjixie\"").contains("names.derived")
                .as("Chinese text: no syllable pairs").doesNotContain("\"names.pinyin\":");
        assertThat(SubjectQueries.EXACT_CODE).isGreaterThan(SubjectQueries.EXACT_NAME);
        assertThat(SubjectQueries.EXACT_NAME).isGreaterThan(SubjectQueries.EXACT_FORMER_NAME);
        assertThat(SubjectQueries.EXACT_FORMER_NAME).isGreaterThan(SubjectQueries.CODE_PREFIX);
        assertThat(SubjectQueries.NAME_WITHOUT_FORM).isGreaterThan(SubjectQueries.TRADE_NAME);
        assertThat(SubjectQueries.TRADE_NAME).isGreaterThan(SubjectQueries.NAME_IN_PINYIN);
        assertThat(SubjectQueries.DERIVED_ABBREVIATION).isLessThan(SubjectQueries.PINYIN_OF_CHINESE);
    }

    @Test
    void typedPinyinAndInitialsAreMatchedAsSuch() {
        List<JsonNode> should = should(SearchCriteria.of("LiuGong", null, null, null, null, null, null));
        JsonNode pinyin = should.stream().filter(n -> n.path("match").has("names.pinyin")).findFirst().orElseThrow();
        assertThat(pinyin.path("match").path("names.pinyin").path("query").asString()).isEqualTo("liu gong");
        assertThat(pinyin.path("match").path("names.pinyin").path("boost").floatValue()).isEqualTo(1f);
        assertThat(should.toString()).contains("\"names.initials\":{\"value\":\"liugong\"");
        assertThat(clauses(SearchCriteria.of("LiuGong", null, null, null, null, null, null)).toString())
                .contains("\"names.pinyinKeys\":{\"value\":\"liugong\"");
    }

    @Test
    void anOrganisationCodeIsFoundWithOrWithoutItsHyphen() {
        for (String q : List.of("MA5QJWYL-9", "ma5qjwyl9", "ＭＡ５ＱＪＷＹＬ－９")) {
            JsonNode org = exact(clauses(SearchCriteria.of(q, null, null, null, null, null, null)), "term", "orgCode");
            assertThat(org.path("constant_score").path("filter").path("term").path("orgCode").path("value").asString()).isEqualTo("ma5qjwyl9");
        }
        List<JsonNode> full = clauses(SearchCriteria.of("91450205-MA5QJWYL96", null, null, null, null, null, null));
        assertThat(exact(full, "term", "code").path("constant_score").path("boost").floatValue()).isEqualTo(SubjectQueries.EXACT_CODE);
    }

    @Test
    void textWithNothingComparableMatchesNoName() {
        for (String q : List.of("*", "（）", "——", "?")) {
            assertThat(json(SubjectQueries.query(SearchCriteria.of(q, null, null, null, null, null, null))).toString())
                    .as(q).contains("match_none");
        }
    }

    @Test
    void userTextIsNeverQueryStringSyntax() {
        String body = JsonpUtils.toJsonString(SubjectQueries.search("subjects",
                SearchCriteria.of("name:* OR \"x\" AND (y)", null, null, null, null, null, null)), MAPPER);
        assertThat(body).doesNotContain("query_string").doesNotContain("simple_query_string");
        assertThat(body).contains("\"names.core\"").doesNotContain("name:*");
    }

    @Test
    void filtersAlwaysIncludePublicAndTheGivenOnes() {
        JsonNode q = json(SubjectQueries.query(SearchCriteria.of(null, "4502", "ENTERPRISE", "black", "COURT_DEFAULTER", null, null)));
        JsonNode filters = q.path("bool").path("filter");
        assertThat(filters.toString())
                .contains("{\"term\":{\"public\":{\"value\":true}}}")
                .contains("\"prefix\":{\"region\":{\"value\":\"4502\"}}")
                .contains("\"term\":{\"type\":{\"value\":\"ENTERPRISE\"}}")
                .contains("\"term\":{\"lists\":{\"value\":\"black\"}}")
                .contains("\"term\":{\"categories\":{\"value\":\"COURT_DEFAULTER\"}}");
        assertThat(q.path("bool").has("must")).isFalse();
        JsonNode six = json(SubjectQueries.query(SearchCriteria.of(null, "450202", null, null, null, null, null)));
        assertThat(six.toString()).contains("\"term\":{\"region\":{\"value\":\"450202\"}}");
        assertThat(json(SubjectQueries.query(SearchCriteria.of(null, null, null, null, null, "C,D", "F", null, null))).toString())
                .contains("\"terms\":{\"grade\":[\"C\",\"D\"]}")
                .contains("\"term\":{\"industry\":{\"value\":\"F\"}}");
        assertThat(json(SubjectQueries.query(SearchCriteria.of(null, null, null, null, null, "a", null, null, null))).toString())
                .contains("\"term\":{\"grade\":{\"value\":\"A\"}}");
    }

    @Test
    void theRequestPagesSortsTiesByStandingAndCountsFacets() {
        JsonNode r = json(SubjectQueries.search("subjects", SearchCriteria.of("柳工", null, null, null, null, 2, 10)));
        assertThat(r.path("from").asInt()).isEqualTo(20);
        assertThat(r.path("size").asInt()).isEqualTo(10);
        assertThat(r.has("highlight")).as("highlights are made by names.Highlight").isFalse();
        assertThat(r.path("sort").toString()).contains("standing");
        assertThat(r.path("aggregations").propertyNames()).containsExactlyInAnyOrder("region", "type", "list", "category", "grade");
        assertThat(r.path("aggregations").path("list").path("terms").path("field").asString()).isEqualTo("lists");
    }

    @Test
    void codeHighlightKeepsTheOriginalCase() {
        SearchCriteria prefix = SearchCriteria.of("914502", null, null, null, null, null, null);
        assertThat(SubjectQueries.codeHighlight("91450200MA5K00012P", prefix)).isEqualTo("<em>914502</em>00MA5K00012P");
        assertThat(SubjectQueries.codeHighlight("91440300708461136T", prefix)).isNull();
        assertThat(SubjectQueries.codeHighlight(null, prefix)).isNull();
    }

    @Test
    void profileLooksUpPublicDocumentsOnly() {
        JsonNode q = json(SubjectQueries.profile("91450200MA5K00012P", null));
        assertThat(q.toString()).contains("\"code\":{\"value\":\"91450200ma5k00012p\"}").contains("\"public\":{\"value\":true}");
    }

    @Test
    void aTextIsSearchedTolerantlyOnlyWhenMostOfItsBigramsCanBeFewerThanAll() {
        // "2<75%": up to two bigrams all must match, so for three words or fewer the tolerant search is the strict one
        assertThat(SubjectQueries.toleranceDiffers(text("华盛鑫"))).isFalse();
        assertThat(SubjectQueries.toleranceDiffers(text("华盛鑫有限公司"))).as("the legal form is not searched").isFalse();
        assertThat(SubjectQueries.toleranceDiffers(text("ABC科技"))).as("a Latin run is one word").isFalse();
        assertThat(SubjectQueries.toleranceDiffers(text("liugong"))).isFalse();
        assertThat(SubjectQueries.toleranceDiffers(text("柳州华盛"))).isTrue();
        assertThat(SubjectQueries.toleranceDiffers(text("柳州两面针股份有限责任公司"))).isTrue();
        assertThat(SubjectQueries.toleranceDiffers(text("ABC柳州科技"))).isTrue();
    }

    private static SearchCriteria text(String q) {
        return SearchCriteria.of(q, null, null, null, null, null, null);
    }
}
