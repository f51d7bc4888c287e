package org.publiccredit.objection.seed;

import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.publiccredit.objection.ProblemAnswers.offending;
import static org.publiccredit.objection.ProblemAnswers.problem;
import static org.publiccredit.testkit.SliceTokens.as;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.publiccredit.objection.WebSlice;
import org.publiccredit.objection.cases.CaseRepository;
import org.publiccredit.objection.cases.Deadlines;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/** The refusals of the seed-only backdating (enabled here as in the local profile): admins only, 1-365 days, a known case. */
@WebSlice(value = BackdateController.class, properties = "platform.seed.backdating-enabled=true")
@Import(Backdating.class)
class BackdateControllerTest {

    private static final String PATH = "/api/v1/cases/" + UUID.randomUUID() + ":backdate";

    @Autowired
    MockMvc mvc;

    @MockitoBean
    CaseRepository cases;
    @MockitoBean
    Deadlines deadlines;
    @MockitoBean
    JdbcClient jdbc;

    @Test
    void anonymousCallersAreUnauthenticated() throws Exception {
        mvc.perform(days(post(PATH), 30)).andExpect(problem(401, "UNAUTHENTICATED"));
    }

    @Test
    void onlyAdminsMayBackdate() throws Exception {
        for (String user : new String[] {"ent1", "citizen1", "reviewer", "officer-market"}) {
            mvc.perform(days(post(PATH).with(as(user)), 30)).andExpect(problem(403, "ACCESS_DENIED"));
        }
        verifyNoInteractions(cases, jdbc);
    }

    @Test
    void daysOutsideOneToAYearNameTheField() throws Exception {
        mvc.perform(days(post(PATH).with(as("admin")), 0)).andExpect(problem(400, "VALIDATION_FAILED")).andExpect(offending("days", "FIELD_MIN"));
        mvc.perform(days(post(PATH).with(as("admin")), 366)).andExpect(problem(400, "VALIDATION_FAILED")).andExpect(offending("days", "FIELD_MAX"));
        verifyNoInteractions(cases, jdbc);
    }

    @Test
    void anUnknownCaseIsNotFound() throws Exception {
        mvc.perform(days(post(PATH).with(as("admin")), 30)).andExpect(problem(404, "NOT_FOUND"));
        verifyNoInteractions(jdbc);
        verify(cases, never()).update(any(), any());
    }

    private static MockHttpServletRequestBuilder days(MockHttpServletRequestBuilder request, int days) {
        return request.contentType(MediaType.APPLICATION_JSON).content("{\"days\":" + days + "}");
    }
}
