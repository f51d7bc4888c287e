package org.publiccredit.record.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.startsWith;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.doAnswer;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.mockito.Mockito.when;
import static org.publiccredit.record.config.ProblemMatchers.field;
import static org.publiccredit.record.config.ProblemMatchers.problem;
import static org.publiccredit.testkit.SliceTokens.as;
import static org.publiccredit.testkit.SliceTokens.bearer;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.mockito.ArgumentCaptor;
import org.publiccredit.record.catalog.Catalog;
import org.publiccredit.record.client.SubjectResolver;
import org.publiccredit.record.config.WebSlice;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.context.annotation.Import;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;

/**
 * The access log (the subject's own, from its token) and the admins' audit lists: who is refused, and the query
 * parameters ({@link AuditParams}). The access log is the real {@link AccessLog}; the lists' queries are mocked.
 */
@WebMvcTest(AuditController.class)
@Import({WebSlice.class, AccessLog.class})
class AuditControllerTest {

    @Autowired
    private MockMvc mvc;
    @MockitoBean
    private JdbcClient jdbc;
    @MockitoBean
    private SubjectResolver resolver;
    @MockitoBean
    private Catalog catalog;
    @MockitoBean
    private AuditLists lists;

    @Test
    void theAccessLogWithoutATokenIs401() throws Exception {
        mvc.perform(get("/api/v1/subjects/mine/access-log"))
                .andExpect(problem(HttpStatus.UNAUTHORIZED, "UNAUTHENTICATED"));
        mvc.perform(get("/api/v1/subjects/mine/access-log").with(bearer("forged")))
                .andExpect(problem(HttpStatus.UNAUTHORIZED, "UNAUTHENTICATED"));
        verifyNoInteractions(jdbc, resolver);
    }

    @ParameterizedTest
    @ValueSource(strings = {"officer", "partner", "admin", "reviewer", "internal"})
    void anAccountThatActsForNoSubjectHasNoAccessLog(String who) throws Exception {
        mvc.perform(get("/api/v1/subjects/mine/access-log").with(as(who)))
                .andExpect(problem(HttpStatus.NOT_FOUND, "SUBJECT_NOT_REGISTERED"));
        verifyNoInteractions(jdbc, resolver);
    }

    @ParameterizedTest
    @CsvSource({"page, -1", "page, 10001", "page, first", "size, 0", "size, 201"})
    void anAccessLogPageOutOfRangeIs400OnIt(String parameter, String value) throws Exception {
        mvc.perform(get("/api/v1/subjects/mine/access-log").param(parameter, value).with(as("ent1")))
                .andExpect(problem(HttpStatus.BAD_REQUEST, "VALIDATION_FAILED"))
                .andExpect(field(parameter, "FIELD_OUT_OF_RANGE"));
        verifyNoInteractions(jdbc, resolver);
    }

    @Test
    void theAuditListsWithoutATokenAre401() throws Exception {
        mvc.perform(get("/api/v1/audit/checks"))
                .andExpect(problem(HttpStatus.UNAUTHORIZED, "UNAUTHENTICATED"));
        mvc.perform(get("/api/v1/audit/reads").with(bearer("forged")))
                .andExpect(problem(HttpStatus.UNAUTHORIZED, "UNAUTHENTICATED"));
        verifyNoInteractions(lists);
    }

    @ParameterizedTest
    @ValueSource(strings = {"officer", "partner", "ent1", "citizen1", "reviewer", "internal"})
    void onlyAdminsReadTheAuditLists(String who) throws Exception {
        mvc.perform(get("/api/v1/audit/checks").with(as(who)))
                .andExpect(problem(HttpStatus.FORBIDDEN, "ACCESS_DENIED"));
        mvc.perform(get("/api/v1/audit/reads").param("format", "csv").with(as(who)))
                .andExpect(problem(HttpStatus.FORBIDDEN, "ACCESS_DENIED"));
        verifyNoInteractions(lists);
    }

    @Test
    void everyBadParameterIsAFieldOfOneProblem() throws Exception {
        mvc.perform(get("/api/v1/audit/checks").with(as("admin"))
                        .param("subject", "91450200MA5K00012Q")
                        .param("from", "2026-13-01")
                        .param("format", "xml")
                        .param("client", "c".repeat(101))
                        .param("size", "500"))
                .andExpect(problem(HttpStatus.BAD_REQUEST, "VALIDATION_FAILED"))
                .andExpect(field("subject", "USCC_CHECK_DIGIT"))
                .andExpect(field("from", "DATE_INVALID"))
                .andExpect(field("format", "FIELD_INVALID"))
                .andExpect(field("client", "FIELD_TOO_LONG"))
                .andExpect(field("size", "FIELD_OUT_OF_RANGE"));
        verifyNoInteractions(lists);
    }

    @Test
    void aRangeThatEndsBeforeItStartsIs400OnTo() throws Exception {
        mvc.perform(get("/api/v1/audit/reads").param("from", "2026-12-06").param("to", "2026-12-01").with(as("admin")))
                .andExpect(problem(HttpStatus.BAD_REQUEST, "VALIDATION_FAILED"))
                .andExpect(field("to", "RANGE_INVALID"));
        verifyNoInteractions(lists);
    }

    @Test
    void anAdminReadsAPageOfChecksForTheDaysAsked() throws Exception {
        when(lists.checks(any())).thenReturn(new AuditPage<>(List.of(), 2, 50, 101));
        mvc.perform(get("/api/v1/audit/checks").param("from", "2026-12-01").param("to", "2026-12-06")
                        .param("page", "2").param("size", "50").with(as("admin")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.total").value(101))
                .andExpect(jsonPath("$.page").value(2));
        ArgumentCaptor<AuditParams> asked = ArgumentCaptor.forClass(AuditParams.class);
        verify(lists).checks(asked.capture());
        assertThat(asked.getValue().from()).isEqualTo(LocalDate.of(2026, 12, 1).atStartOfDay(AuditParams.ZONE).toInstant());
        assertThat(asked.getValue().to()).isEqualTo(LocalDate.of(2026, 12, 7).atStartOfDay(AuditParams.ZONE).toInstant());
        assertThat(asked.getValue().csv()).isFalse();
    }

    @Test
    void anAdminExportsTheReadsAsCsv() throws Exception {
        doAnswer(call -> {
            call.<OutputStream>getArgument(1).write("id,at\n".getBytes(StandardCharsets.UTF_8));
            return null;
        }).when(lists).readsCsv(any(), any());
        mvc.perform(get("/api/v1/audit/reads").header(HttpHeaders.ACCEPT, "text/csv").with(as("admin")))
                .andExpect(status().isOk())
                .andExpect(content().contentTypeCompatibleWith(MediaType.parseMediaType("text/csv")))
                .andExpect(header().string(HttpHeaders.CONTENT_DISPOSITION, startsWith("attachment; filename=\"file-reads-")))
                .andExpect(content().string("id,at\n"));
        verify(lists).readsCsv(any(), any());
    }
}
