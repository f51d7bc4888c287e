package org.publiccredit.record.lifecycle;

import static org.hamcrest.Matchers.hasItem;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.mockito.Mockito.when;
import static org.publiccredit.record.config.ProblemMatchers.field;
import static org.publiccredit.record.config.ProblemMatchers.problem;
import static org.publiccredit.testkit.SliceTokens.ENT1;
import static org.publiccredit.testkit.SliceTokens.as;
import static org.publiccredit.testkit.SliceTokens.bearer;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.patch;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.LocalDate;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.publiccredit.record.catalog.Catalog;
import org.publiccredit.record.catalog.CatalogFixtures;
import org.publiccredit.record.config.WebSlice;
import org.publiccredit.record.creditrecord.CreditRecord;
import org.publiccredit.record.creditrecord.CreditRecords;
import org.publiccredit.record.creditrecord.RecordRepository;
import org.publiccredit.record.creditrecord.RecordState;
import org.publiccredit.record.publicity.PublicityPolicy;
import org.publiccredit.record.publicity.RecordViews;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.context.annotation.Import;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.transaction.support.TransactionCallback;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Corrections and revocations by the supplying department, through the real {@link RecordCommands}, the record's
 * state machine and its views: only the storage is mocked, and a refusal writes nothing.
 */
@WebMvcTest(DepartmentRecordsController.class)
@Import({WebSlice.class, RecordCommands.class, RecordViews.class, PublicityPolicy.class})
class DepartmentRecordsControllerTest {

    private final CreditRecord taxRecord = CreditRecords.taxViolation(ENT1);

    @Autowired
    private MockMvc mvc;
    @MockitoBean
    private RecordRepository records;
    @MockitoBean
    private RecordWriter writer;
    @MockitoBean
    private Catalog catalog;
    @MockitoBean
    private TransactionTemplate tx;

    @BeforeEach
    void storage() {
        when(catalog.require(anyString())).thenAnswer(call -> CatalogFixtures.entry(call.getArgument(0)));
        when(tx.execute(any())).thenAnswer(call -> call.<TransactionCallback<?>>getArgument(0).doInTransaction(null));
        when(records.findForUpdate(taxRecord.id())).thenReturn(Optional.of(taxRecord));
    }

    private static MockHttpServletRequestBuilder correct(Object id, String body) {
        return patch("/api/v1/records/" + id).contentType(MediaType.APPLICATION_JSON).content(body);
    }

    private static MockHttpServletRequestBuilder revoke(Object id, String body) {
        return post("/api/v1/records/" + id + ":revoke").contentType(MediaType.APPLICATION_JSON).content(body);
    }

    @Test
    void withoutATokenIs401() throws Exception {
        mvc.perform(correct(taxRecord.id(), "{\"fields\":{\"taxAmount\":\"99\"}}"))
                .andExpect(problem(HttpStatus.UNAUTHORIZED, "UNAUTHENTICATED"));
        mvc.perform(revoke(taxRecord.id(), "{\"reason\":\"决定已撤销\"}").with(bearer("forged")))
                .andExpect(problem(HttpStatus.UNAUTHORIZED, "UNAUTHENTICATED"));
        verifyNoInteractions(records, writer);
    }

    @ParameterizedTest
    @ValueSource(strings = {"ent1", "citizen1", "reviewer", "internal"})
    void onlyOfficersPartnersAndAdminsChangeRecords(String who) throws Exception {
        mvc.perform(correct(taxRecord.id(), "{\"fields\":{\"taxAmount\":\"99\"}}").with(as(who)))
                .andExpect(problem(HttpStatus.FORBIDDEN, "ACCESS_DENIED"));
        mvc.perform(revoke(taxRecord.id(), "{\"reason\":\"决定已撤销\"}").with(as(who)))
                .andExpect(problem(HttpStatus.FORBIDDEN, "ACCESS_DENIED"));
        verifyNoInteractions(records, writer);
    }

    @ParameterizedTest
    @ValueSource(strings = {"partner", "admin"})
    void aCallerWithoutDepartmentChangesNothing(String who) throws Exception {
        mvc.perform(correct(taxRecord.id(), "{\"fields\":{\"taxAmount\":\"99\"}}").with(as(who)))
                .andExpect(problem(HttpStatus.FORBIDDEN, "DEPARTMENT_REQUIRED"));
        mvc.perform(revoke(taxRecord.id(), "{\"reason\":\"决定已撤销\"}").with(as(who)))
                .andExpect(problem(HttpStatus.FORBIDDEN, "DEPARTMENT_REQUIRED"));
        verifyNoInteractions(records, writer);
    }

    @Test
    void anotherDepartmentsRecordIs403() throws Exception {
        mvc.perform(correct(taxRecord.id(), "{\"fields\":{\"taxAmount\":\"99\"}}").with(as("officer-market")))
                .andExpect(problem(HttpStatus.FORBIDDEN, "NOT_SUPPLYING_DEPARTMENT"));
        mvc.perform(revoke(taxRecord.id(), "{\"reason\":\"决定已撤销\"}").with(as("officer-market")))
                .andExpect(problem(HttpStatus.FORBIDDEN, "NOT_SUPPLYING_DEPARTMENT"));
        verifyNoInteractions(writer);
    }

    @Test
    void anUnknownRecordIs404() throws Exception {
        mvc.perform(revoke(UUID.randomUUID(), "{\"reason\":\"决定已撤销\"}").with(as("officer")))
                .andExpect(problem(HttpStatus.NOT_FOUND, "NOT_FOUND"));
        mvc.perform(correct("not-a-record-id", "{\"fields\":{\"taxAmount\":\"99\"}}").with(as("officer")))
                .andExpect(problem(HttpStatus.NOT_FOUND, "NOT_FOUND"));
        verifyNoInteractions(writer);
    }

    @Test
    void aRevocationNeedsAReasonOfAtMost1000Characters() throws Exception {
        mvc.perform(revoke(taxRecord.id(), "{\"reason\":\" \"}").with(as("officer")))
                .andExpect(problem(HttpStatus.BAD_REQUEST, "VALIDATION_FAILED"))
                .andExpect(field("reason", "FIELD_NOT_BLANK"));
        mvc.perform(revoke(taxRecord.id(), "{}").with(as("officer")))
                .andExpect(problem(HttpStatus.BAD_REQUEST, "VALIDATION_FAILED"))
                .andExpect(field("reason", "FIELD_NOT_BLANK"));
        mvc.perform(revoke(taxRecord.id(), "{\"reason\":\"" + "撤".repeat(1001) + "\"}").with(as("officer")))
                .andExpect(problem(HttpStatus.BAD_REQUEST, "VALIDATION_FAILED"))
                .andExpect(field("reason", "FIELD_SIZE"));
        verifyNoInteractions(records, writer);
    }

    @Test
    void aCorrectionWithALongNoteIs400OnNote() throws Exception {
        mvc.perform(correct(taxRecord.id(), "{\"note\":\"" + "改".repeat(1001) + "\"}").with(as("officer")))
                .andExpect(problem(HttpStatus.BAD_REQUEST, "VALIDATION_FAILED"))
                .andExpect(field("note", "FIELD_SIZE"));
        verifyNoInteractions(records, writer);
    }

    @Test
    void aCorrectionUnderThePushRulesIs400OnTheFieldsItBreaks() throws Exception {
        mvc.perform(correct(taxRecord.id(), "{\"decisionDate\":\"" + LocalDate.now().plusDays(2) + "\"}").with(as("officer")))
                .andExpect(problem(HttpStatus.BAD_REQUEST, "VALIDATION_FAILED"))
                .andExpect(field("decisionDate", "DECISION_DATE_IN_FUTURE"));
        mvc.perform(correct(taxRecord.id(), "{\"fields\":{\"penaltyKind\":\"罚款\",\"authority\":null}}").with(as("officer")))
                .andExpect(problem(HttpStatus.BAD_REQUEST, "VALIDATION_FAILED"))
                .andExpect(field("fields.penaltyKind", "FIELD_UNKNOWN"))
                .andExpect(field("fields.authority", "FIELD_REQUIRED"));
        mvc.perform(correct(taxRecord.id(), "{\"decisionDate\":\"last week\"}").with(as("officer")))
                .andExpect(problem(HttpStatus.BAD_REQUEST, "VALIDATION_FAILED"))
                .andExpect(jsonPath("$.errors[*].field").value(hasItem("decisionDate")));
        verifyNoInteractions(writer);
    }

    @Test
    void aCorrectionOfAnotherVersionIs409() throws Exception {
        mvc.perform(correct(taxRecord.id(), "{\"fields\":{\"taxAmount\":\"99\"},\"version\":3}").with(as("officer")))
                .andExpect(problem(HttpStatus.CONFLICT, "CONCURRENT_MODIFICATION"));
        verifyNoInteractions(writer);
    }

    @Test
    void aRevokedRecordCannotBeRevokedOrCorrectedAgain() throws Exception {
        CreditRecord revoked = CreditRecords.taxViolation(ENT1, RecordState.REVOKED);
        when(records.findForUpdate(revoked.id())).thenReturn(Optional.of(revoked));
        mvc.perform(revoke(revoked.id(), "{\"reason\":\"决定已撤销\"}").with(as("officer")))
                .andExpect(problem(HttpStatus.CONFLICT, "ILLEGAL_TRANSITION"));
        mvc.perform(correct(revoked.id(), "{\"fields\":{\"taxAmount\":\"99\"}}").with(as("officer")))
                .andExpect(problem(HttpStatus.CONFLICT, "ILLEGAL_TRANSITION"));
        verifyNoInteractions(writer);
    }

    @Test
    void aBodyThatIsNoJsonIs400() throws Exception {
        mvc.perform(correct(taxRecord.id(), "{\"fields\":").with(as("officer")))
                .andExpect(problem(HttpStatus.BAD_REQUEST, "MALFORMED_BODY"));
        verifyNoInteractions(records, writer);
    }

    @Test
    void theSupplyingDepartmentCorrectsAndRevokesItsRecord() throws Exception {
        mvc.perform(correct(taxRecord.id(), "{\"fields\":{\"taxAmount\":\"99\"},\"note\":\"金额更正\",\"version\":1}").with(as("officer")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.state").value("ACTIVE"))
                .andExpect(jsonPath("$.version").value(2))
                .andExpect(jsonPath("$.fields.taxAmount").value("99"));
        mvc.perform(revoke(taxRecord.id(), "{\"reason\":\"决定已撤销\"}").with(as("officer")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.state").value("REVOKED"))
                .andExpect(jsonPath("$.publicNow").value(false));
        verify(writer, times(2)).write(any(), any(), any());
    }
}
