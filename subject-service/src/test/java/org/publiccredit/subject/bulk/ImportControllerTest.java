package org.publiccredit.subject.bulk;

import static org.hamcrest.Matchers.containsString;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyBoolean;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.mockito.Mockito.when;
import static org.publiccredit.testkit.SliceTokens.as;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.publiccredit.subject.config.WebSlice;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/** The import's refusals: who may import, which bodies, and an import that stops early (a problem carrying its report). */
@WebMvcTest(ImportController.class)
@Import(WebSlice.class)
class ImportControllerTest {

    private static final byte[] ROW = "{\"code\":\"91450200MA5K00012P\",\"name\":\"甲\"}\n".getBytes(StandardCharsets.UTF_8);
    private static final ImportReport PART = new ImportReport(new ImportReport.Totals(3, 1, 0, 0, 2), List.of(), true);

    @Autowired
    private MockMvc mvc;
    @MockitoBean
    private ImportService imports;

    private static MockHttpServletRequestBuilder ndjson(String contentType) {
        return post("/api/v1/subjects:import").contentType(contentType).content(ROW);
    }

    @Test
    void anonymousCallersAre401() throws Exception {
        mvc.perform(ndjson("application/x-ndjson"))
                .andExpect(status().isUnauthorized()).andExpect(jsonPath("$.code").value("UNAUTHENTICATED"));
        verifyNoInteractions(imports);
    }

    @ParameterizedTest
    @ValueSource(strings = {"ent1", "citizen1", "reviewer", "internal"})
    void onlyOfficersPartnersAndAdminsImport(String who) throws Exception {
        mvc.perform(ndjson("application/x-ndjson").with(as(who)))
                .andExpect(status().isForbidden()).andExpect(jsonPath("$.code").value("ACCESS_DENIED"));
        verifyNoInteractions(imports);
    }

    @Test
    void anotherCharsetThanUtf8Is415() throws Exception {
        mvc.perform(ndjson("application/x-ndjson; charset=GBK").with(as("officer")))
                .andExpect(status().isUnsupportedMediaType())
                .andExpect(jsonPath("$.code").value("UNSUPPORTED_CHARSET"));
        verifyNoInteractions(imports);
    }

    @Test
    void anotherContentTypeIs415() throws Exception {
        mvc.perform(ndjson("application/json").with(as("officer")))
                .andExpect(status().isUnsupportedMediaType())
                .andExpect(jsonPath("$.code").value("UNSUPPORTED_MEDIA_TYPE"));
        verifyNoInteractions(imports);
    }

    @Test
    void tooManyRowsIs413WithTheReportOfTheRowsProcessed() throws Exception {
        when(imports.run(any(), anyBoolean(), any(), any())).thenReturn(new ImportService.Result(PART, ImportService.Stop.TOO_MANY_ROWS, 4));
        when(imports.maxRows()).thenReturn(3);
        mvc.perform(ndjson("application/x-ndjson").with(as("partner")).header("Accept-Language", "en"))
                .andExpect(status().isContentTooLarge())
                .andExpect(header().string("Content-Type", containsString("application/problem+json")))
                .andExpect(jsonPath("$.code").value("IMPORT_TOO_MANY_ROWS"))
                .andExpect(jsonPath("$.title").value("Too many rows"))
                .andExpect(jsonPath("$.detail").value(containsString("at most 3 rows; it stopped at row 4")))
                .andExpect(jsonPath("$.stoppedAtRow").value(4))
                .andExpect(jsonPath("$.totals.rows").value(3))
                .andExpect(jsonPath("$.totals.rejected").value(2))
                .andExpect(jsonPath("$.rows").isArray())
                .andExpect(jsonPath("$.rowsTruncated").value(true));
        mvc.perform(ndjson("application/x-ndjson").with(as("partner")))
                .andExpect(status().isContentTooLarge())
                .andExpect(jsonPath("$.title").value("导入行数过多"))
                .andExpect(jsonPath("$.detail").value(containsString("一次导入最多 3 行，导入在第 4 行停止")));
    }

    @Test
    void aRefusedBatchIs503WithTheReportOfTheRowsProcessed() throws Exception {
        when(imports.run(any(), anyBoolean(), any(), any())).thenReturn(new ImportService.Result(PART, ImportService.Stop.STORE_FAILED, 2));
        mvc.perform(ndjson("application/x-ndjson").with(as("admin")).header("Accept-Language", "en"))
                .andExpect(status().isServiceUnavailable())
                .andExpect(jsonPath("$.code").value("IMPORT_INTERRUPTED"))
                .andExpect(jsonPath("$.detail").value(containsString("the batch that starts at row 2")))
                .andExpect(jsonPath("$.stoppedAtRow").value(2))
                .andExpect(jsonPath("$.totals.created").value(1))
                .andExpect(jsonPath("$.rowsTruncated").value(true));
    }

    @Test
    void aCompleteImportAnswersTheReport() throws Exception {
        when(imports.run(any(), anyBoolean(), any(), any())).thenReturn(new ImportService.Result(PART, ImportService.Stop.NONE, 0));
        mvc.perform(post("/api/v1/subjects:import").contentType("text/csv").content("code,name\n").with(as("officer")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.totals.rows").value(3))
                .andExpect(jsonPath("$.code").doesNotExist());
    }
}
