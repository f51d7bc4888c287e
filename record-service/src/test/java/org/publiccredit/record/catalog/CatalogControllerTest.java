package org.publiccredit.record.catalog;

import static org.hamcrest.Matchers.hasItem;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.mockito.Mockito.when;
import static org.publiccredit.record.config.ProblemMatchers.field;
import static org.publiccredit.record.config.ProblemMatchers.problem;
import static org.publiccredit.testkit.SliceTokens.as;
import static org.publiccredit.testkit.SliceTokens.bearer;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.mockito.Answers;
import org.publiccredit.record.config.WebSlice;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.context.annotation.Import;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.bean.override.mockito.MockReset;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.MockMvcRequestBuilders;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.json.JsonMapper;

/**
 * The catalog API's refusals through the real {@link Catalog}: it loads the shipped file at start (scenarios and
 * evaluation rules), its tables are an empty mock, and every edit is written inside {@link TransactionTemplate}.
 */
@WebMvcTest(CatalogController.class)
@Import({WebSlice.class, Catalog.class})
class CatalogControllerTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @Autowired
    private MockMvc mvc;
    @MockitoBean(answers = Answers.RETURNS_DEEP_STUBS)
    private JdbcClient jdbc;
    /** Reset before each test: the start-up load of the file used it. */
    @MockitoBean(reset = MockReset.BEFORE)
    private TransactionTemplate tx;

    private static MockHttpServletRequestBuilder put(String code, String body) {
        return MockMvcRequestBuilders.put("/api/v1/catalog/" + code).contentType(MediaType.APPLICATION_JSON).content(body);
    }

    private static String penalty() {
        return JSON.writeValueAsString(CatalogFixtures.entry("ADM_PENALTY"));
    }

    @Test
    void anyoneReadsTheCatalogAndItsEvaluationRules() throws Exception {
        mvc.perform(get("/api/v1/catalog"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.scenarios[*].code").value(hasItem("GOV_PROCUREMENT")));
        mvc.perform(get("/api/v1/catalog/evaluation-rules"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.startScore").isNumber());
    }

    @Test
    @SuppressWarnings("unchecked")
    void anUnknownEntryAndItsHistoryAre404() throws Exception {
        when(jdbc.sql(anyString()).param(any()).query(any(RowMapper.class)).list()).thenReturn(List.of());
        mvc.perform(get("/api/v1/catalog/NO_SUCH_CATEGORY"))
                .andExpect(problem(HttpStatus.NOT_FOUND, "NOT_FOUND"));
        mvc.perform(get("/api/v1/catalog/NO_SUCH_CATEGORY/history"))
                .andExpect(problem(HttpStatus.NOT_FOUND, "NOT_FOUND"));
    }

    @Test
    void editingWithoutATokenIs401() throws Exception {
        mvc.perform(put("ADM_PENALTY", penalty()))
                .andExpect(problem(HttpStatus.UNAUTHORIZED, "UNAUTHENTICATED"));
        verifyNoInteractions(tx);
    }

    @Test
    void editingWithAForgedTokenIs401() throws Exception {
        mvc.perform(put("ADM_PENALTY", penalty()).with(bearer("forged")))
                .andExpect(problem(HttpStatus.UNAUTHORIZED, "UNAUTHENTICATED"));
        verifyNoInteractions(tx);
    }

    @ParameterizedTest
    @ValueSource(strings = {"officer", "officer-market", "partner", "ent1", "citizen1", "reviewer", "internal"})
    void onlyAdminsEditTheCatalog(String who) throws Exception {
        mvc.perform(put("ADM_PENALTY", penalty()).with(as(who)))
                .andExpect(problem(HttpStatus.FORBIDDEN, "ACCESS_DENIED"));
        verifyNoInteractions(tx);
    }

    @Test
    void aBodyForAnotherEntryThanThePathIs400OnCode() throws Exception {
        mvc.perform(put("ADM_LICENSE", penalty()).with(as("admin")))
                .andExpect(problem(HttpStatus.BAD_REQUEST, "CATALOG_CODE_MISMATCH"))
                .andExpect(field("code", "CATALOG_CODE_MISMATCH"));
        verifyNoInteractions(tx);
    }

    @Test
    void anIncompleteEntryIs400NamingEachMissingPart() throws Exception {
        String body = "{\"code\":\"bad-code\",\"public\":true,\"naturalPersonsPublic\":false,\"doublePublicity\":false}";
        mvc.perform(put("bad-code", body).with(as("admin")))
                .andExpect(problem(HttpStatus.BAD_REQUEST, "CATALOG_ENTRY_INVALID"))
                .andExpect(field("code", "CATALOG_CODE_INVALID"))
                .andExpect(field("nameZh", "FIELD_NOT_BLANK"))
                .andExpect(field("kind", "FIELD_NOT_NULL"))
                .andExpect(field("suppliers", "CATALOG_SUPPLIERS_MISSING"))
                .andExpect(field("sharing", "FIELD_NOT_NULL"))
                .andExpect(field("publicity", "FIELD_NOT_NULL"));
        verifyNoInteractions(tx);
    }

    @Test
    void anUnknownKindIs400OnKind() throws Exception {
        String body = penalty().replace("\"kind\":\"PENALTY\"", "\"kind\":\"FINE\"");
        mvc.perform(put("ADM_PENALTY", body).with(as("admin")))
                .andExpect(problem(HttpStatus.BAD_REQUEST, "VALIDATION_FAILED"))
                .andExpect(jsonPath("$.errors[*].field").value(hasItem("kind")));
        verifyNoInteractions(tx);
    }

    @Test
    void aBodyThatIsNoJsonIs400() throws Exception {
        mvc.perform(put("ADM_PENALTY", "{\"code\":").with(as("admin")))
                .andExpect(problem(HttpStatus.BAD_REQUEST, "MALFORMED_BODY"));
        verifyNoInteractions(tx);
    }
}
