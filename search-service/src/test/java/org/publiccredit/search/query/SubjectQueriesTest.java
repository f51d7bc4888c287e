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

    private static List<JsonNode> clauses(SearchCriteria c) {
        JsonNode q = json(SubjectQueries.query(c));
        List<JsonNode> out = new ArrayList<>();
        q.path("bool").path("must").get(0).path("dis_max").path("queries").forEach(out::add);
        return out;
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
    void aNameHasNoCodeClauseAndRanksExactNameOverFormerNameOverBigrams() {
        List<JsonNode> clauses = clauses(SearchCriteria.of("柳工", null, null, null, null, null, null));
        assertThat(clauses).hasSize(4);
        assertThat(clauses.get(0).path("constant_score").path("filter").path("term").has("name.keyword")).isTrue();
        assertThat(clauses.get(0).path("constant_score").path("boost").floatValue()).isEqualTo(SubjectQueries.EXACT_NAME);
        assertThat(clauses.get(1).path("constant_score").path("filter").path("term").has("formerNames.keyword")).isTrue();
        assertThat(clauses.get(1).path("constant_score").path("boost").floatValue()).isEqualTo(SubjectQueries.EXACT_FORMER_NAME);
        assertThat(clauses.get(2).path("match").path("name").path("query").asString()).isEqualTo("柳工");
        assertThat(clauses.get(2).path("match").path("name").path("operator").asString()).isEqualToIgnoringCase("and");
        assertThat(clauses.get(3).path("match").has("formerNames")).isTrue();
        assertThat(SubjectQueries.EXACT_CODE).isGreaterThan(SubjectQueries.EXACT_NAME);
        assertThat(SubjectQueries.EXACT_NAME).isGreaterThan(SubjectQueries.EXACT_FORMER_NAME);
        assertThat(SubjectQueries.EXACT_FORMER_NAME).isGreaterThan(SubjectQueries.CODE_PREFIX);
    }

    @Test
    void userTextIsNeverQueryStringSyntax() {
        String body = JsonpUtils.toJsonString(SubjectQueries.search("subjects",
                SearchCriteria.of("name:* OR \"x\" AND (y)", null, null, null, null, null, null)), MAPPER);
        assertThat(body).doesNotContain("query_string").doesNotContain("simple_query_string");
        assertThat(body).contains("\"query\":\"name:* OR \\\"x\\\" AND (y)\"");
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
    }

    @Test
    void theRequestPagesHighlightsAndCountsFacets() {
        JsonNode r = json(SubjectQueries.search("subjects", SearchCriteria.of("柳工", null, null, null, null, 2, 10)));
        assertThat(r.path("from").asInt()).isEqualTo(20);
        assertThat(r.path("size").asInt()).isEqualTo(10);
        assertThat(r.path("highlight").path("encoder").asString()).isEqualTo("html");
        assertThat(r.path("highlight").path("fields").toString()).contains("name").contains("formerNames");
        assertThat(r.path("aggregations").propertyNames()).containsExactlyInAnyOrder("region", "type", "list", "category");
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
}
