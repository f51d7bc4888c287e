package org.publiccredit.subject.identifier;

import static org.publiccredit.testkit.SliceTokens.bearer;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.junit.jupiter.api.Test;
import org.publiccredit.subject.config.WebSlice;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.context.annotation.Import;
import org.springframework.test.web.servlet.MockMvc;

/** The identifier check is open to anyone; its only refusals are a bad token and a bad {@code kind}. */
@WebMvcTest(IdentifierController.class)
@Import(WebSlice.class)
class IdentifierControllerTest {

    @Autowired
    private MockMvc mvc;

    @Test
    void anonymousCallersMayCheck() throws Exception {
        mvc.perform(get("/api/v1/identifiers/91450200MA5K00012P"))
                .andExpect(status().isOk()).andExpect(jsonPath("$.valid").value(true)).andExpect(jsonPath("$.kind").value("USCC"));
    }

    @Test
    void anInvalidTokenIs401EvenWhereNoneIsNeeded() throws Exception {
        mvc.perform(get("/api/v1/identifiers/91450200MA5K00012P").with(bearer("forged")))
                .andExpect(status().isUnauthorized()).andExpect(jsonPath("$.code").value("UNAUTHENTICATED"));
    }

    @Test
    void anUnknownKindIs400OnKind() throws Exception {
        mvc.perform(get("/api/v1/identifiers/91450200MA5K00012P").param("kind", "PASSPORT"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.code").value("PARAMETER_INVALID"))
                .andExpect(jsonPath("$.errors[0].field").value("kind"));
    }
}
