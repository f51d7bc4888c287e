package org.publiccredit.record.publicity;

import static org.mockito.Mockito.verifyNoInteractions;
import static org.mockito.Mockito.when;
import static org.publiccredit.record.config.ProblemMatchers.field;
import static org.publiccredit.record.config.ProblemMatchers.problem;
import static org.publiccredit.testkit.SliceTokens.CITIZEN1;
import static org.publiccredit.testkit.SliceTokens.ENT1;
import static org.publiccredit.testkit.SliceTokens.as;
import static org.publiccredit.testkit.SliceTokens.bearer;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.publiccredit.record.catalog.Catalog;
import org.publiccredit.record.catalog.CatalogFixtures;
import org.publiccredit.record.client.SubjectRef;
import org.publiccredit.record.client.SubjectResolver;
import org.publiccredit.record.config.WebSlice;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.context.annotation.Import;
import org.springframework.http.HttpStatus;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;

/**
 * The credit evaluation: an organisation's is public, a person's only his own, and the internal one is for services;
 * the real {@link CreditEvaluation} makes the public view, the registry and the computed evaluation are mocked.
 */
@WebMvcTest(EvaluationController.class)
@Import({WebSlice.class, CreditEvaluation.class, PublicityPolicy.class})
class EvaluationControllerTest {

    private static final SubjectRef ENT1_REF = new SubjectRef(UUID.randomUUID(), "USCC", ENT1, null, "柳州示范有限公司", "ENTERPRISE",
            "450200", true, false);
    private static final SubjectRef CITIZEN1_REF = new SubjectRef(UUID.randomUUID(), "ID_NUMBER", null, "450202********1237", "张伟",
            "NATURAL_PERSON", "450202", true, false);
    private static final Evaluation GOOD = new Evaluation("B", "良", "Good", 85, "2026.1", List.of(), null, LocalDate.now());

    @Autowired
    private MockMvc mvc;
    @MockitoBean
    private SubjectResolver resolver;
    @MockitoBean
    private SummaryService summaries;
    @MockitoBean
    private Catalog catalog;

    @BeforeEach
    void shippedRules() {
        when(catalog.evaluation()).thenReturn(CatalogFixtures.evaluation());
    }

    @Test
    void theOwnEvaluationWithoutATokenIs401() throws Exception {
        mvc.perform(get("/api/v1/subjects/mine/evaluation"))
                .andExpect(problem(HttpStatus.UNAUTHORIZED, "UNAUTHENTICATED"));
        mvc.perform(get("/api/v1/subjects/mine/evaluation").with(bearer("forged")))
                .andExpect(problem(HttpStatus.UNAUTHORIZED, "UNAUTHENTICATED"));
        verifyNoInteractions(resolver, summaries);
    }

    @ParameterizedTest
    @ValueSource(strings = {"officer", "partner", "admin", "reviewer"})
    void anAccountThatActsForNoSubjectHasNoOwnEvaluation(String who) throws Exception {
        mvc.perform(get("/api/v1/subjects/mine/evaluation").with(as(who)))
                .andExpect(problem(HttpStatus.NOT_FOUND, "SUBJECT_NOT_REGISTERED"));
        verifyNoInteractions(resolver, summaries);
    }

    @Test
    void aPersonsEvaluationIsNeverPublicAndHisNumberNeverInAUrl() throws Exception {
        mvc.perform(get("/api/v1/public/subjects/" + CITIZEN1 + "/evaluation"))
                .andExpect(problem(HttpStatus.BAD_REQUEST, "ID_NUMBER_IN_URL"))
                .andExpect(field("path", "ID_NUMBER_IN_URL"));
        verifyNoInteractions(resolver, summaries);
    }

    @ParameterizedTest
    @ValueSource(strings = {"450202199001011230", "91450200MA5K00012Q", "nobody"})
    void anInvalidCodeHasNoPublicEvaluation(String code) throws Exception {
        mvc.perform(get("/api/v1/public/subjects/" + code + "/evaluation"))
                .andExpect(problem(HttpStatus.NOT_FOUND, "NOT_FOUND"));
        verifyNoInteractions(resolver, summaries);
    }

    @Test
    void anUnregisteredOrganisationHasNoEvaluation() throws Exception {
        when(resolver.lookup(ENT1)).thenReturn(Optional.empty());
        mvc.perform(get("/api/v1/public/subjects/" + ENT1 + "/evaluation"))
                .andExpect(problem(HttpStatus.NOT_FOUND, "NOT_FOUND"));
        verifyNoInteractions(summaries);
    }

    @Test
    void theInternalEvaluationWithoutATokenIs401() throws Exception {
        mvc.perform(get("/internal/v1/subjects/" + ENT1_REF.id() + "/evaluation"))
                .andExpect(problem(HttpStatus.UNAUTHORIZED, "UNAUTHENTICATED"));
        verifyNoInteractions(summaries);
    }

    @ParameterizedTest
    @ValueSource(strings = {"admin", "officer", "partner", "ent1", "reviewer"})
    void onlyServicesReadTheInternalEvaluation(String who) throws Exception {
        mvc.perform(get("/internal/v1/subjects/" + ENT1_REF.id() + "/evaluation").with(as(who)))
                .andExpect(problem(HttpStatus.FORBIDDEN, "ACCESS_DENIED"));
        verifyNoInteractions(summaries);
    }

    @Test
    void anInternalSubjectIdThatIsNoUuidIs404() throws Exception {
        mvc.perform(get("/internal/v1/subjects/" + ENT1 + "/evaluation").with(as("internal")))
                .andExpect(problem(HttpStatus.NOT_FOUND, "NOT_FOUND"));
        verifyNoInteractions(summaries);
    }

    @Test
    void anOrganisationsEvaluationIsPublicAndEachSubjectReadsItsOwn() throws Exception {
        when(resolver.lookup(ENT1)).thenReturn(Optional.of(ENT1_REF));
        when(resolver.lookup(CITIZEN1)).thenReturn(Optional.of(CITIZEN1_REF));
        when(summaries.evaluation(ENT1_REF.id())).thenReturn(new CreditEvaluation.Result(GOOD, null));
        when(summaries.evaluation(CITIZEN1_REF.id())).thenReturn(new CreditEvaluation.Result(GOOD, null));
        mvc.perform(get("/api/v1/public/subjects/" + ENT1 + "/evaluation"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.grade").value("B"))
                .andExpect(jsonPath("$.score").value(85));
        mvc.perform(get("/api/v1/subjects/mine/evaluation").with(as("ent1")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.grade").value("B"));
        mvc.perform(get("/api/v1/subjects/mine/evaluation").with(as("citizen1")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.grade").value("B"));
        mvc.perform(get("/internal/v1/subjects/" + ENT1_REF.id() + "/evaluation").param("view", "public").with(as("internal")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.grade").value("B"));
    }
}
