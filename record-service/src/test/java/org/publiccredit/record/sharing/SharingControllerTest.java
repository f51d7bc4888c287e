package org.publiccredit.record.sharing;

import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.ArgumentMatchers.startsWith;
import static org.mockito.Mockito.never;
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

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.mockito.Answers;
import org.publiccredit.record.catalog.Catalog;
import org.publiccredit.record.catalog.CatalogEntry;
import org.publiccredit.record.catalog.CatalogFixtures;
import org.publiccredit.record.client.SubjectResolver;
import org.publiccredit.record.config.WebSlice;
import org.publiccredit.record.creditrecord.CreditRecords;
import org.publiccredit.record.creditrecord.RecordRepository;
import org.publiccredit.record.publicity.PublicityPolicy;
import org.publiccredit.record.publicity.RecordViews;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.context.annotation.Import;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/**
 * Sharing grants and shared reads through the real {@link SharingGrants} and {@link SharedReads} on the shipped catalog
 * (无条件共享, 有条件共享 TAX_CREDIT_GRADE, 不予共享 CONTRACT_HONORED): who may apply, decide and read, and what a
 * department's grants do not open. The grant tables and the records are mocked.
 */
@WebMvcTest(SharingController.class)
@Import({WebSlice.class, SharingGrants.class, SharedReads.class, RecordViews.class, PublicityPolicy.class})
class SharingControllerTest {

    private static final List<CatalogEntry> CATALOG = Stream.of("ADM_LICENSE", "ADM_PENALTY", "COURT_DEFAULTER", "TAX_MAJOR_VIOLATION",
            "SAFETY_SERIOUS", "PROCUREMENT_BAN", "WAGE_ARREARS", "CUSTOMS_DISHONEST", "STATS_SERIOUS", "BUSINESS_ABNORMAL", "TAX_A_GRADE",
            "CONTRACT_HONORED", "TAX_CREDIT_GRADE").map(CatalogFixtures::entry).toList();
    private static final String APPLICATION =
            "{\"category\":\"TAX_CREDIT_GRADE\",\"basis\":\"《企业信息公示暂行条例》\",\"purpose\":\"市场主体信用分类监管\"}";
    private static final String READ = "{\"subject\":\"" + ENT1 + "\",\"purpose\":\"行政许可审查\"}";

    @Autowired
    private MockMvc mvc;
    /** The grant tables and the shared-read log. */
    @MockitoBean(answers = Answers.RETURNS_DEEP_STUBS)
    private JdbcClient jdbc;
    @MockitoBean
    private Catalog catalog;
    @MockitoBean
    private RecordRepository records;
    @MockitoBean
    private SubjectResolver resolver;

    @BeforeEach
    void shippedCatalog() {
        when(catalog.find(anyString())).thenAnswer(call -> Optional.ofNullable(CatalogFixtures.entry(call.getArgument(0))));
        when(catalog.require(anyString())).thenAnswer(call -> CatalogFixtures.entry(call.getArgument(0)));
        when(catalog.all()).thenReturn(CATALOG);
    }

    private static MockHttpServletRequestBuilder json(MockHttpServletRequestBuilder request, String body) {
        return request.contentType(MediaType.APPLICATION_JSON).content(body);
    }

    private static SharingGrants.Grant grant(UUID id, String department, String state) {
        return new SharingGrants.Grant(id, department, "TAX_CREDIT_GRADE", "《企业信息公示暂行条例》", "市场主体信用分类监管", state,
                null, false, null, "officer-" + department, Instant.now(), null, null, List.of());
    }

    /** A stored grant, as {@link SharingGrants} reads it (and locks it, to decide it). */
    @SuppressWarnings("unchecked")
    private void stored(SharingGrants.Grant grant) {
        when(jdbc.sql("SELECT id FROM sharing_grant WHERE id = ? FOR UPDATE").param(grant.id()).query(UUID.class).optional())
                .thenReturn(Optional.of(grant.id()));
        when(jdbc.sql("SELECT * FROM sharing_grant WHERE id = ?").param(grant.id()).query(any(RowMapper.class)).optional())
                .thenReturn(Optional.of(grant));
    }

    @Test
    void withoutATokenIs401() throws Exception {
        mvc.perform(get("/api/v1/sharing/grants"))
                .andExpect(problem(HttpStatus.UNAUTHORIZED, "UNAUTHENTICATED"));
        mvc.perform(json(post("/api/v1/sharing/reads"), READ).with(bearer("forged")))
                .andExpect(problem(HttpStatus.UNAUTHORIZED, "UNAUTHENTICATED"));
        verifyNoInteractions(jdbc, records);
    }

    @ParameterizedTest
    @ValueSource(strings = {"ent1", "citizen1", "reviewer", "internal"})
    void onlyDepartmentsAndAdminsReachSharing(String who) throws Exception {
        mvc.perform(json(post("/api/v1/sharing/grants"), APPLICATION).with(as(who)))
                .andExpect(problem(HttpStatus.FORBIDDEN, "ACCESS_DENIED"));
        mvc.perform(get("/api/v1/sharing/grants").with(as(who)))
                .andExpect(problem(HttpStatus.FORBIDDEN, "ACCESS_DENIED"));
        mvc.perform(json(post("/api/v1/sharing/reads"), READ).with(as(who)))
                .andExpect(problem(HttpStatus.FORBIDDEN, "ACCESS_DENIED"));
        verifyNoInteractions(jdbc, records);
    }

    @ParameterizedTest
    @ValueSource(strings = {"officer", "partner"})
    void onlyAdminsDecideGrants(String who) throws Exception {
        UUID id = UUID.randomUUID();
        mvc.perform(json(post("/api/v1/sharing/grants/" + id + ":approve"), "{\"until\":\"2027-12-31\"}").with(as(who)))
                .andExpect(problem(HttpStatus.FORBIDDEN, "ACCESS_DENIED"));
        mvc.perform(json(post("/api/v1/sharing/grants/" + id + ":refuse"), "{\"reason\":\"依据不足\"}").with(as(who)))
                .andExpect(problem(HttpStatus.FORBIDDEN, "ACCESS_DENIED"));
        verifyNoInteractions(jdbc);
    }

    @ParameterizedTest
    @ValueSource(strings = {"admin", "partner"})
    void aCallerWithoutDepartmentNeitherAppliesNorReads(String who) throws Exception {
        mvc.perform(json(post("/api/v1/sharing/grants"), APPLICATION).with(as(who)))
                .andExpect(problem(HttpStatus.FORBIDDEN, "DEPARTMENT_REQUIRED"));
        mvc.perform(json(post("/api/v1/sharing/reads"), READ).with(as(who)))
                .andExpect(problem(HttpStatus.FORBIDDEN, "DEPARTMENT_REQUIRED"));
        verifyNoInteractions(jdbc, records, resolver);
    }

    @Test
    void anApplicationIsForAConditionalCategoryWithBasisAndPurpose() throws Exception {
        mvc.perform(json(post("/api/v1/sharing/grants"), "{\"category\":\"TAX_A_GRADE\",\"purpose\":\"" + "监".repeat(501) + "\"}")
                        .with(as("officer")))
                .andExpect(problem(HttpStatus.BAD_REQUEST, "SHARING_GRANT_INVALID"))
                .andExpect(field("category", "SHARING_NOT_CONDITIONAL"))
                .andExpect(field("basis", "FIELD_REQUIRED"))
                .andExpect(field("purpose", "FIELD_TOO_LONG"));
        mvc.perform(json(post("/api/v1/sharing/grants"), APPLICATION.replace("TAX_CREDIT_GRADE", "TAX_SECRETS")).with(as("officer")))
                .andExpect(problem(HttpStatus.BAD_REQUEST, "SHARING_GRANT_INVALID"))
                .andExpect(field("category", "CATALOG_CATEGORY_UNKNOWN"));
        verifyNoInteractions(jdbc);
    }

    @Test
    void anotherDepartmentsGrantIs404() throws Exception {
        SharingGrants.Grant market = grant(UUID.randomUUID(), "market", "PENDING");
        stored(market);
        mvc.perform(get("/api/v1/sharing/grants/" + market.id()).with(as("officer")))
                .andExpect(problem(HttpStatus.NOT_FOUND, "NOT_FOUND"));
        mvc.perform(get("/api/v1/sharing/grants/" + market.id()).with(as("officer-market")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.department").value("market"));
        mvc.perform(get("/api/v1/sharing/grants/" + market.id()).with(as("admin")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.state").value("PENDING"));
    }

    @Test
    void anUnknownGrantIs404() throws Exception {
        mvc.perform(get("/api/v1/sharing/grants/" + UUID.randomUUID()).with(as("officer")))
                .andExpect(problem(HttpStatus.NOT_FOUND, "NOT_FOUND"));
        mvc.perform(json(post("/api/v1/sharing/grants/not-a-grant:approve"), "{\"until\":\"2027-12-31\"}").with(as("admin")))
                .andExpect(problem(HttpStatus.NOT_FOUND, "NOT_FOUND"));
        mvc.perform(json(post("/api/v1/sharing/grants/" + UUID.randomUUID() + ":refuse"), "{\"reason\":\"依据不足\"}").with(as("admin")))
                .andExpect(problem(HttpStatus.NOT_FOUND, "NOT_FOUND"));
        verify(jdbc, never()).sql(startsWith("UPDATE"));
    }

    @Test
    void anApprovalNeedsAnEndDateWithinFiveYears() throws Exception {
        SharingGrants.Grant pending = grant(UUID.randomUUID(), "market", "PENDING");
        stored(pending);
        mvc.perform(json(post("/api/v1/sharing/grants/" + pending.id() + ":approve"), "{}").with(as("admin")))
                .andExpect(problem(HttpStatus.BAD_REQUEST, "SHARING_GRANT_INVALID"))
                .andExpect(field("until", "FIELD_REQUIRED"));
        mvc.perform(json(post("/api/v1/sharing/grants/" + pending.id() + ":approve"), "{\"until\":\"" + LocalDate.now().plusYears(6) + "\"}")
                        .with(as("admin")))
                .andExpect(problem(HttpStatus.BAD_REQUEST, "SHARING_GRANT_INVALID"))
                .andExpect(field("until", "GRANT_UNTIL_OUT_OF_RANGE"));
        mvc.perform(json(post("/api/v1/sharing/grants/" + pending.id() + ":refuse"), "{\"reason\":\" \"}").with(as("admin")))
                .andExpect(problem(HttpStatus.BAD_REQUEST, "SHARING_GRANT_INVALID"))
                .andExpect(field("reason", "FIELD_REQUIRED"));
        verify(jdbc, never()).sql(startsWith("UPDATE"));
    }

    @Test
    void aDecidedGrantCannotBeDecidedThatWayAgain() throws Exception {
        SharingGrants.Grant refused = grant(UUID.randomUUID(), "market", "REFUSED");
        SharingGrants.Grant approved = grant(UUID.randomUUID(), "market", "APPROVED");
        stored(refused);
        stored(approved);
        mvc.perform(json(post("/api/v1/sharing/grants/" + refused.id() + ":approve"), "{\"until\":\"" + LocalDate.now().plusYears(1) + "\"}")
                        .with(as("admin")))
                .andExpect(problem(HttpStatus.CONFLICT, "GRANT_ALREADY_DECIDED"));
        mvc.perform(json(post("/api/v1/sharing/grants/" + approved.id() + ":refuse"), "{\"reason\":\"依据不足\"}").with(as("admin")))
                .andExpect(problem(HttpStatus.CONFLICT, "GRANT_ALREADY_DECIDED"));
        verify(jdbc, never()).sql(startsWith("UPDATE"));
    }

    @Test
    void aSharedReadNeedsASubjectAPurposeAndKnownCategories() throws Exception {
        mvc.perform(json(post("/api/v1/sharing/reads"), "{\"categories\":[\"TAX_SECRETS\"]}").with(as("officer")))
                .andExpect(problem(HttpStatus.BAD_REQUEST, "SHARED_READ_INVALID"))
                .andExpect(field("subject", "FIELD_REQUIRED"))
                .andExpect(field("purpose", "FIELD_REQUIRED"))
                .andExpect(field("categories[0]", "CATALOG_CATEGORY_UNKNOWN"));
        mvc.perform(json(post("/api/v1/sharing/reads"), READ.replace(ENT1, "91450200MA5K00012Q")).with(as("officer")))
                .andExpect(problem(HttpStatus.BAD_REQUEST, "IDENTIFIER_INVALID"))
                .andExpect(field("subject", "USCC_CHECK_DIGIT"));
        verifyNoInteractions(jdbc, records, resolver);
    }

    @Test
    void aCategoryWithoutGrantOrNotSharedIsRefusedAndNothingIsRead() throws Exception {
        mvc.perform(json(post("/api/v1/sharing/reads"), READ.replace("}", ",\"categories\":[\"TAX_CREDIT_GRADE\"]}")).with(as("officer")))
                .andExpect(problem(HttpStatus.FORBIDDEN, "NO_SHARING_GRANT"))
                .andExpect(field("categories", "NO_SHARING_GRANT"));
        mvc.perform(json(post("/api/v1/sharing/reads"), READ.replace("}", ",\"categories\":[\"CONTRACT_HONORED\"]}")).with(as("officer")))
                .andExpect(problem(HttpStatus.FORBIDDEN, "NOT_SHARED"));
        verifyNoInteractions(records, resolver);
        verify(jdbc, never()).sql(startsWith("INSERT"));
    }

    @Test
    void aDepartmentReadsTheUnconditionalRecordsInForce() throws Exception {
        when(records.findBySubjectCode(ENT1)).thenReturn(List.of(CreditRecords.taxViolation(ENT1)));
        mvc.perform(json(post("/api/v1/sharing/reads"), READ).with(as("officer-market")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.subjectCode").value(ENT1))
                .andExpect(jsonPath("$.categories").value(hasItem("TAX_MAJOR_VIOLATION")))
                .andExpect(jsonPath("$.categories").value(not(hasItem("TAX_CREDIT_GRADE"))))
                .andExpect(jsonPath("$.categories").value(not(hasItem("CONTRACT_HONORED"))))
                .andExpect(jsonPath("$.records[0].category").value("TAX_MAJOR_VIOLATION"));
    }
}
