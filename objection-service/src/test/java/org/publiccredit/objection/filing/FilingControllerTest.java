package org.publiccredit.objection.filing;

import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.startsWith;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;
import static org.publiccredit.objection.ProblemAnswers.offending;
import static org.publiccredit.objection.ProblemAnswers.problem;
import static org.publiccredit.testkit.SliceTokens.as;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;

import java.time.LocalDate;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.publiccredit.objection.WebSlice;
import org.publiccredit.objection.attachment.Attachments;
import org.publiccredit.objection.cases.CaseRepository;
import org.publiccredit.objection.cases.CaseService;
import org.publiccredit.objection.cases.CaseViews;
import org.publiccredit.objection.cases.Deadlines;
import org.publiccredit.objection.client.CategoryNames;
import org.publiccredit.objection.client.RecordView;
import org.publiccredit.objection.client.Records;
import org.publiccredit.objection.client.Subjects;
import org.publiccredit.objection.repair.RepairTemplates;
import org.publiccredit.testkit.SliceTokens;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The refusals of filing. Who may file and whether a repair is eligible are decided for real ({@code FilingService},
 * {@code RecordOwnership}, {@code RepairEligibility}); record-service, subject-service and the storage are mocked.
 * Record {@code rec-1} is ent1's, active and no longer public.
 */
@WebSlice(FilingController.class)
@Import({FilingService.class, RecordOwnership.class})
class FilingControllerTest {

    private static final String OBJECTION = "{\"recordId\":\"rec-1\",\"reason\":\"the fine was paid before the decision\"}";
    private static final String REPAIR = "{\"recordId\":\"rec-1\",\"reason\":\"the fine was paid\",\"obligationsFulfilled\":true,"
            + "\"obligationsStatement\":\"罚款已于2026-05-20缴清\",\"acceptedTemplates\":[]}";

    @Autowired
    MockMvc mvc;

    @MockitoBean
    Records records;
    @MockitoBean
    Subjects subjects;
    @MockitoBean
    CaseRepository cases;
    @MockitoBean
    CaseService caseService;
    @MockitoBean
    Deadlines deadlines;
    @MockitoBean
    Attachments attachments;
    @MockitoBean
    RepairTemplates templates;
    @MockitoBean
    CategoryNames categories;
    @MockitoBean
    JdbcClient jdbc;
    @MockitoBean
    TransactionTemplate tx;
    @MockitoBean
    CaseViews views;

    @BeforeEach
    void ent1HasARecordNoLongerPublic() {
        when(records.find("rec-1")).thenReturn(Optional.of(new RecordView("rec-1", "subject-ent1", SliceTokens.ENT1, "USCC", "ent1",
                "450200", "market", "ADM_PENALTY", "PENALTY", "柳市监罚〔2026〕1号", LocalDate.of(2025, 3, 1), "ACTIVE", 1L,
                false, "PUBLICITY_ENDED", LocalDate.of(2025, 3, 8), LocalDate.of(2026, 3, 8), true, LocalDate.of(2025, 6, 8), null,
                "罚款", null)));
    }

    @Test
    void anonymousCallersAreUnauthenticated() throws Exception {
        mvc.perform(json(post("/api/v1/objections"), OBJECTION).header("Idempotency-Key", "k1")).andExpect(problem(401, "UNAUTHENTICATED"));
        mvc.perform(json(post("/api/v1/repairs"), REPAIR).header("Idempotency-Key", "k1")).andExpect(problem(401, "UNAUTHENTICATED"));
        mvc.perform(get("/api/v1/repairs/eligibility?record=rec-1")).andExpect(problem(401, "UNAUTHENTICATED"));
        mvc.perform(get("/api/v1/repairs/templates?record=rec-1")).andExpect(problem(401, "UNAUTHENTICATED"));
    }

    /** Filing is the record's subject's alone: another enterprise, a citizen, staff and admins are all refused alike. */
    @Test
    void onlyTheRecordsSubjectMayFile() throws Exception {
        for (String other : new String[] {"ent2", "citizen1", "officer-market", "reviewer", "admin"}) {
            mvc.perform(json(post("/api/v1/objections").with(as(other)), OBJECTION).header("Idempotency-Key", "k-" + other))
                    .andExpect(problem(403, "NOT_RECORD_SUBJECT"));
            mvc.perform(json(post("/api/v1/repairs").with(as(other)), REPAIR).header("Idempotency-Key", "k-" + other))
                    .andExpect(problem(403, "NOT_RECORD_SUBJECT"));
            mvc.perform(get("/api/v1/repairs/eligibility?record=rec-1").with(as(other))).andExpect(problem(403, "NOT_RECORD_SUBJECT"));
            mvc.perform(get("/api/v1/repairs/templates?record=rec-1").with(as(other))).andExpect(problem(403, "NOT_RECORD_SUBJECT"));
        }
        verify(cases, never()).insert(any(), anyString(), anyString(), any(), any());
    }

    @Test
    void anUnknownRecordIsNotFound() throws Exception {
        mvc.perform(json(post("/api/v1/objections").with(as("ent1")), OBJECTION.replace("rec-1", "rec-2")).header("Idempotency-Key", "k1"))
                .andExpect(problem(404, "NOT_FOUND"));
        mvc.perform(get("/api/v1/repairs/eligibility?record=rec-2").with(as("ent1"))).andExpect(problem(404, "NOT_FOUND"));
    }

    @Test
    void badInputNamesTheField() throws Exception {
        mvc.perform(json(post("/api/v1/objections").with(as("ent1")), "{\"recordId\":\"rec-1\",\"reason\":\"  \"}")
                        .header("Idempotency-Key", "k1"))
                .andExpect(problem(400, "VALIDATION_FAILED")).andExpect(offending("reason", "FIELD_NOT_BLANK"));
        mvc.perform(json(post("/api/v1/objections").with(as("ent1")), OBJECTION.replace("rec-1", "../../x")).header("Idempotency-Key", "k1"))
                .andExpect(problem(400, "VALIDATION_FAILED")).andExpect(offending("recordId", "FIELD_PATTERN"));
        mvc.perform(json(post("/api/v1/repairs").with(as("ent1")), REPAIR.replace(",\"acceptedTemplates\":[]", ""))
                        .header("Idempotency-Key", "k1"))
                .andExpect(problem(400, "VALIDATION_FAILED")).andExpect(offending("acceptedTemplates", "FIELD_NOT_NULL"));
        mvc.perform(json(post("/api/v1/objections").with(as("ent1")), OBJECTION))
                .andExpect(problem(400, "HEADER_MISSING"));
        mvc.perform(json(post("/api/v1/objections").with(as("ent1")), OBJECTION).header("Idempotency-Key", "k".repeat(101)))
                .andExpect(problem(400, "IDEMPOTENCY_KEY_INVALID")).andExpect(offending("Idempotency-Key", "IDEMPOTENCY_KEY_INVALID"));
        mvc.perform(get("/api/v1/repairs/eligibility?record=../../x").with(as("ent1")))
                .andExpect(problem(400, "VALIDATION_FAILED")).andExpect(offending("record", "FIELD_PATTERN"));
        mvc.perform(get("/api/v1/repairs/eligibility").with(as("ent1")))
                .andExpect(problem(400, "PARAMETER_MISSING")).andExpect(offending("record", "PARAMETER_MISSING"));
        verify(records, never()).find("../../x");
    }

    /** Built by commons' problem advice from the thrown refusal: the failed conditions, the date and every condition. */
    @Test
    void aRepairThatIsNotEligibleSaysWhyInTheReadersLanguage() throws Exception {
        mvc.perform(json(post("/api/v1/repairs").with(as("ent1")), REPAIR).header("Idempotency-Key", "k1").header("Accept-Language", "en"))
                .andExpect(problem(422, "REPAIR_NOT_ELIGIBLE"))
                .andExpect(header().string("Content-Language", "en"))
                .andExpect(offending("PUBLIC_NOW", "RECORD_NOT_PUBLIC"))
                .andExpect(offending("OBLIGATIONS_FULFILLED", "OBLIGATION_PROOF_MISSING"))
                .andExpect(jsonPath("$.errors", hasSize(2)))
                .andExpect(jsonPath("$.detail", startsWith("The record cannot be repaired now: Only a record that is public now can be "
                        + "repaired; ")))
                .andExpect(jsonPath("$.eligibleFrom").value("2025-06-09"))
                .andExpect(jsonPath("$.conditions", hasSize(5)));
        mvc.perform(json(post("/api/v1/repairs").with(as("ent1")), REPAIR).header("Idempotency-Key", "k2"))
                .andExpect(problem(422, "REPAIR_NOT_ELIGIBLE"))
                .andExpect(header().string("Content-Language", "zh-CN"))
                .andExpect(jsonPath("$.detail", startsWith("该记录现在不能修复：只有目前正在公示的记录可以修复；")));
        verify(cases, never()).insert(any(), anyString(), anyString(), any(), any());
    }

    private static MockHttpServletRequestBuilder json(MockHttpServletRequestBuilder request, String body) {
        return request.contentType(MediaType.APPLICATION_JSON).content(body);
    }
}
