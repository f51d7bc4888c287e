package org.publiccredit.record.publicity;

import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.mockito.Mockito.when;
import static org.publiccredit.record.config.ProblemMatchers.field;
import static org.publiccredit.record.config.ProblemMatchers.problem;
import static org.publiccredit.testkit.SliceTokens.CITIZEN1;
import static org.publiccredit.testkit.SliceTokens.ENT1;
import static org.publiccredit.testkit.SliceTokens.ENT2;
import static org.publiccredit.testkit.SliceTokens.as;
import static org.publiccredit.testkit.SliceTokens.bearer;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.mockito.Answers;
import org.publiccredit.record.catalog.Catalog;
import org.publiccredit.record.catalog.CatalogFixtures;
import org.publiccredit.record.client.SubjectResolver;
import org.publiccredit.record.config.WebSlice;
import org.publiccredit.record.creditrecord.CreditRecord;
import org.publiccredit.record.creditrecord.CreditRecords;
import org.publiccredit.record.creditrecord.RecordRepository;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.context.annotation.Import;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/**
 * Who reads which of a subject's records, through the real {@link SubjectRecords}, {@link RecordViews} and
 * {@link PublicityPolicy} on the shipped catalog: someone else's file is a 404, never a 403, so nothing can be probed.
 */
@WebMvcTest(SubjectRecordsController.class)
@Import({WebSlice.class, SubjectRecords.class, RecordViews.class, PublicityPolicy.class})
class SubjectRecordsControllerTest {

    /** ent1's major tax violation, supplied by the tax department 20 days ago: public now. */
    private static final CreditRecord ENT1_TAX = CreditRecords.taxViolation(ENT1);
    private static final CreditRecord ENT2_TAX = CreditRecords.taxViolation(ENT2);

    @Autowired
    private MockMvc mvc;
    @MockitoBean
    private RecordRepository records;
    @MockitoBean
    private SubjectResolver resolver;
    @MockitoBean
    private Catalog catalog;
    /** The read audit: written for non-public reads by others than the subject. */
    @MockitoBean(answers = Answers.RETURNS_DEEP_STUBS)
    private JdbcClient jdbc;

    private static MockHttpServletRequestBuilder lookup(String body) {
        return post("/api/v1/subjects/records:lookup").contentType(MediaType.APPLICATION_JSON).content(body);
    }

    @BeforeEach
    void shippedCatalog() {
        when(catalog.require(anyString())).thenAnswer(call -> CatalogFixtures.entry(call.getArgument(0)));
        when(catalog.find(anyString())).thenAnswer(call -> Optional.ofNullable(CatalogFixtures.entry(call.getArgument(0))));
    }

    @Test
    void theOwnFileWithoutATokenIs401() throws Exception {
        mvc.perform(get("/api/v1/subjects/mine/records"))
                .andExpect(problem(HttpStatus.UNAUTHORIZED, "UNAUTHENTICATED"));
        mvc.perform(get("/api/v1/subjects/" + ENT1 + "/records").with(bearer("forged")))
                .andExpect(problem(HttpStatus.UNAUTHORIZED, "UNAUTHENTICATED"));
        mvc.perform(lookup("{\"idNumber\":\"" + CITIZEN1 + "\"}"))
                .andExpect(problem(HttpStatus.UNAUTHORIZED, "UNAUTHENTICATED"));
        verifyNoInteractions(records, resolver, jdbc);
    }

    @ParameterizedTest
    @ValueSource(strings = {"officer", "partner", "admin", "reviewer"})
    void anAccountThatActsForNoSubjectHasNoOwnFile(String who) throws Exception {
        mvc.perform(get("/api/v1/subjects/mine/records").with(as(who)))
                .andExpect(problem(HttpStatus.NOT_FOUND, "SUBJECT_NOT_REGISTERED"));
        mvc.perform(get("/api/v1/subjects/mine/records/" + ENT1_TAX.id()).with(as(who)))
                .andExpect(problem(HttpStatus.NOT_FOUND, "SUBJECT_NOT_REGISTERED"));
        verifyNoInteractions(records, resolver);
    }

    @Test
    void anEnterpriseAskingForAnotherSubjectsFileGets404() throws Exception {
        mvc.perform(get("/api/v1/subjects/" + ENT2 + "/records").with(as("ent1")))
                .andExpect(problem(HttpStatus.NOT_FOUND, "NOT_FOUND"));
        mvc.perform(get("/api/v1/subjects/" + ENT1 + "/records").with(as("citizen1")))
                .andExpect(problem(HttpStatus.NOT_FOUND, "NOT_FOUND"));
        mvc.perform(lookup("{\"idNumber\":\"" + CITIZEN1 + "\"}").with(as("ent1")))
                .andExpect(problem(HttpStatus.NOT_FOUND, "NOT_FOUND"));
        verifyNoInteractions(records, resolver, jdbc);
    }

    @Test
    void anEnterpriseAskingForAnotherSubjectsRecordByIdGets404() throws Exception {
        when(records.find(ENT2_TAX.id())).thenReturn(Optional.of(ENT2_TAX));
        mvc.perform(get("/api/v1/subjects/mine/records/" + ENT2_TAX.id()).with(as("ent1")))
                .andExpect(problem(HttpStatus.NOT_FOUND, "NOT_FOUND"));
        mvc.perform(get("/api/v1/subjects/mine/records/" + UUID.randomUUID()).with(as("ent1")))
                .andExpect(problem(HttpStatus.NOT_FOUND, "NOT_FOUND"));
        mvc.perform(get("/api/v1/subjects/mine/records/not-a-record-id").with(as("ent1")))
                .andExpect(problem(HttpStatus.NOT_FOUND, "NOT_FOUND"));
    }

    @Test
    void aDepartmentSeesOnlyWhatItSuppliedAndOtherwiseGets404() throws Exception {
        when(records.findBySubjectCode(ENT1)).thenReturn(List.of(ENT1_TAX));
        mvc.perform(get("/api/v1/subjects/" + ENT1 + "/records").with(as("officer-market")))
                .andExpect(problem(HttpStatus.NOT_FOUND, "NOT_FOUND"));
        verifyNoInteractions(jdbc);
        mvc.perform(get("/api/v1/subjects/" + ENT1 + "/records").with(as("officer")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.total").value(1))
                .andExpect(jsonPath("$.items[0].department").value("tax"));
    }

    @Test
    void aReviewerReadsOnlyTheFilesOfHisRegion() throws Exception {
        when(records.findBySubjectCode(ENT1)).thenReturn(List.of(ENT1_TAX));
        mvc.perform(get("/api/v1/subjects/" + ENT1 + "/records").with(as("reviewer2")))
                .andExpect(problem(HttpStatus.NOT_FOUND, "NOT_FOUND"));
        verifyNoInteractions(jdbc);
        mvc.perform(get("/api/v1/subjects/" + ENT1 + "/records").with(as("reviewer")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.total").value(1));
    }

    @Test
    void aPartnerWithoutDepartmentGets404() throws Exception {
        mvc.perform(get("/api/v1/subjects/" + ENT1 + "/records").with(as("partner")))
                .andExpect(problem(HttpStatus.NOT_FOUND, "NOT_FOUND"));
        verifyNoInteractions(records, resolver, jdbc);
    }

    @Test
    void anIdNumberInTheUrlIsRefusedBeforeAnyLookUp() throws Exception {
        mvc.perform(get("/api/v1/public/subjects/" + CITIZEN1 + "/records"))
                .andExpect(problem(HttpStatus.BAD_REQUEST, "ID_NUMBER_IN_URL"))
                .andExpect(field("path", "ID_NUMBER_IN_URL"));
        mvc.perform(get("/api/v1/subjects/" + CITIZEN1 + "/records").with(as("officer")))
                .andExpect(problem(HttpStatus.BAD_REQUEST, "ID_NUMBER_IN_URL"))
                .andExpect(field("path", "ID_NUMBER_IN_URL"));
        verifyNoInteractions(records, resolver, jdbc);
    }

    @ParameterizedTest
    @CsvSource({"page, -1, FIELD_MIN", "page, 10001, FIELD_MAX", "size, 0, FIELD_MIN", "size, 101, FIELD_MAX"})
    void aPageOutOfRangeIs400OnIt(String parameter, String value, String code) throws Exception {
        mvc.perform(get("/api/v1/public/subjects/" + ENT1 + "/records").param(parameter, value))
                .andExpect(problem(HttpStatus.BAD_REQUEST, "VALIDATION_FAILED"))
                .andExpect(field(parameter, code));
        mvc.perform(get("/api/v1/subjects/mine/records").param(parameter, value).with(as("ent1")))
                .andExpect(problem(HttpStatus.BAD_REQUEST, "VALIDATION_FAILED"))
                .andExpect(field(parameter, code));
        mvc.perform(get("/api/v1/subjects/" + ENT1 + "/records").param(parameter, value).with(as("admin")))
                .andExpect(problem(HttpStatus.BAD_REQUEST, "VALIDATION_FAILED"))
                .andExpect(field(parameter, code));
        verifyNoInteractions(records, resolver);
    }

    @Test
    void aLookUpWithoutAValidIdNumberOrWithBadPagingIs400() throws Exception {
        mvc.perform(lookup("{\"page\":-1,\"size\":101}").with(as("officer")))
                .andExpect(problem(HttpStatus.BAD_REQUEST, "VALIDATION_FAILED"))
                .andExpect(field("idNumber", "FIELD_REQUIRED"))
                .andExpect(field("page", "FIELD_OUT_OF_RANGE"))
                .andExpect(field("size", "FIELD_OUT_OF_RANGE"));
        mvc.perform(lookup("{\"idNumber\":\"450202199001011230\"}").with(as("reviewer")))
                .andExpect(problem(HttpStatus.BAD_REQUEST, "VALIDATION_FAILED"))
                .andExpect(field("idNumber", "ID_NUMBER_CHECK_DIGIT"));
        verifyNoInteractions(records, resolver);
    }

    @Test
    void aBodyThatIsNoJsonIs400() throws Exception {
        mvc.perform(lookup("{\"idNumber\":").with(as("officer")))
                .andExpect(problem(HttpStatus.BAD_REQUEST, "MALFORMED_BODY"));
        verifyNoInteractions(records, resolver);
    }

    @Test
    void anyoneReadsTheRecordsThatArePublicNow() throws Exception {
        when(records.findBySubjectCode(ENT1)).thenReturn(List.of(ENT1_TAX));
        mvc.perform(get("/api/v1/public/subjects/" + ENT1 + "/records"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.total").value(1))
                .andExpect(jsonPath("$.items[0].category").value("TAX_MAJOR_VIOLATION"));
        mvc.perform(get("/api/v1/subjects/mine/records").with(as("ent1")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.items[0].publicNow").value(true));
    }
}
