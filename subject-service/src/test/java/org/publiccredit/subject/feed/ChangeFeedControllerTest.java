package org.publiccredit.subject.feed;

import static org.mockito.Mockito.verifyNoInteractions;
import static org.publiccredit.testkit.SliceTokens.as;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.publiccredit.subject.config.WebSlice;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;

/** The change feed: role internal only; its paging parameters are checked. */
@WebMvcTest(ChangeFeedController.class)
@Import(WebSlice.class)
class ChangeFeedControllerTest {

    @Autowired
    private MockMvc mvc;
    @MockitoBean
    private ChangeFeed feed;

    @Test
    void anonymousCallersAre401() throws Exception {
        mvc.perform(get("/internal/v1/changes"))
                .andExpect(status().isUnauthorized()).andExpect(jsonPath("$.code").value("UNAUTHENTICATED"));
        verifyNoInteractions(feed);
    }

    @ParameterizedTest
    @ValueSource(strings = {"admin", "officer", "partner", "ent1"})
    void onlyTheInternalRoleReadsIt(String who) throws Exception {
        mvc.perform(get("/internal/v1/changes").with(as(who)))
                .andExpect(status().isForbidden()).andExpect(jsonPath("$.code").value("ACCESS_DENIED"));
        verifyNoInteractions(feed);
    }

    @ParameterizedTest
    @CsvSource({"after, -1", "limit, 0", "limit, 5001"})
    void aParameterOutOfRangeIs400OnIt(String parameter, String value) throws Exception {
        mvc.perform(get("/internal/v1/changes").param(parameter, value).with(as("internal")))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.code").value("VALIDATION_FAILED"))
                .andExpect(jsonPath("$.errors[0].field").value(parameter));
        verifyNoInteractions(feed);
    }

    @Test
    void aParameterThatIsNoNumberIs400OnIt() throws Exception {
        mvc.perform(get("/internal/v1/changes").param("after", "x").with(as("internal")))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.code").value("PARAMETER_INVALID"))
                .andExpect(jsonPath("$.errors[0].field").value("after"));
        verifyNoInteractions(feed);
    }
}
