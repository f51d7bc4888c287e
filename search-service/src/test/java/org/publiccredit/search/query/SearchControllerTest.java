package org.publiccredit.search.query;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.mockito.ArgumentCaptor;
import org.publiccredit.search.config.WebSlice;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;

/**
 * The search's parameters as a caller sends them: the page and its size refused by their constraints, the text and
 * the filters by SearchCriteria, each with the problem the API has always answered (SearchIT, NamesIT assert the same
 * through the gateway); nothing refused reaches Elasticsearch.
 */
@WebMvcTest(SearchController.class)
@Import(WebSlice.class)
class SearchControllerTest {

    @Autowired
    private MockMvc mvc;
    @MockitoBean
    private SubjectSearch search;

    @ParameterizedTest
    @CsvSource({
            "/api/v1/search?q=x&size=51,            size, FIELD_RANGE",
            "/api/v1/search?q=x&size=0,             size, FIELD_RANGE",
            "/api/v1/search?q=x&page=-1,            page, FIELD_MIN",
            "/api/v1/search?q=x&region=45020,       region, FIELD_PATTERN",
            "/api/v1/search?q=x&list=grey,          list, FIELD_INVALID",
            "/api/v1/search?q=x&category=bad-code,  category, FIELD_PATTERN",
            "/api/v1/search?region=4502&grade=E,    grade, FIELD_INVALID",
            "/api/v1/search?q=x&industry=Z9,        industry, FIELD_INVALID",
            "/api/v1/search?q=x&type=ROBOT,         type, FIELD_INVALID",
            "/api/v1/search/suggest?q=x&size=21,    size, FIELD_RANGE",
            "/api/v1/search/suggest?q=x&size=0,     size, FIELD_RANGE"})
    void aBadParameterIs400NamingIt(String path, String field, String code) throws Exception {
        mvc.perform(get(path))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.code").value("VALIDATION_FAILED"))
                .andExpect(jsonPath("$.errors.length()").value(1))
                .andExpect(jsonPath("$.errors[0].field").value(field))
                .andExpect(jsonPath("$.errors[0].code").value(code));
        verifyNoInteractions(search);
    }

    @ParameterizedTest
    @CsvSource({
            "/api/v1/search?q=x&size=abc,             PARAMETER_INVALID",
            "/api/v1/search/suggest?q=x&size=x,       PARAMETER_INVALID",
            "/api/v1/search?q=x&page=200&size=50,     SEARCH_TOO_DEEP",
            "/api/v1/search,                          SEARCH_QUERY_EMPTY",
            "/api/v1/search/suggest,                  SEARCH_QUERY_EMPTY"})
    void aBadRequestKeepsItsOwnCode(String path, String code) throws Exception {
        mvc.perform(get(path)).andExpect(status().isBadRequest()).andExpect(jsonPath("$.code").value(code));
        verifyNoInteractions(search);
    }

    @ParameterizedTest
    @CsvSource({"/api/v1/search", "/api/v1/search/suggest"})
    void aControlCharacterInTheTextIsRefusedAsSuch(String path) throws Exception {
        mvc.perform(get(path).param("q", "柳\u0007工"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.code").value("SEARCH_QUERY_INVALID"))
                .andExpect(jsonPath("$.errors[0].field").value("q"));
        verifyNoInteractions(search);
    }

    @Test
    void tooLongATextIsRefusedAsSuch() throws Exception {
        mvc.perform(get("/api/v1/search").param("q", "a".repeat(SearchCriteria.MAX_TEXT + 1)))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.code").value("SEARCH_QUERY_TOO_LONG"))
                .andExpect(jsonPath("$.errors[0].field").value("q"));
        verifyNoInteractions(search);
    }

    @Test
    void everyBadFilterIsNamedAtOnce() throws Exception {
        mvc.perform(get("/api/v1/search?q=x&region=45020&type=ROBOT&list=grey&category=bad-code"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[*].field").value(org.hamcrest.Matchers.contains("region", "type", "list", "category")));
    }

    @Test
    void theLimitsThemselvesAreAccepted() throws Exception {
        mvc.perform(get("/api/v1/search?q=x&page=199&size=50&counts=true")).andExpect(status().isOk());
        ArgumentCaptor<SearchCriteria> asked = ArgumentCaptor.forClass(SearchCriteria.class);
        verify(search).search(asked.capture(), org.mockito.ArgumentMatchers.eq(true));
        assertThat(asked.getValue().page()).isEqualTo(199);
        assertThat(asked.getValue().size()).isEqualTo(SearchCriteria.MAX_SIZE);

        mvc.perform(get("/api/v1/search/suggest?q=x&size=" + SearchCriteria.MAX_SUGGESTIONS)).andExpect(status().isOk());
        mvc.perform(get("/api/v1/search/suggest?q=x")).andExpect(status().isOk());
        ArgumentCaptor<SearchCriteria.Suggest> suggested = ArgumentCaptor.forClass(SearchCriteria.Suggest.class);
        verify(search, org.mockito.Mockito.times(2)).suggest(suggested.capture());
        assertThat(suggested.getAllValues()).extracting(SearchCriteria.Suggest::size)
                .containsExactly(SearchCriteria.MAX_SUGGESTIONS, SearchCriteria.DEFAULT_SUGGESTIONS);
    }

    @Test
    void withoutPageOrSizeTheDefaultsApply() throws Exception {
        mvc.perform(get("/api/v1/search?region=4502")).andExpect(status().isOk());
        ArgumentCaptor<SearchCriteria> asked = ArgumentCaptor.forClass(SearchCriteria.class);
        verify(search).search(asked.capture(), org.mockito.ArgumentMatchers.eq(false)); // no record counts unless asked
        assertThat(asked.getValue().page()).isZero();
        assertThat(asked.getValue().size()).isEqualTo(SearchCriteria.DEFAULT_SIZE);
        verify(search, org.mockito.Mockito.never()).suggest(any());
    }
}
