package org.publiccredit.subject.access;

import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.mockito.Mockito.when;
import static org.publiccredit.testkit.SliceTokens.CITIZEN1;
import static org.publiccredit.testkit.SliceTokens.as;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.publiccredit.subject.config.WebSlice;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.context.annotation.Import;
import org.springframework.http.MediaType;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/** Look-up (officer, partner, admin) and reveal / audit (admin only) of natural persons: who is refused, and which input. */
@WebMvcTest(PersonAccessController.class)
@Import(WebSlice.class)
class PersonAccessControllerTest {

    private static final String PERSON_ID = UUID.randomUUID().toString();

    @Autowired
    private MockMvc mvc;
    @MockitoBean
    private PersonAccess access;

    private static MockHttpServletRequestBuilder lookup(String body) {
        return post("/api/v1/subjects/lookup").contentType(MediaType.APPLICATION_JSON).content(body);
    }

    private static MockHttpServletRequestBuilder reveal(String reason) {
        return post("/api/v1/subjects/" + PERSON_ID + "/id-number:reveal").contentType(MediaType.APPLICATION_JSON)
                .content("{\"reason\":\"" + reason + "\"}");
    }

    @Test
    void anonymousCallersAre401() throws Exception {
        mvc.perform(lookup("{\"idNumber\":\"" + CITIZEN1 + "\",\"purpose\":\"执法检查\"}"))
                .andExpect(status().isUnauthorized()).andExpect(jsonPath("$.code").value("UNAUTHENTICATED"));
        mvc.perform(reveal("复核身份证号码是否录入正确"))
                .andExpect(status().isUnauthorized()).andExpect(jsonPath("$.code").value("UNAUTHENTICATED"));
        mvc.perform(get("/api/v1/subjects/" + PERSON_ID + "/pii-access"))
                .andExpect(status().isUnauthorized()).andExpect(jsonPath("$.code").value("UNAUTHENTICATED"));
        verifyNoInteractions(access);
    }

    @ParameterizedTest
    @ValueSource(strings = {"ent1", "citizen1", "reviewer", "internal"})
    void onlyOfficersPartnersAndAdminsLookUp(String who) throws Exception {
        mvc.perform(lookup("{\"idNumber\":\"" + CITIZEN1 + "\",\"purpose\":\"执法检查\"}").with(as(who)))
                .andExpect(status().isForbidden()).andExpect(jsonPath("$.code").value("ACCESS_DENIED"));
        verifyNoInteractions(access);
    }

    @ParameterizedTest
    @ValueSource(strings = {"officer", "partner", "ent1", "citizen1", "reviewer"})
    void onlyAdminsRevealOrReadTheAudit(String who) throws Exception {
        mvc.perform(reveal("复核身份证号码是否录入正确").with(as(who)))
                .andExpect(status().isForbidden()).andExpect(jsonPath("$.code").value("ACCESS_DENIED"));
        mvc.perform(get("/api/v1/subjects/" + PERSON_ID + "/pii-access").with(as(who)))
                .andExpect(status().isForbidden()).andExpect(jsonPath("$.code").value("ACCESS_DENIED"));
        verifyNoInteractions(access);
    }

    @Test
    void aLookUpWithoutPurposeIs400OnPurpose() throws Exception {
        mvc.perform(lookup("{\"idNumber\":\"" + CITIZEN1 + "\",\"purpose\":\"  \"}").with(as("officer")))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.code").value("VALIDATION_FAILED"))
                .andExpect(jsonPath("$.errors[0].field").value("purpose"))
                .andExpect(jsonPath("$.errors[0].code").value("FIELD_NOT_BLANK"));
        verifyNoInteractions(access);
    }

    @Test
    void aRevealWithAShortReasonIs400OnReason() throws Exception {
        mvc.perform(reveal("   看看   ").with(as("admin")))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.code").value("VALIDATION_FAILED"))
                .andExpect(jsonPath("$.errors[0].field").value("reason"))
                .andExpect(jsonPath("$.errors[0].code").value("FIELD_SIZE"));
        verifyNoInteractions(access);
    }

    @ParameterizedTest
    @ValueSource(strings = {"0", "201"})
    void anAuditLimitOutOfRangeIs400OnLimit(String limit) throws Exception {
        mvc.perform(get("/api/v1/subjects/" + PERSON_ID + "/pii-access").param("limit", limit).with(as("admin")))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.code").value("VALIDATION_FAILED"))
                .andExpect(jsonPath("$.errors[0].field").value("limit"));
        verifyNoInteractions(access);
    }

    @Test
    void anUnregisteredPersonIs404() throws Exception {
        when(access.lookup(anyString(), anyString(), any(), any())).thenReturn(Optional.empty());
        mvc.perform(lookup("{\"idNumber\":\"" + CITIZEN1 + "\",\"purpose\":\"执法检查\"}").with(as("partner")))
                .andExpect(status().isNotFound())
                .andExpect(jsonPath("$.code").value("NOT_FOUND"));
    }
}
