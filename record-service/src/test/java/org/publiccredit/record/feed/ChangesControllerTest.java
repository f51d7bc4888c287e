package org.publiccredit.record.feed;

import static org.mockito.Mockito.verify;
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
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.publiccredit.commons.feed.ChangeLogPages;
import org.publiccredit.record.config.WebSlice;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.context.annotation.Import;
import org.springframework.http.HttpStatus;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;

/** The record change feed for the platform's own services: role internal only; its paging parameters are checked. */
@WebMvcTest(ChangesController.class)
@Import(WebSlice.class)
class ChangesControllerTest {

    private static final String CHANGES = "/internal/v1/changes";

    @Autowired
    private MockMvc mvc;
    @MockitoBean
    private RecordChanges changes;

    @Test
    void withoutATokenIs401() throws Exception {
        mvc.perform(get(CHANGES))
                .andExpect(problem(HttpStatus.UNAUTHORIZED, "UNAUTHENTICATED"));
        mvc.perform(get(CHANGES).with(bearer("forged")))
                .andExpect(problem(HttpStatus.UNAUTHORIZED, "UNAUTHENTICATED"));
        verifyNoInteractions(changes);
    }

    @ParameterizedTest
    @ValueSource(strings = {"admin", "officer", "partner", "ent1", "citizen1", "reviewer"})
    void onlyTheInternalRoleReadsIt(String who) throws Exception {
        mvc.perform(get(CHANGES).with(as(who)))
                .andExpect(problem(HttpStatus.FORBIDDEN, "ACCESS_DENIED"));
        verifyNoInteractions(changes);
    }

    @ParameterizedTest
    @CsvSource({"after, -1, FIELD_MIN", "limit, 0, FIELD_MIN", "limit, 5001, FIELD_MAX"})
    void aParameterOutOfRangeIs400OnIt(String parameter, String value, String code) throws Exception {
        mvc.perform(get(CHANGES).param(parameter, value).with(as("internal")))
                .andExpect(problem(HttpStatus.BAD_REQUEST, "VALIDATION_FAILED"))
                .andExpect(field(parameter, code));
        verifyNoInteractions(changes);
    }

    @Test
    void aParameterThatIsNoNumberIs400OnIt() throws Exception {
        mvc.perform(get(CHANGES).param("limit", "all").with(as("internal")))
                .andExpect(problem(HttpStatus.BAD_REQUEST, "PARAMETER_INVALID"))
                .andExpect(field("limit", "PARAMETER_INVALID"));
        verifyNoInteractions(changes);
    }

    @Test
    void aServiceReadsTheChangesAfterItsPosition() throws Exception {
        when(changes.after(41L, 500)).thenReturn(new ChangeLogPages.Page(List.of(new tools.jackson.databind.util.RawValue("{\"seq\":42,\"kind\":\"UPSERT\"}")), 42, false, 42));
        mvc.perform(get(CHANGES).param("after", "41").with(as("internal")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.changes[0].seq").value(42))
                .andExpect(jsonPath("$.changes[0].kind").value("UPSERT"))
                .andExpect(jsonPath("$.lastSeq").value(42))
                .andExpect(jsonPath("$.hasMore").value(false));
        verify(changes).after(41L, 500);
    }
}
