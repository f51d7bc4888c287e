package org.publiccredit.objection.calendar;

import static org.publiccredit.objection.ProblemAnswers.offending;
import static org.publiccredit.objection.ProblemAnswers.problem;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.junit.jupiter.api.Test;
import org.publiccredit.objection.WebSlice;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

/** The public calendar (commons' working-day calendar): open to anonymous reads only, refusals as problems. */
@WebSlice(CalendarController.class)
class CalendarControllerTest {

    @Autowired
    MockMvc mvc;

    @Test
    void anonymousCallersMayReadAYear() throws Exception {
        mvc.perform(get("/api/v1/calendar/2026")).andExpect(status().isOk()).andExpect(jsonPath("$.year").value(2026));
    }

    @Test
    void anythingButAReadNeedsAToken() throws Exception {
        mvc.perform(post("/api/v1/calendar/2026")).andExpect(problem(401, "UNAUTHENTICATED"));
    }

    @Test
    void aYearThatIsNotANumberNamesTheParameter() throws Exception {
        mvc.perform(get("/api/v1/calendar/abc")).andExpect(problem(400, "PARAMETER_INVALID")).andExpect(offending("year", "PARAMETER_INVALID"));
    }

    @Test
    void aYearWithoutItsCalendarIsNotFound() throws Exception {
        mvc.perform(get("/api/v1/calendar/2031")).andExpect(problem(404, "CALENDAR_YEAR_MISSING"));
    }
}
