package org.publiccredit.search.query;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.publiccredit.commons.problem.ApiException;

class SearchCriteriaTest {

    private static SearchCriteria q(String q) {
        return SearchCriteria.of(q, null, null, null, null, null, null);
    }

    private static String codeOf(Runnable r) {
        try {
            r.run();
        } catch (ApiException e) {
            return e.code();
        }
        return "accepted";
    }

    @Test
    void emptyTextWithoutFilterIsRefused() {
        assertThat(codeOf(() -> q(null))).isEqualTo("SEARCH_QUERY_EMPTY");
        assertThat(codeOf(() -> q("   "))).isEqualTo("SEARCH_QUERY_EMPTY");
        assertThat(SearchCriteria.of("", "4502", null, null, null, null, null).text()).isNull();
    }

    @Test
    void tooLongTextIsRefused() {
        assertThat(codeOf(() -> q("柳".repeat(1000)))).isEqualTo("SEARCH_QUERY_TOO_LONG");
        assertThat(codeOf(() -> q("a".repeat(101)))).isEqualTo("SEARCH_QUERY_TOO_LONG");
        assertThat(q("a".repeat(100)).text()).hasSize(100);
    }

    @Test
    void controlCharactersAreRefused() {
        assertThat(codeOf(() -> q("柳工\u0000"))).isEqualTo("SEARCH_QUERY_INVALID");
        assertThat(codeOf(() -> q("柳工\r\nX-Injected: 1"))).isEqualTo("SEARCH_QUERY_INVALID");
        assertThat(codeOf(() -> q("柳\u200b工"))).isEqualTo("SEARCH_QUERY_INVALID");
    }

    @Test
    void queryStringSyntaxIsJustText() {
        SearchCriteria c = q("name:* OR 1=1");
        assertThat(c.text()).isEqualTo("name:* OR 1=1");
        assertThat(c.code()).isNull();
    }

    @Test
    void codesAndPrefixesAreRecognisedWhateverTheCaseOrWidth() {
        assertThat(q("91450200ma5k00012p").code()).isEqualTo("91450200MA5K00012P");
        assertThat(q("９１４５０２").code()).isEqualTo("914502");
        assertThat(q(" 9145 0200 ").code()).isEqualTo("91450200");
        assertThat(q("柳工").code()).isNull();
        assertThat(q("ABC").code()).as("letters alone are a name").isNull();
    }

    @Test
    void whitespaceIsCollapsed() {
        assertThat(q("  柳州   柳工 ").text()).isEqualTo("柳州 柳工");
    }

    @Test
    void filtersAreChecked() {
        assertThatThrownBy(() -> SearchCriteria.of("x", "45020", null, null, null, null, null))
                .isInstanceOfSatisfying(ApiException.class, e -> {
                    assertThat(e.code()).isEqualTo("VALIDATION_FAILED");
                    assertThat(e.errors()).extracting(p -> p.field()).containsExactly("region");
                });
        assertThatThrownBy(() -> SearchCriteria.of("x", null, "ROBOT", "grey", "bad code!", null, null))
                .isInstanceOfSatisfying(ApiException.class, e ->
                        assertThat(e.errors()).extracting(p -> p.field()).containsExactly("type", "list", "category"));
        SearchCriteria c = SearchCriteria.of(null, "4502", "enterprise", "BLACK", "court_defaulter", null, null);
        assertThat(c.type()).isEqualTo("ENTERPRISE");
        assertThat(c.list()).isEqualTo("black");
        assertThat(c.category()).isEqualTo("COURT_DEFAULTER");
        // the type is read as everywhere else (commons SubjectType.parse): the Chinese label too
        assertThat(SearchCriteria.of(null, null, "个体工商户", null, null, null, null).type()).isEqualTo("INDIVIDUAL_BUSINESS");
    }

    @Test
    void gradesAndIndustryAreFiltersOfTheirOwn() {
        SearchCriteria c = SearchCriteria.of(null, null, null, null, null, "c, d ,C", null, null, null);
        assertThat(c.grades()).as("upper case, once each").containsExactly("C", "D");
        assertThat(SearchCriteria.of(null, null, null, null, null, null, "m", null, null).industry()).isEqualTo("M");
        assertThatThrownBy(() -> SearchCriteria.of("x", null, null, null, null, "A,E", "Z", null, null))
                .isInstanceOfSatisfying(ApiException.class, e -> {
                    assertThat(e.code()).isEqualTo("VALIDATION_FAILED");
                    assertThat(e.errors()).extracting(p -> p.field()).containsExactly("grade", "industry");
                });
        assertThat(codeOf(() -> SearchCriteria.of(null, null, null, null, null, "A,,B", null, null, null))).isEqualTo("VALIDATION_FAILED");
    }

    @Test
    void deepPagingIsRefused() {
        // page and size themselves are checked by SearchController's constraints (SearchControllerTest)
        assertThat(codeOf(() -> SearchCriteria.of("x", null, null, null, null, 200, 50))).isEqualTo("SEARCH_TOO_DEEP");
        assertThat(codeOf(() -> SearchCriteria.of("x", null, null, null, null, 199, 50))).isEqualTo("accepted");
        assertThat(q("x").size()).isEqualTo(SearchCriteria.DEFAULT_SIZE);
    }

    @Test
    void aPageOrSizeNobodyCheckedIsABugNotABadRequest() {
        assertThatThrownBy(() -> SearchCriteria.of("x", null, null, null, null, 0, 51)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> SearchCriteria.of("x", null, null, null, null, -1, 10)).isInstanceOf(IllegalArgumentException.class);
    }
}
