package org.publiccredit.subject.registry;

import static org.mockito.Mockito.verifyNoInteractions;
import static org.mockito.Mockito.when;
import static org.publiccredit.testkit.SliceTokens.ENT1;
import static org.publiccredit.testkit.SliceTokens.ENT2;
import static org.publiccredit.testkit.SliceTokens.as;
import static org.publiccredit.testkit.SliceTokens.bearer;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.publiccredit.commons.id.IdentifierKind;
import org.publiccredit.commons.id.SubjectType;
import org.publiccredit.commons.id.Uscc;
import org.publiccredit.subject.config.WebSlice;
import org.publiccredit.subject.pii.PiiCrypto;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.context.annotation.Import;
import org.springframework.http.MediaType;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/**
 * The registry API's refusals, through the service's real security rules, validation and visibility; only the
 * storage behind {@link SubjectService} is mocked.
 */
@WebMvcTest(SubjectController.class)
@Import({WebSlice.class, SubjectService.class, SubjectValidator.class})
@EnableConfigurationProperties(SubjectsProperties.class)
class SubjectControllerTest {

    private static final Subject ENT2_SUBJECT = new Subject(UUID.randomUUID(), IdentifierKind.USCC, ENT2, null, null, null, false,
            "梧州示范", List.of(), List.of(), SubjectType.ENTERPRISE, "450403", "王五", null, null, null, null, true, "market", 3,
            Instant.EPOCH, Instant.EPOCH);
    private static final Subject PERSON = new Subject(UUID.randomUUID(), IdentifierKind.ID_NUMBER, null, new byte[32],
            "450202********1237", new byte[40], false, "张伟", List.of(), List.of(), SubjectType.NATURAL_PERSON, "450202", null, null,
            null, null, null, false, "svc-record", 0, Instant.EPOCH, Instant.EPOCH);
    /** A sole trader's code (92…). */
    private static final String SOLE_TRADER = Uscc.of('9', '2', "450200", "MA5K0007").value();

    @Autowired
    private MockMvc mvc;
    @MockitoBean
    private SubjectStore store;
    @MockitoBean
    private SubjectWriter writer;
    @MockitoBean
    private PiiCrypto crypto;

    private static MockHttpServletRequestBuilder postJson(String body) {
        return post("/api/v1/subjects").contentType(MediaType.APPLICATION_JSON).content(body);
    }

    @Test
    void writingWithoutATokenIs401() throws Exception {
        mvc.perform(postJson("{\"code\":\"" + ENT1 + "\",\"name\":\"甲\"}"))
                .andExpect(status().isUnauthorized())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.code").value("UNAUTHENTICATED"));
        verifyNoInteractions(writer);
    }

    @Test
    void anInvalidTokenIs401() throws Exception {
        mvc.perform(get("/api/v1/subjects/mine").with(bearer("forged")))
                .andExpect(status().isUnauthorized())
                .andExpect(jsonPath("$.code").value("UNAUTHENTICATED"));
    }

    @Test
    void ownSubjectWithoutATokenIs401() throws Exception {
        mvc.perform(get("/api/v1/subjects/mine"))
                .andExpect(status().isUnauthorized())
                .andExpect(jsonPath("$.code").value("UNAUTHENTICATED"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"ent1", "citizen1", "reviewer", "internal"})
    void onlyOfficersPartnersAndAdminsWrite(String who) throws Exception {
        mvc.perform(postJson("{\"code\":\"" + ENT1 + "\",\"name\":\"甲\"}").with(as(who)))
                .andExpect(status().isForbidden())
                .andExpect(jsonPath("$.code").value("ACCESS_DENIED"));
        mvc.perform(put("/api/v1/subjects/" + ENT1).contentType(MediaType.APPLICATION_JSON).content("{\"name\":\"甲\"}").with(as(who)))
                .andExpect(status().isForbidden())
                .andExpect(jsonPath("$.code").value("ACCESS_DENIED"));
        verifyNoInteractions(writer);
    }

    @Test
    void anEnterpriseAskingForANaturalPersonGets404() throws Exception {
        when(store.findById(PERSON.id())).thenReturn(Optional.of(PERSON));
        mvc.perform(get("/api/v1/subjects/" + PERSON.id()).with(as("ent1")))
                .andExpect(status().isNotFound())
                .andExpect(jsonPath("$.code").value("NOT_FOUND"));
        mvc.perform(get("/api/v1/subjects/" + PERSON.id()))
                .andExpect(status().isNotFound())
                .andExpect(jsonPath("$.code").value("NOT_FOUND"));
    }

    @Test
    void anEnterpriseAskingForAnotherEnterpriseGetsOnlyThePublicView() throws Exception {
        when(store.findByCode(ENT2)).thenReturn(Optional.of(ENT2_SUBJECT));
        mvc.perform(get("/api/v1/subjects/" + ENT2).with(as("ent1")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.view").value("PUBLIC"))
                .andExpect(jsonPath("$.verified").doesNotExist())
                .andExpect(jsonPath("$.source").doesNotExist())
                .andExpect(jsonPath("$.version").doesNotExist());
    }

    @Test
    void anEnterpriseWhoseCodeIsNotRegisteredHasNoOwnSubject() throws Exception {
        mvc.perform(get("/api/v1/subjects/mine").with(as("ent1")))
                .andExpect(status().isNotFound())
                .andExpect(jsonPath("$.code").value("SUBJECT_NOT_REGISTERED"));
    }

    @Test
    void aStatedTypeThatDisagreesWithTheCodeIs400OnType() throws Exception {
        mvc.perform(postJson("{\"code\":\"" + SOLE_TRADER + "\",\"name\":\"个体户\",\"type\":\"ENTERPRISE\"}").with(as("officer")))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.code").value("SUBJECT_TYPE_MISMATCH"))
                .andExpect(jsonPath("$.errors[0].field").value("type"))
                .andExpect(jsonPath("$.errors[0].code").value("SUBJECT_TYPE_MISMATCH"));
        mvc.perform(postJson("{\"idNumber\":\"450202199001011237\",\"name\":\"张伟\",\"type\":\"个体工商户\"}").with(as("officer")))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.code").value("SUBJECT_TYPE_MISMATCH"))
                .andExpect(jsonPath("$.errors[0].field").value("type"));
        verifyNoInteractions(writer);
    }

    @ParameterizedTest
    @ValueSource(strings = {"COMPANY", "PERSON", "Natural person"})
    void anUnknownTypeIs400OnType(String type) throws Exception {
        mvc.perform(postJson("{\"code\":\"" + ENT1 + "\",\"name\":\"甲\",\"type\":\"" + type + "\"}").with(as("officer")))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.code").value("VALIDATION_FAILED"))
                .andExpect(jsonPath("$.errors[0].field").value("type"))
                .andExpect(jsonPath("$.errors[0].code").value("TYPE_UNKNOWN"));
        verifyNoInteractions(writer);
    }

    @Test
    void anInvalidCodeIs400OnCode() throws Exception {
        mvc.perform(postJson("{\"code\":\"91450200MA5K00012Q\",\"name\":\"甲\"}").with(as("partner")))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.code").value("IDENTIFIER_INVALID"))
                .andExpect(jsonPath("$.errors[0].field").value("code"))
                .andExpect(jsonPath("$.errors[0].code").value("USCC_CHECK_DIGIT"));
    }

    @Test
    void aMissingNameIs400OnName() throws Exception {
        mvc.perform(postJson("{\"code\":\"" + ENT1 + "\"}").with(as("admin")))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.code").value("VALIDATION_FAILED"))
                .andExpect(jsonPath("$.errors[0].field").value("name"))
                .andExpect(jsonPath("$.errors[0].code").value("FIELD_REQUIRED"));
    }

    @Test
    void aBodyForAnotherSubjectThanThePathIs400() throws Exception {
        when(store.findByCode(ENT2)).thenReturn(Optional.of(ENT2_SUBJECT));
        mvc.perform(put("/api/v1/subjects/" + ENT2).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"code\":\"" + ENT1 + "\",\"name\":\"甲\"}").with(as("officer")))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.code").value("IDENTIFIER_MISMATCH"))
                .andExpect(jsonPath("$.errors[0].field").value("code"));
        verifyNoInteractions(writer);
    }

    @Test
    void aBodyThatIsNoJsonIs400() throws Exception {
        mvc.perform(postJson("{\"code\":").with(as("officer")))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.code").value("MALFORMED_BODY"));
        verifyNoInteractions(writer);
    }
}
