package org.publiccredit.record.monitoring;

import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.mockito.Mockito.when;
import static org.publiccredit.record.config.ProblemMatchers.field;
import static org.publiccredit.record.config.ProblemMatchers.problem;
import static org.publiccredit.testkit.SliceTokens.as;
import static org.publiccredit.testkit.SliceTokens.bearer;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.mockito.Answers;
import org.publiccredit.record.client.SubjectResolver;
import org.publiccredit.record.config.WebSlice;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.context.annotation.Import;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/**
 * Monitoring's refusals through the real watch list, webhooks, delivery log and client rule ({@link MonitoringClients}):
 * only the storage, the subject registry and the sender are mocked.
 */
@WebMvcTest(MonitoringController.class)
@Import({WebSlice.class, WatchList.class, Webhooks.class, Deliveries.class, MonitoringClients.class})
@EnableConfigurationProperties(MonitoringProperties.class)
class MonitoringControllerTest {

    private static final String ENT1 = "91450200MA5K00012P";

    @Autowired
    private MockMvc mvc;
    @MockitoBean(answers = Answers.RETURNS_DEEP_STUBS)
    private JdbcClient jdbc;
    @MockitoBean
    private JdbcTemplate template;
    @MockitoBean
    private SubjectResolver resolver;
    @MockitoBean
    private Grades grades;
    @MockitoBean
    private Outbox outbox;
    @MockitoBean
    private EventSender sender;

    private static MockHttpServletRequestBuilder watch(String body) {
        return put("/api/v1/monitoring/watchlist").contentType(MediaType.APPLICATION_JSON).content(body);
    }

    private static MockHttpServletRequestBuilder webhook(String url) {
        return put("/api/v1/monitoring/webhook").contentType(MediaType.APPLICATION_JSON).content("{\"url\":\"" + url + "\"}");
    }

    private static MockHttpServletRequestBuilder replay(String body) {
        return post("/api/v1/monitoring/deliveries:replay").contentType(MediaType.APPLICATION_JSON).content(body);
    }

    @Test
    void withoutATokenIs401() throws Exception {
        mvc.perform(get("/api/v1/monitoring/watchlist"))
                .andExpect(problem(HttpStatus.UNAUTHORIZED, "UNAUTHENTICATED"));
        mvc.perform(watch("{\"subjects\":[\"" + ENT1 + "\"]}"))
                .andExpect(problem(HttpStatus.UNAUTHORIZED, "UNAUTHENTICATED"));
        verifyNoInteractions(jdbc, template, resolver);
    }

    @Test
    void aForgedTokenIs401() throws Exception {
        mvc.perform(get("/api/v1/monitoring/webhook").with(bearer("forged")))
                .andExpect(problem(HttpStatus.UNAUTHORIZED, "UNAUTHENTICATED"));
        verifyNoInteractions(jdbc);
    }

    @ParameterizedTest
    @ValueSource(strings = {"officer", "ent1", "citizen1", "reviewer", "internal"})
    void onlyPartnersAndAdminsReachMonitoring(String who) throws Exception {
        mvc.perform(get("/api/v1/monitoring/watchlist").with(as(who)))
                .andExpect(problem(HttpStatus.FORBIDDEN, "ACCESS_DENIED"));
        mvc.perform(watch("{\"subjects\":[\"" + ENT1 + "\"]}").with(as(who)))
                .andExpect(problem(HttpStatus.FORBIDDEN, "ACCESS_DENIED"));
        mvc.perform(webhook("https://hooks.example.org/credit").with(as(who)))
                .andExpect(problem(HttpStatus.FORBIDDEN, "ACCESS_DENIED"));
        verifyNoInteractions(jdbc, template, resolver, outbox);
    }

    @Test
    void anAdminHasNoWatchListWebhookOrReplayOfItsOwn() throws Exception {
        mvc.perform(get("/api/v1/monitoring/watchlist").with(as("admin")))
                .andExpect(problem(HttpStatus.FORBIDDEN, "PARTNER_CLIENT_REQUIRED"));
        mvc.perform(watch("{\"subjects\":[\"" + ENT1 + "\"]}").with(as("admin")))
                .andExpect(problem(HttpStatus.FORBIDDEN, "PARTNER_CLIENT_REQUIRED"));
        mvc.perform(webhook("https://hooks.example.org/credit").with(as("admin")))
                .andExpect(problem(HttpStatus.FORBIDDEN, "PARTNER_CLIENT_REQUIRED"));
        mvc.perform(post("/api/v1/monitoring/webhook:rotate-secret").with(as("admin")))
                .andExpect(problem(HttpStatus.FORBIDDEN, "PARTNER_CLIENT_REQUIRED"));
        mvc.perform(replay("{\"from\":\"2026-01-01T00:00:00Z\"}").with(as("admin")))
                .andExpect(problem(HttpStatus.FORBIDDEN, "PARTNER_CLIENT_REQUIRED"));
        verifyNoInteractions(jdbc, template, resolver, outbox);
    }

    @Test
    void anAdminReadingTheDeliveryLogNamesTheClient() throws Exception {
        mvc.perform(get("/api/v1/monitoring/deliveries").with(as("admin")))
                .andExpect(problem(HttpStatus.BAD_REQUEST, "CLIENT_REQUIRED"))
                .andExpect(field("client", "FIELD_REQUIRED"));
        verifyNoInteractions(jdbc);
    }

    @ParameterizedTest
    @CsvSource({"page, -1, FIELD_MIN", "page, 100001, FIELD_MAX", "size, 0, FIELD_MIN", "size, 1001, FIELD_MAX"})
    void aPageOutOfRangeIs400OnIt(String parameter, String value, String code) throws Exception {
        mvc.perform(get("/api/v1/monitoring/watchlist").param(parameter, value).with(as("partner")))
                .andExpect(problem(HttpStatus.BAD_REQUEST, "VALIDATION_FAILED"))
                .andExpect(field(parameter, code));
        mvc.perform(get("/api/v1/monitoring/deliveries").param(parameter, value).with(as("partner")))
                .andExpect(problem(HttpStatus.BAD_REQUEST, "VALIDATION_FAILED"))
                .andExpect(field(parameter, code));
        verifyNoInteractions(jdbc);
    }

    @Test
    void aPageThatIsNoNumberIs400OnIt() throws Exception {
        mvc.perform(get("/api/v1/monitoring/watchlist").param("page", "first").with(as("partner")))
                .andExpect(problem(HttpStatus.BAD_REQUEST, "PARAMETER_INVALID"))
                .andExpect(field("page", "PARAMETER_INVALID"));
        verifyNoInteractions(jdbc);
    }

    @Test
    void aSinceThatIsNoInstantIs400OnSince() throws Exception {
        mvc.perform(get("/api/v1/monitoring/deliveries").param("since", "yesterday").with(as("partner")))
                .andExpect(problem(HttpStatus.BAD_REQUEST, "PARAMETER_INVALID"))
                .andExpect(field("since", "INSTANT_INVALID"));
        verifyNoInteractions(jdbc);
    }

    @Test
    void anEmptyWatchListRequestIs400OnSubjectsAndChangesNothing() throws Exception {
        mvc.perform(watch("{\"subjects\":[]}").with(as("partner")))
                .andExpect(problem(HttpStatus.BAD_REQUEST, "WATCHLIST_INVALID"))
                .andExpect(field("subjects", "FIELD_REQUIRED"));
        mvc.perform(post("/api/v1/monitoring/watchlist:remove").contentType(MediaType.APPLICATION_JSON).content("{}").with(as("partner")))
                .andExpect(problem(HttpStatus.BAD_REQUEST, "WATCHLIST_INVALID"))
                .andExpect(field("subjects", "FIELD_REQUIRED"));
        verifyNoInteractions(jdbc, template, resolver);
    }

    @Test
    void aCodeThatIsNotTextRefusesTheWholeRequest() throws Exception {
        mvc.perform(watch("{\"subjects\":[\"" + ENT1 + "\", 91450200]}").with(as("partner")))
                .andExpect(problem(HttpStatus.BAD_REQUEST, "WATCHLIST_INVALID"))
                .andExpect(field("subjects[1]", "FIELD_TYPE_INVALID"));
        verifyNoInteractions(jdbc, template, resolver);
    }

    @Test
    void aMalformedWatchListBodyIs400() throws Exception {
        mvc.perform(watch("{\"subjects\":[").with(as("partner")))
                .andExpect(problem(HttpStatus.BAD_REQUEST, "MALFORMED_BODY"));
        verifyNoInteractions(jdbc, template, resolver);
    }

    @ParameterizedTest
    @ValueSource(strings = {"http://hooks.example.org/credit", "https://127.0.0.1/credit", "https://user:secret@hooks.example.org/credit", "not a url"})
    void aWebhookTargetThatIsNotPublicHttpsIs422OnUrl(String url) throws Exception {
        mvc.perform(webhook(url).with(as("partner")))
                .andExpect(problem(HttpStatus.UNPROCESSABLE_CONTENT, "WEBHOOK_TARGET_REFUSED"))
                .andExpect(field("url", "WEBHOOK_TARGET_REFUSED"));
        verifyNoInteractions(jdbc);
    }

    @Test
    void aReplayNeedsAMomentInThePast() throws Exception {
        mvc.perform(replay("{}").with(as("partner")))
                .andExpect(problem(HttpStatus.BAD_REQUEST, "REPLAY_INVALID"))
                .andExpect(field("from", "FIELD_REQUIRED"));
        mvc.perform(replay("{\"from\":\"" + Instant.now().plus(Duration.ofDays(1)) + "\"}").with(as("partner")))
                .andExpect(problem(HttpStatus.BAD_REQUEST, "REPLAY_INVALID"))
                .andExpect(field("from", "FROM_IN_FUTURE"));
        mvc.perform(replay("{\"from\":\"last week\"}").with(as("partner")))
                .andExpect(problem(HttpStatus.BAD_REQUEST, "PARAMETER_INVALID"))
                .andExpect(field("from", "INSTANT_INVALID"));
        verifyNoInteractions(outbox, sender);
    }

    @Test
    void aPartnerReplaysItsOwnEvents() throws Exception {
        Instant from = Instant.now().minus(Duration.ofDays(1)).truncatedTo(ChronoUnit.SECONDS);
        when(outbox.replay(eq("partner-bank"), eq(from), any(), any())).thenReturn(3);
        mvc.perform(replay("{\"from\":\"" + from + "\"}").with(as("partner")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.requeued").value(3));
        verify(sender).wake();
    }
}
