package org.publiccredit.record.publicity;

import static org.mockito.Mockito.verifyNoInteractions;
import static org.mockito.Mockito.when;
import static org.publiccredit.record.config.ProblemMatchers.field;
import static org.publiccredit.record.config.ProblemMatchers.problem;
import static org.publiccredit.testkit.SliceTokens.as;
import static org.publiccredit.testkit.SliceTokens.bearer;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.publiccredit.record.config.WebSlice;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.context.annotation.Import;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/** The summaries search-service reads: role internal only; subject ids and the batch's size are checked. */
@WebMvcTest(InternalSummaryController.class)
@Import(WebSlice.class)
class InternalSummaryControllerTest {

    private static final UUID SUBJECT = UUID.randomUUID();

    @Autowired
    private MockMvc mvc;
    @MockitoBean
    private SummaryService summaries;

    private static MockHttpServletRequestBuilder batch(String body) {
        return post("/internal/v1/subjects:summaries").contentType(MediaType.APPLICATION_JSON).content(body);
    }

    private static String ids(Stream<String> ids) {
        return ids.map(id -> "\"" + id + "\"").collect(Collectors.joining(",", "{\"subjectIds\":[", "]}"));
    }

    private static SummaryService.Summary empty(UUID subject) {
        return new SummaryService.Summary(subject, null, Map.of(), List.of(), List.of(), List.of(), List.of(), List.of(), null, null);
    }

    @Test
    void withoutATokenIs401() throws Exception {
        mvc.perform(get("/internal/v1/subjects/" + SUBJECT + "/summary"))
                .andExpect(problem(HttpStatus.UNAUTHORIZED, "UNAUTHENTICATED"));
        mvc.perform(batch(ids(Stream.of(SUBJECT.toString()))).with(bearer("forged")))
                .andExpect(problem(HttpStatus.UNAUTHORIZED, "UNAUTHENTICATED"));
        verifyNoInteractions(summaries);
    }

    @ParameterizedTest
    @ValueSource(strings = {"admin", "officer", "partner", "ent1", "citizen1", "reviewer"})
    void onlyTheInternalRoleReadsSummaries(String who) throws Exception {
        mvc.perform(get("/internal/v1/subjects/" + SUBJECT + "/summary").with(as(who)))
                .andExpect(problem(HttpStatus.FORBIDDEN, "ACCESS_DENIED"));
        mvc.perform(batch(ids(Stream.of(SUBJECT.toString()))).with(as(who)))
                .andExpect(problem(HttpStatus.FORBIDDEN, "ACCESS_DENIED"));
        verifyNoInteractions(summaries);
    }

    @Test
    void aSubjectIdThatIsNoUuidIs404() throws Exception {
        mvc.perform(get("/internal/v1/subjects/91450200MA5K00012P/summary").with(as("internal")))
                .andExpect(problem(HttpStatus.NOT_FOUND, "NOT_FOUND"));
        verifyNoInteractions(summaries);
    }

    @Test
    void moreThanTheBatchLimitIs400OnSubjectIds() throws Exception {
        String tooMany = ids(Stream.generate(() -> UUID.randomUUID().toString()).limit(SummaryService.MAX_BATCH + 1));
        mvc.perform(batch(tooMany).with(as("internal")))
                .andExpect(problem(HttpStatus.BAD_REQUEST, "VALIDATION_FAILED"))
                .andExpect(field("subjectIds", "TOO_MANY_SUBJECTS"));
        verifyNoInteractions(summaries);
    }

    @Test
    void anIdThatIsNoUuidIs400NamingItsPlace() throws Exception {
        mvc.perform(batch(ids(Stream.of(SUBJECT.toString(), "91450200MA5K00012P"))).with(as("internal")))
                .andExpect(problem(HttpStatus.BAD_REQUEST, "VALIDATION_FAILED"))
                .andExpect(field("subjectIds[1]", "SUBJECT_ID_INVALID"));
        mvc.perform(batch("{\"subjectIds\":[null]}").with(as("internal")))
                .andExpect(problem(HttpStatus.BAD_REQUEST, "VALIDATION_FAILED"))
                .andExpect(field("subjectIds[0]", "SUBJECT_ID_INVALID"));
        verifyNoInteractions(summaries);
    }

    @Test
    void aBodyThatIsNoJsonIs400() throws Exception {
        mvc.perform(batch("{\"subjectIds\":[").with(as("internal")))
                .andExpect(problem(HttpStatus.BAD_REQUEST, "MALFORMED_BODY"));
        verifyNoInteractions(summaries);
    }

    @Test
    void aServiceReadsOneSummaryAndABatch() throws Exception {
        when(summaries.summary(SUBJECT)).thenReturn(empty(SUBJECT));
        when(summaries.summaries(List.of(SUBJECT))).thenReturn(List.of(empty(SUBJECT)));
        mvc.perform(get("/internal/v1/subjects/" + SUBJECT + "/summary").with(as("internal")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.subjectId").value(SUBJECT.toString()));
        mvc.perform(batch(ids(Stream.of(SUBJECT.toString()))).with(as("internal")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.summaries[0].subjectId").value(SUBJECT.toString()));
    }
}
