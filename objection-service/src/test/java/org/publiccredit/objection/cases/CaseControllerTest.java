package org.publiccredit.objection.cases;

import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyInt;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;
import static org.publiccredit.objection.ProblemAnswers.offending;
import static org.publiccredit.objection.ProblemAnswers.problem;
import static org.publiccredit.testkit.SliceTokens.as;
import static org.publiccredit.testkit.SliceTokens.bearer;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.publiccredit.objection.WebSlice;
import org.publiccredit.objection.attachment.Attachments;
import org.publiccredit.objection.effect.EffectOutbox;
import org.publiccredit.objection.notify.Notifications;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;
import org.springframework.http.MediaType;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/**
 * The refusals of the case API. The role and ownership rules run for real ({@code CaseService}, {@code Queues},
 * {@code CaseAccess}, {@code CaseFile}); only the storage under them is mocked. The case is ent1's objection about a
 * market record of region 450200.
 */
@WebSlice(CaseController.class)
@Import({CaseService.class, Queues.class})
class CaseControllerTest {

    @Autowired
    MockMvc mvc;

    @MockitoBean
    CaseRepository cases;
    @MockitoBean
    EffectOutbox outbox;
    @MockitoBean
    Deadlines deadlines;
    @MockitoBean
    Attachments attachments;
    @MockitoBean
    Notifications notifications;
    @MockitoBean
    CaseViews views;

    private final CaseFile submitted = CaseFixtures.submitted(CaseKind.OBJECTION, Instant.parse("2026-05-04T02:00:00Z"));
    private final String path = "/api/v1/cases/" + submitted.id();

    @BeforeEach
    void ent1HasASubmittedObjection() {
        when(cases.find(submitted.id())).thenReturn(Optional.of(submitted));
    }

    @Test
    void anonymousCallersAndForgedTokensAreUnauthenticated() throws Exception {
        mvc.perform(get("/api/v1/cases/mine")).andExpect(problem(401, "UNAUTHENTICATED"));
        mvc.perform(get(path)).andExpect(problem(401, "UNAUTHENTICATED"));
        mvc.perform(json(post(path + ":accept"), "{}")).andExpect(problem(401, "UNAUTHENTICATED"));
        mvc.perform(get(path).with(bearer("forged"))).andExpect(problem(401, "UNAUTHENTICATED"));
    }

    @Test
    void queuesAreForReviewersAndOfficersOnly() throws Exception {
        mvc.perform(get("/api/v1/cases?queue=new").with(as("citizen1"))).andExpect(problem(403, "ACCESS_DENIED"));
        mvc.perform(get("/api/v1/cases?queue=new").with(as("ent1"))).andExpect(problem(403, "ACCESS_DENIED"));
        mvc.perform(get("/api/v1/cases").with(as("admin"))).andExpect(problem(403, "ACCESS_DENIED"));
    }

    @Test
    void onlyTheRoleATransitionNeedsMayTakeIt() throws Exception {
        mvc.perform(json(post(path + ":accept").with(as("ent1")), "{}")).andExpect(problem(403, "ACCESS_DENIED"));
        mvc.perform(json(post(path + ":accept").with(as("officer-market")), "{}")).andExpect(problem(403, "ACCESS_DENIED"));
        mvc.perform(json(post(path + ":propose").with(as("reviewer")), "{\"outcome\":\"UPHELD\",\"reason\":\"correct as recorded\"}"))
                .andExpect(problem(403, "ACCESS_DENIED"));
        mvc.perform(json(post(path + ":withdraw").with(as("reviewer")), "{}")).andExpect(problem(403, "ACCESS_DENIED"));
        mvc.perform(post(path + "/effects/objection-service:" + submitted.id() + ":dispute:retry").with(as("ent1")))
                .andExpect(problem(403, "ACCESS_DENIED"));
        verify(cases, never()).update(any(), any());
    }

    @Test
    void someoneElsesCaseLooksAbsent() throws Exception {
        mvc.perform(get(path).with(as("ent2"))).andExpect(problem(404, "NOT_FOUND"));
        mvc.perform(get(path).with(as("citizen1"))).andExpect(problem(404, "NOT_FOUND"));
        mvc.perform(get(path).with(as("officer"))).andExpect(problem(404, "NOT_FOUND"));
        mvc.perform(json(post(path + ":accept").with(as("reviewer2")), "{}")).andExpect(problem(404, "NOT_FOUND"));
        mvc.perform(json(post(path + ":withdraw").with(as("ent2")), "{}")).andExpect(problem(404, "NOT_FOUND"));
        mvc.perform(get(path + "/attachments/" + UUID.randomUUID()).with(as("ent2"))).andExpect(problem(404, "NOT_FOUND"));
        mvc.perform(get("/api/v1/cases/" + UUID.randomUUID()).with(as("ent1"))).andExpect(problem(404, "NOT_FOUND"));
        verify(cases, never()).update(any(), any());
    }

    @Test
    void badInputNamesTheField() throws Exception {
        mvc.perform(json(post(path + ":refuse").with(as("reviewer")), "{\"reason\":\"   \"}"))
                .andExpect(problem(400, "VALIDATION_FAILED")).andExpect(offending("reason", "FIELD_NOT_BLANK"));
        mvc.perform(json(post(path + ":decide").with(as("reviewer")), "{\"outcome\":\"APPROVED\"}"))
                .andExpect(problem(400, "VALIDATION_FAILED")).andExpect(offending("reason", "FIELD_NOT_BLANK"));
        mvc.perform(json(post(path + ":withdraw").with(as("ent1")), "{\"reason\":\"" + "x".repeat(2001) + "\"}"))
                .andExpect(problem(400, "VALIDATION_FAILED")).andExpect(offending("reason", "FIELD_SIZE"));
        mvc.perform(get("/api/v1/cases/mine?size=1000").with(as("ent1")))
                .andExpect(problem(400, "VALIDATION_FAILED")).andExpect(offending("size", "FIELD_MAX"));
        mvc.perform(get("/api/v1/cases?queue=later").with(as("reviewer")))
                .andExpect(problem(400, "PARAMETER_INVALID")).andExpect(offending("queue", "PARAMETER_INVALID"));
        mvc.perform(get("/api/v1/cases/not-a-case").with(as("ent1")))
                .andExpect(problem(400, "PARAMETER_INVALID")).andExpect(offending("id", "PARAMETER_INVALID"));
        verify(cases, never()).findByOwner(any(), anyInt(), anyInt());
    }

    private static MockHttpServletRequestBuilder json(MockHttpServletRequestBuilder request, String body) {
        return request.contentType(MediaType.APPLICATION_JSON).content(body);
    }
}
