package org.publiccredit.subject.internal;

import static org.mockito.Mockito.verifyNoInteractions;
import static org.publiccredit.testkit.SliceTokens.as;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.publiccredit.subject.config.WebSlice;
import org.publiccredit.subject.registry.SubjectResolver;
import org.publiccredit.subject.registry.SubjectService;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.context.annotation.Import;
import org.springframework.http.MediaType;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/** The service-to-service endpoints: role internal only, and their input checks. */
@WebMvcTest(InternalSubjectController.class)
@Import(WebSlice.class)
class InternalSubjectControllerTest {

    @Autowired
    private MockMvc mvc;
    @MockitoBean
    private SubjectService subjects;
    @MockitoBean
    private SubjectResolver resolver;

    private static MockHttpServletRequestBuilder resolve(String body) {
        return post("/internal/v1/subjects:resolve").contentType(MediaType.APPLICATION_JSON).content(body);
    }

    @Test
    void anonymousCallersAre401() throws Exception {
        mvc.perform(resolve("{\"identifier\":\"91450200MA5K00012P\"}"))
                .andExpect(status().isUnauthorized()).andExpect(jsonPath("$.code").value("UNAUTHENTICATED"));
        verifyNoInteractions(resolver, subjects);
    }

    @ParameterizedTest
    @ValueSource(strings = {"admin", "officer", "partner", "ent1", "citizen1", "reviewer"})
    void onlyTheInternalRoleResolves(String who) throws Exception {
        mvc.perform(resolve("{\"identifier\":\"91450200MA5K00012P\"}").with(as(who)))
                .andExpect(status().isForbidden()).andExpect(jsonPath("$.code").value("ACCESS_DENIED"));
        mvc.perform(get("/internal/v1/subjects/00000000-0000-0000-0000-000000000001").with(as(who)))
                .andExpect(status().isForbidden()).andExpect(jsonPath("$.code").value("ACCESS_DENIED"));
        verifyNoInteractions(resolver, subjects);
    }

    @Test
    void aBlankIdentifierIs400OnIdentifier() throws Exception {
        mvc.perform(resolve("{\"identifier\":\" \",\"type\":\"ENTERPRISE\"}").with(as("internal")))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.code").value("VALIDATION_FAILED"))
                .andExpect(jsonPath("$.errors[0].field").value("identifier"))
                .andExpect(jsonPath("$.errors[0].code").value("FIELD_NOT_BLANK"));
        verifyNoInteractions(resolver);
    }

    @Test
    void anEmptyBatchIs400OnItems() throws Exception {
        mvc.perform(post("/internal/v1/subjects:resolveBatch").contentType(MediaType.APPLICATION_JSON).content("{\"items\":[]}")
                        .with(as("internal")))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.code").value("VALIDATION_FAILED"))
                .andExpect(jsonPath("$.errors[0].field").value("items"))
                .andExpect(jsonPath("$.errors[0].code").value("FIELD_SIZE"));
        verifyNoInteractions(resolver);
    }

    @Test
    void anIdThatIsNoUuidIs404() throws Exception {
        mvc.perform(get("/internal/v1/subjects/91450200MA5K00012P").with(as("internal")))
                .andExpect(status().isNotFound()).andExpect(jsonPath("$.code").value("NOT_FOUND"));
        verifyNoInteractions(subjects);
    }
}
