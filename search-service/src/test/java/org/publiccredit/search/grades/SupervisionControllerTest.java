package org.publiccredit.search.grades;

import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyInt;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.when;
import static org.publiccredit.testkit.SliceTokens.as;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.publiccredit.search.config.SupervisionProperties;
import org.publiccredit.search.config.WebSlice;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;

/**
 * The list of samples: page and size out of range are 400 naming the parameter with FIELD_RANGE, by their constraints or,
 * past 10,000 samples deep, by the controller (GradesIT asserts size=101 through the gateway too).
 */
@WebMvcTest(SupervisionController.class)
@Import(WebSlice.class)
class SupervisionControllerTest {

    @Autowired
    private MockMvc mvc;
    @MockitoBean
    private Sampler sampler;
    @MockitoBean
    private SampleStore store;
    @MockitoBean
    private SupervisionProperties settings;

    @ParameterizedTest
    @CsvSource({
            "size=101,          size",
            "size=0,            size",
            "page=-1,           page",
            "page=10000,        page",
            "page=500&size=20,  page",
            "page=100&size=100, page"})
    void aPageOrSizeOutOfRangeIs400NamingIt(String query, String field) throws Exception {
        mvc.perform(get("/api/v1/supervision/samples?" + query).with(as("officer-market")))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.code").value("VALIDATION_FAILED"))
                .andExpect(jsonPath("$.errors.length()").value(1))
                .andExpect(jsonPath("$.errors[0].field").value(field))
                .andExpect(jsonPath("$.errors[0].code").value("FIELD_RANGE"));
        verify(store, never()).page(any(), anyInt(), anyInt());
    }

    @Test
    void theDeepestPageIsServed() throws Exception {
        when(store.page(any(), anyInt(), anyInt())).thenReturn(new SampleStore.Page(0, List.of()));
        mvc.perform(get("/api/v1/supervision/samples?page=99&size=100").with(as("admin")))
                .andExpect(status().isOk()).andExpect(jsonPath("$.page").value(99));
        mvc.perform(get("/api/v1/supervision/samples").with(as("officer-market")))
                .andExpect(status().isOk()).andExpect(jsonPath("$.size").value(20));
        verify(store).page(eq("market"), eq(0), eq(20));
    }

    @Test
    void aTypeMismatchKeepsItsOwnCode() throws Exception {
        mvc.perform(get("/api/v1/supervision/samples?size=x").with(as("officer-market")))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.code").value("PARAMETER_INVALID"));
        verify(store, never()).page(any(), anyInt(), anyInt());
    }
}
