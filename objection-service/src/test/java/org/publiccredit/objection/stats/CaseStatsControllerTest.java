package org.publiccredit.objection.stats;

import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.publiccredit.objection.ProblemAnswers.offending;
import static org.publiccredit.objection.ProblemAnswers.problem;
import static org.publiccredit.testkit.SliceTokens.as;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import org.junit.jupiter.api.Test;
import org.publiccredit.objection.WebSlice;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;

/** The refusals of the case statistics: for admins, reviewers and officers only; months as yyyy-MM. */
@WebSlice(CaseStatsController.class)
class CaseStatsControllerTest {

    @Autowired
    MockMvc mvc;

    @MockitoBean
    CaseStatsService stats;

    @Test
    void anonymousCallersAreUnauthenticated() throws Exception {
        mvc.perform(get("/api/v1/cases/stats")).andExpect(problem(401, "UNAUTHENTICATED"));
    }

    @Test
    void applicantsSeeNoStatistics() throws Exception {
        mvc.perform(get("/api/v1/cases/stats").with(as("ent1"))).andExpect(problem(403, "ACCESS_DENIED"));
        mvc.perform(get("/api/v1/cases/stats").with(as("citizen1"))).andExpect(problem(403, "ACCESS_DENIED"));
        verify(stats, never()).stats(any(), any(), any());
    }

    @Test
    void aMonthThatIsNotYyyyMmNamesTheParameter() throws Exception {
        mvc.perform(get("/api/v1/cases/stats?from=2026-13").with(as("reviewer")))
                .andExpect(problem(400, "VALIDATION_FAILED")).andExpect(offending("from", "PARAMETER_INVALID"));
        mvc.perform(get("/api/v1/cases/stats?to=May").with(as("officer-market")))
                .andExpect(problem(400, "VALIDATION_FAILED")).andExpect(offending("to", "PARAMETER_INVALID"));
        verify(stats, never()).stats(any(), any(), any());
    }
}
