package org.publiccredit.record.lifecycle;

import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.mockito.Mockito.when;
import static org.publiccredit.record.config.ProblemMatchers.field;
import static org.publiccredit.record.config.ProblemMatchers.problem;
import static org.publiccredit.testkit.SliceTokens.ENT1;
import static org.publiccredit.testkit.SliceTokens.as;
import static org.publiccredit.testkit.SliceTokens.bearer;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

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
 * The effects objection-service asks for (role internal), through the real {@link RecordCommands} and the record's
 * state machine: their bodies, the actions, idempotency on the operationId, and illegal transitions.
 */
@WebMvcTest(InternalRecordsController.class)
@Import({WebSlice.class, RecordCommands.class, RecordViews.class, PublicityPolicy.class})
class InternalRecordsControllerTest {

    private static final String DISPUTE = "{\"operationId\":\"op-1\",\"caseId\":\"case-1\",\"note\":\"企业提出异议\"}";

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
        when(records.find(taxRecord.id())).thenReturn(Optional.of(taxRecord));
    }

    private static MockHttpServletRequestBuilder effect(Object id, String action, String body) {
        return post("/internal/v1/records/" + id + ":" + action).contentType(MediaType.APPLICATION_JSON).content(body);
    }

    @Test
    void withoutATokenIs401() throws Exception {
        mvc.perform(get("/internal/v1/records/" + taxRecord.id()))
                .andExpect(problem(HttpStatus.UNAUTHORIZED, "UNAUTHENTICATED"));
        mvc.perform(effect(taxRecord.id(), "dispute", DISPUTE).with(bearer("forged")))
                .andExpect(problem(HttpStatus.UNAUTHORIZED, "UNAUTHENTICATED"));
        verifyNoInteractions(records, writer);
    }

    @ParameterizedTest
    @ValueSource(strings = {"admin", "officer", "partner", "ent1", "citizen1", "reviewer"})
    void onlyServicesAskForEffects(String who) throws Exception {
        mvc.perform(get("/internal/v1/records/" + taxRecord.id()).with(as(who)))
                .andExpect(problem(HttpStatus.FORBIDDEN, "ACCESS_DENIED"));
        mvc.perform(effect(taxRecord.id(), "revoke", "{\"operationId\":\"op-1\",\"caseId\":\"case-1\",\"reason\":\"撤销\"}").with(as(who)))
                .andExpect(problem(HttpStatus.FORBIDDEN, "ACCESS_DENIED"));
        verifyNoInteractions(records, writer);
    }

    @Test
    void anUnknownActionOrRecordIs404() throws Exception {
        mvc.perform(effect(taxRecord.id(), "publish", DISPUTE).with(as("internal")))
                .andExpect(problem(HttpStatus.NOT_FOUND, "NOT_FOUND"));
        mvc.perform(effect("not-a-record-id", "dispute", DISPUTE).with(as("internal")))
                .andExpect(problem(HttpStatus.NOT_FOUND, "NOT_FOUND"));
        mvc.perform(effect(UUID.randomUUID(), "dispute", DISPUTE).with(as("internal")))
                .andExpect(problem(HttpStatus.NOT_FOUND, "NOT_FOUND"));
        mvc.perform(get("/internal/v1/records/" + UUID.randomUUID()).with(as("internal")))
                .andExpect(problem(HttpStatus.NOT_FOUND, "NOT_FOUND"));
        verifyNoInteractions(writer);
    }

    @Test
    void anEffectNeedsItsOperationIdAndCase() throws Exception {
        mvc.perform(effect(taxRecord.id(), "dispute", "{\"note\":\"企业提出异议\"}").with(as("internal")))
                .andExpect(problem(HttpStatus.BAD_REQUEST, "VALIDATION_FAILED"))
                .andExpect(field("operationId", "FIELD_NOT_BLANK"))
                .andExpect(field("caseId", "FIELD_NOT_BLANK"));
        mvc.perform(effect(taxRecord.id(), "dispute", "{\"operationId\":\"" + "o".repeat(101) + "\",\"caseId\":\"case-1\"}").with(as("internal")))
                .andExpect(problem(HttpStatus.BAD_REQUEST, "VALIDATION_FAILED"))
                .andExpect(field("operationId", "FIELD_SIZE"));
        verifyNoInteractions(records, writer);
    }

    @Test
    void aRevocationNeedsAReasonAndACorrectionItsFields() throws Exception {
        mvc.perform(effect(taxRecord.id(), "revoke", "{\"operationId\":\"op-1\",\"caseId\":\"case-1\",\"note\":\"撤销\"}").with(as("internal")))
                .andExpect(problem(HttpStatus.BAD_REQUEST, "VALIDATION_FAILED"))
                .andExpect(field("reason", "FIELD_NOT_BLANK"));
        mvc.perform(effect(taxRecord.id(), "correct", "{\"operationId\":\"op-1\",\"caseId\":\"case-1\",\"fields\":{}}").with(as("internal")))
                .andExpect(problem(HttpStatus.BAD_REQUEST, "VALIDATION_FAILED"))
                .andExpect(field("fields", "FIELD_NOT_EMPTY"));
        verifyNoInteractions(records, writer);
    }

    @Test
    void anOperationIdUsedForAnotherRecordIs409() throws Exception {
        when(records.recordOfOperation("op-1")).thenReturn(Optional.of(UUID.randomUUID()));
        mvc.perform(effect(taxRecord.id(), "dispute", DISPUTE).with(as("internal")))
                .andExpect(problem(HttpStatus.CONFLICT, "OPERATION_ID_REUSED"));
        verifyNoInteractions(writer);
    }

    @Test
    void aRepeatedOperationAnswersTheRecordWithoutASecondChange() throws Exception {
        when(records.recordOfOperation("op-1")).thenReturn(Optional.of(taxRecord.id()));
        mvc.perform(effect(taxRecord.id(), "dispute", DISPUTE).with(as("internal")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.id").value(taxRecord.id().toString()));
        verifyNoInteractions(writer);
    }

    @Test
    void aCategoryThatIsNotRepairableIs409() throws Exception {
        CreditRecord grade = CreditRecords.taxAGrade(ENT1);
        when(records.findForUpdate(grade.id())).thenReturn(Optional.of(grade));
        mvc.perform(effect(grade.id(), "repair", "{\"operationId\":\"op-2\",\"caseId\":\"repair-1\",\"note\":\"信用修复\"}").with(as("internal")))
                .andExpect(problem(HttpStatus.CONFLICT, "NOT_REPAIRABLE"));
        verifyNoInteractions(writer);
    }

    @Test
    void anIllegalTransitionIs409() throws Exception {
        CreditRecord revoked = CreditRecords.taxViolation(ENT1, RecordState.REVOKED);
        when(records.findForUpdate(revoked.id())).thenReturn(Optional.of(revoked));
        mvc.perform(effect(revoked.id(), "dispute", DISPUTE).with(as("internal")))
                .andExpect(problem(HttpStatus.CONFLICT, "ILLEGAL_TRANSITION"));
        mvc.perform(effect(taxRecord.id(), "clear-dispute", DISPUTE).with(as("internal")))
                .andExpect(problem(HttpStatus.CONFLICT, "ILLEGAL_TRANSITION"));
        verifyNoInteractions(writer);
    }

    @Test
    void aServiceReadsARecordAndDisputesIt() throws Exception {
        mvc.perform(get("/internal/v1/records/" + taxRecord.id()).with(as("internal")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.state").value("ACTIVE"));
        mvc.perform(effect(taxRecord.id(), "dispute", DISPUTE).with(as("internal")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.state").value("DISPUTED"))
                .andExpect(jsonPath("$.version").value(2));
        verify(writer).write(any(), any(), any());
    }
}
