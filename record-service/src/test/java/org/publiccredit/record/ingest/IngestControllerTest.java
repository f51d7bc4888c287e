package org.publiccredit.record.ingest;

import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.mockito.Mockito.when;
import static org.publiccredit.record.config.ProblemMatchers.field;
import static org.publiccredit.record.config.ProblemMatchers.problem;
import static org.publiccredit.testkit.SliceTokens.ENT1;
import static org.publiccredit.testkit.SliceTokens.as;
import static org.publiccredit.testkit.SliceTokens.bearer;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
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
import org.publiccredit.record.publicity.PublicityPolicy;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.context.annotation.Import;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import tools.jackson.databind.json.JsonMapper;

/**
 * Pushes' refusals through the real {@link IngestService} and its row checks, on the shipped catalog: who may push,
 * which department supplies what, and which bodies. The subject registry and the store are mocked.
 */
@WebMvcTest(IngestController.class)
@Import({WebSlice.class, IngestService.class, ChunkWriters.class, SimpleMeterRegistry.class, PublicityPolicy.class})
class IngestControllerTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @Autowired
    private MockMvc mvc;
    @MockitoBean
    private Catalog catalog;
    @MockitoBean
    private SubjectResolver resolver;
    @MockitoBean
    private ChunkStore store;
    @MockitoBean
    private IngestCounters counters;

    @BeforeEach
    void shippedCatalog() {
        when(catalog.find(anyString())).thenAnswer(call -> Optional.ofNullable(CatalogFixtures.entry(call.getArgument(0))));
    }

    /** A major tax violation of ent1, as the tax department pushes it. */
    private static Map<String, Object> taxViolation() {
        Map<String, Object> record = new HashMap<>();
        record.put("category", "TAX_MAJOR_VIOLATION");
        record.put("subject", Map.of("identifier", ENT1, "name", "柳州示范有限公司"));
        record.put("documentNumber", "柳税稽罚〔2026〕17号");
        record.put("decisionDate", LocalDate.now().minusDays(20).toString());
        record.put("fields", Map.of("violationFacts", "虚开增值税专用发票", "taxAmount", "120.5", "authority", "国家税务总局柳州市税务局"));
        return record;
    }

    private static MockHttpServletRequestBuilder push(Map<String, Object> record) {
        return push(JSON.writeValueAsString(record));
    }

    private static MockHttpServletRequestBuilder push(String body) {
        return post("/api/v1/records").contentType(MediaType.APPLICATION_JSON).content(body);
    }

    private static MockHttpServletRequestBuilder batch(String contentType, String body) {
        return post("/api/v1/records:batch").contentType(contentType).content(body);
    }

    @Test
    void pushingWithoutATokenIs401() throws Exception {
        mvc.perform(push(taxViolation()))
                .andExpect(problem(HttpStatus.UNAUTHORIZED, "UNAUTHENTICATED"));
        mvc.perform(push(taxViolation()).with(bearer("forged")))
                .andExpect(problem(HttpStatus.UNAUTHORIZED, "UNAUTHENTICATED"));
        mvc.perform(batch("application/x-ndjson", JSON.writeValueAsString(taxViolation())))
                .andExpect(problem(HttpStatus.UNAUTHORIZED, "UNAUTHENTICATED"));
        verifyNoInteractions(store, resolver, counters);
    }

    @ParameterizedTest
    @ValueSource(strings = {"ent1", "citizen1", "reviewer", "internal"})
    void onlyOfficersPartnersAndAdminsPush(String who) throws Exception {
        mvc.perform(push(taxViolation()).with(as(who)))
                .andExpect(problem(HttpStatus.FORBIDDEN, "ACCESS_DENIED"));
        mvc.perform(batch("application/x-ndjson", JSON.writeValueAsString(taxViolation())).with(as(who)))
                .andExpect(problem(HttpStatus.FORBIDDEN, "ACCESS_DENIED"));
        verifyNoInteractions(store, resolver, counters);
    }

    @ParameterizedTest
    @ValueSource(strings = {"partner", "admin"})
    void aCallerWithoutDepartmentPushesNothing(String who) throws Exception {
        mvc.perform(push(taxViolation()).with(as(who)))
                .andExpect(problem(HttpStatus.FORBIDDEN, "DEPARTMENT_REQUIRED"));
        mvc.perform(batch("application/x-ndjson", JSON.writeValueAsString(taxViolation())).with(as(who)))
                .andExpect(problem(HttpStatus.FORBIDDEN, "DEPARTMENT_REQUIRED"));
        verifyNoInteractions(store, resolver, counters);
    }

    @Test
    void aDepartmentPushingACategoryItDoesNotSupplyIs403AndCountedAsRejected() throws Exception {
        mvc.perform(push(taxViolation()).with(as("officer-market")))
                .andExpect(problem(HttpStatus.FORBIDDEN, "DEPARTMENT_NOT_SUPPLIER"));
        verify(counters).add(eq("market"), any());
        verifyNoInteractions(store, resolver);
    }

    @Test
    void everyBadPartOfARecordIsAFieldOfOneProblem() throws Exception {
        Map<String, Object> record = taxViolation();
        record.put("subject", Map.of("identifier", "91450200MA5K00012Q", "name", " "));
        record.put("documentNumber", "");
        record.put("decisionDate", LocalDate.now().plusDays(3).toString());
        record.put("fields", Map.of("violationFacts", "虚开增值税专用发票", "penaltyKind", "罚款"));
        mvc.perform(push(record).with(as("officer")))
                .andExpect(problem(HttpStatus.BAD_REQUEST, "VALIDATION_FAILED"))
                .andExpect(field("subject.identifier", "USCC_CHECK_DIGIT"))
                .andExpect(field("subject.name", "FIELD_REQUIRED"))
                .andExpect(field("documentNumber", "FIELD_REQUIRED"))
                .andExpect(field("decisionDate", "DECISION_DATE_IN_FUTURE"))
                .andExpect(field("fields.penaltyKind", "FIELD_UNKNOWN"))
                .andExpect(field("fields.authority", "FIELD_REQUIRED"));
        verify(counters).add(eq("tax"), any());
        verifyNoInteractions(store, resolver);
    }

    @Test
    void anUnknownCategoryIs400OnCategory() throws Exception {
        Map<String, Object> record = taxViolation();
        record.put("category", "TAX_EVASION");
        mvc.perform(push(record).with(as("officer")))
                .andExpect(problem(HttpStatus.BAD_REQUEST, "VALIDATION_FAILED"))
                .andExpect(field("category", "CATEGORY_UNKNOWN"));
        verifyNoInteractions(store, resolver);
    }

    @Test
    void aNulInAFieldIs400NamingTheField() throws Exception {
        Map<String, Object> record = taxViolation();
        record.put("fields", Map.of("violationFacts", "虚开\u0000发票", "authority", "国家税务总局柳州市税务局"));
        mvc.perform(push(record).with(as("officer")))
                .andExpect(problem(HttpStatus.BAD_REQUEST, "VALIDATION_FAILED"))
                .andExpect(field("fields.violationFacts", "TEXT_INVALID_CHARACTER"));
        verifyNoInteractions(store, resolver);
    }

    @Test
    void aBodyThatIsNoJsonIs400() throws Exception {
        mvc.perform(push("{\"category\":").with(as("officer")))
                .andExpect(problem(HttpStatus.BAD_REQUEST, "MALFORMED_BODY"));
        verifyNoInteractions(store, resolver, counters);
    }

    @Test
    void aBatchThatIsNeitherNdjsonNorCsvIs415() throws Exception {
        mvc.perform(batch(MediaType.APPLICATION_JSON_VALUE, "[" + JSON.writeValueAsString(taxViolation()) + "]").with(as("officer")))
                .andExpect(problem(HttpStatus.UNSUPPORTED_MEDIA_TYPE, "UNSUPPORTED_MEDIA_TYPE"));
        verifyNoInteractions(store, resolver, counters);
    }

    @Test
    void aBatchInAnotherCharsetThanUtf8Is400() throws Exception {
        mvc.perform(batch("text/csv; charset=GBK", "category,subjectIdentifier\n").with(as("officer")))
                .andExpect(problem(HttpStatus.BAD_REQUEST, "ENCODING_NOT_UTF8"));
        verifyNoInteractions(store, resolver, counters);
    }

    @Test
    void aCharsetJavaDoesNotKnowIsNotUtf8() throws Exception {
        mvc.perform(batch("text/csv; charset=no-such-charset", "category,subjectIdentifier\n").with(as("officer")))
                .andExpect(problem(HttpStatus.BAD_REQUEST, "ENCODING_NOT_UTF8"));
        verifyNoInteractions(store, resolver, counters);
    }

    @Test
    void aQuotedUtf8CharsetIsUtf8() throws Exception {
        // the empty body reaches the CSV reader: the charset was accepted
        mvc.perform(batch("text/csv; charset=\"UTF-8\"", "").with(as("officer")))
                .andExpect(problem(HttpStatus.BAD_REQUEST, "CSV_HEADER_MISSING"));
        verifyNoInteractions(store, resolver);
    }

    @Test
    void aCsvBatchWithoutUsableHeaderIs400() throws Exception {
        mvc.perform(batch("text/csv", "").with(as("officer")))
                .andExpect(problem(HttpStatus.BAD_REQUEST, "CSV_HEADER_MISSING"));
        mvc.perform(batch("text/csv", "category,subjectName\nTAX_MAJOR_VIOLATION,甲\n").with(as("officer")))
                .andExpect(problem(HttpStatus.BAD_REQUEST, "CSV_HEADER_INVALID"))
                .andExpect(field("header", "CSV_COLUMN_MISSING"));
        verifyNoInteractions(store, resolver);
    }

    @Test
    void aNewRecordIs201AtItsLocation() throws Exception {
        UUID id = UUID.randomUUID();
        when(resolver.resolve(eq(ENT1), any(), any())).thenReturn(
                new SubjectRef(UUID.randomUUID(), "USCC", ENT1, null, "柳州示范有限公司", "ENTERPRISE", "450200", true, false));
        when(store.storeOne(eq("tax"), any(), any())).thenReturn(new RowResult(1, "created", "柳税稽罚〔2026〕17号", id, 1, null, List.of()));
        mvc.perform(push(taxViolation()).with(as("officer")))
                .andExpect(status().isCreated())
                .andExpect(header().string("Location", "/api/v1/records/" + id))
                .andExpect(jsonPath("$.result").value("created"))
                .andExpect(jsonPath("$.id").value(id.toString()));
    }
}
