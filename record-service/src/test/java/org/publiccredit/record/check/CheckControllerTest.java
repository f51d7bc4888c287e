package org.publiccredit.record.check;

import static org.hamcrest.Matchers.startsWith;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.mockito.Mockito.when;
import static org.publiccredit.record.config.ProblemMatchers.field;
import static org.publiccredit.record.config.ProblemMatchers.problem;
import static org.publiccredit.testkit.SliceTokens.ENT1;
import static org.publiccredit.testkit.SliceTokens.as;
import static org.publiccredit.testkit.SliceTokens.bearer;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.mockito.Answers;
import org.publiccredit.record.catalog.Catalog;
import org.publiccredit.record.client.SubjectRef;
import org.publiccredit.record.client.SubjectResolver;
import org.publiccredit.record.config.WebSlice;
import org.publiccredit.record.creditrecord.RecordRepository;
import org.publiccredit.record.publicity.CreditEvaluation;
import org.publiccredit.record.publicity.PublicityPolicy;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.context.annotation.Import;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import tools.jackson.databind.json.JsonMapper;

/**
 * Credit checks' refusals through the real {@link CheckService}: who may check, which requests, and whose recorded
 * checks. The registry, the cache, the records and the check table are mocked.
 */
@WebMvcTest(CheckController.class)
@Import({WebSlice.class, CheckService.class, PublicityPolicy.class})
class CheckControllerTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @Autowired
    private MockMvc mvc;
    @MockitoBean
    private RecordRepository records;
    @MockitoBean
    private Catalog catalog;
    @MockitoBean
    private CreditEvaluation evaluation;
    @MockitoBean
    private SubjectResolver resolver;
    @MockitoBean
    private CheckCache cache;
    /** The check table: every check is recorded there. */
    @MockitoBean(answers = Answers.RETURNS_DEEP_STUBS)
    private JdbcClient jdbc;

    @BeforeEach
    void scenarios() {
        when(catalog.scenarioCodes()).thenReturn(Set.of("GOV_PROCUREMENT", "BIDDING"));
    }

    private static MockHttpServletRequestBuilder check(String body) {
        return post("/api/v1/checks").contentType(MediaType.APPLICATION_JSON).content(body);
    }

    private static String body(String scenario, String purpose, Stream<String> subjects) {
        return "{\"scenario\":\"" + scenario + "\",\"purpose\":\"" + purpose + "\",\"subjects\":"
                + subjects.map(s -> "\"" + s + "\"").collect(Collectors.joining(",", "[", "]")) + "}";
    }

    @Test
    void checkingWithoutATokenIs401() throws Exception {
        mvc.perform(check(body("GOV_PROCUREMENT", "招标资格审查", Stream.of(ENT1))))
                .andExpect(problem(HttpStatus.UNAUTHORIZED, "UNAUTHENTICATED"));
        mvc.perform(get("/api/v1/checks/" + UUID.randomUUID()).with(bearer("forged")))
                .andExpect(problem(HttpStatus.UNAUTHORIZED, "UNAUTHENTICATED"));
        verifyNoInteractions(jdbc, resolver, cache);
    }

    @ParameterizedTest
    @ValueSource(strings = {"ent1", "citizen1", "reviewer", "internal"})
    void onlyOfficersPartnersAndAdminsCheck(String who) throws Exception {
        mvc.perform(check(body("GOV_PROCUREMENT", "招标资格审查", Stream.of(ENT1))).with(as(who)))
                .andExpect(problem(HttpStatus.FORBIDDEN, "ACCESS_DENIED"));
        mvc.perform(get("/api/v1/checks/" + UUID.randomUUID()).with(as(who)))
                .andExpect(problem(HttpStatus.FORBIDDEN, "ACCESS_DENIED"));
        verifyNoInteractions(jdbc, resolver, cache);
    }

    @Test
    void aCheckWithoutScenarioPurposeOrSubjectsIs400OnEach() throws Exception {
        mvc.perform(check("{\"scenario\":\"LOTTERY\",\"purpose\":\" \",\"subjects\":[]}").with(as("officer")))
                .andExpect(problem(HttpStatus.BAD_REQUEST, "VALIDATION_FAILED"))
                .andExpect(field("scenario", "SCENARIO_UNKNOWN"))
                .andExpect(field("purpose", "FIELD_REQUIRED"))
                .andExpect(field("subjects", "FIELD_REQUIRED"));
        verifyNoInteractions(jdbc, resolver, cache);
    }

    @Test
    void aCheckWithNothingValidToCheckIs400NamingEachItem() throws Exception {
        mvc.perform(check(body("BIDDING", "招标资格审查", Stream.of("91450200MA5K00012Q", "450202199001011230"))).with(as("partner")))
                .andExpect(problem(HttpStatus.BAD_REQUEST, "VALIDATION_FAILED"))
                .andExpect(field("subjects[0]", "USCC_CHECK_DIGIT"))
                .andExpect(field("subjects[1]", "ID_NUMBER_CHECK_DIGIT"));
        verifyNoInteractions(jdbc, resolver, cache);
    }

    @Test
    void moreThanAThousandSubjectsOrALongPurposeIs400() throws Exception {
        mvc.perform(check(body("BIDDING", "审".repeat(501), Stream.generate(() -> ENT1).limit(CheckService.MAX_SUBJECTS + 1)))
                        .with(as("admin")))
                .andExpect(problem(HttpStatus.BAD_REQUEST, "VALIDATION_FAILED"))
                .andExpect(field("subjects", "TOO_MANY_SUBJECTS"))
                .andExpect(field("purpose", "FIELD_TOO_LONG"));
        verifyNoInteractions(jdbc, resolver, cache);
    }

    @Test
    void aBodyThatIsNoJsonIs400() throws Exception {
        mvc.perform(check("{\"scenario\":").with(as("officer")))
                .andExpect(problem(HttpStatus.BAD_REQUEST, "MALFORMED_BODY"));
        verifyNoInteractions(jdbc, resolver, cache);
    }

    @Test
    void aCheckIdThatIsNoUuidIs404() throws Exception {
        mvc.perform(get("/api/v1/checks/latest").with(as("officer")))
                .andExpect(problem(HttpStatus.NOT_FOUND, "NOT_FOUND"));
        verifyNoInteractions(jdbc);
    }

    @Test
    void aCheckIsReadOnlyByWhoMadeIt() throws Exception {
        UUID id = UUID.randomUUID();
        String made = JSON.writeValueAsString(new CheckService.CheckResult(id, "BIDDING", "招标资格审查", Instant.now(), List.of()));
        when(jdbc.sql(anyString()).params(id, "s-officer-tax").query(String.class).optional()).thenReturn(Optional.of(made));
        mvc.perform(get("/api/v1/checks/" + id).with(as("officer")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.checkId").value(id.toString()))
                .andExpect(jsonPath("$.scenario").value("BIDDING"));
        mvc.perform(get("/api/v1/checks/" + id).with(as("partner")))
                .andExpect(problem(HttpStatus.NOT_FOUND, "NOT_FOUND"));
    }

    @Test
    void aCheckIsRecordedAndAnsweredPerSubject() throws Exception {
        when(resolver.lookupAnswers(any())).thenReturn(Map.of(ENT1, Optional.of(
                new SubjectRef(UUID.randomUUID(), "USCC", ENT1, null, "柳州示范有限公司", "ENTERPRISE", "450200", true, false))));
        when(cache.read(any())).thenReturn(new CheckCache.Lookup(
                Map.of(CheckService.enterpriseKey(ENT1), new CheckCache.Cached(List.of(), null, null)), Map.of()));
        mvc.perform(check(body("GOV_PROCUREMENT", "招标资格审查", Stream.of(ENT1, "91450200MA5K00012Q"))).with(as("officer")))
                .andExpect(status().isCreated())
                .andExpect(header().string("Location", startsWith("/api/v1/checks/")))
                .andExpect(jsonPath("$.results[0].subject").value(ENT1))
                .andExpect(jsonPath("$.results[0].status").value("CHECKED"))
                .andExpect(jsonPath("$.results[0].name").value("柳州示范有限公司"))
                .andExpect(jsonPath("$.results[1].status").value("INVALID"))
                .andExpect(jsonPath("$.results[1].errors[0].code").value("USCC_CHECK_DIGIT"));
    }
}
