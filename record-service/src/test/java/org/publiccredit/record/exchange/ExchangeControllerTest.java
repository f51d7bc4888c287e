package org.publiccredit.record.exchange;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyInt;
import static org.mockito.ArgumentMatchers.anyLong;
import static org.mockito.ArgumentMatchers.argThat;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.mockito.Mockito.when;
import static org.publiccredit.record.config.ProblemMatchers.field;
import static org.publiccredit.record.config.ProblemMatchers.problem;
import static org.publiccredit.testkit.SliceTokens.as;
import static org.publiccredit.testkit.SliceTokens.bearer;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.publiccredit.record.config.WebSlice;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.context.annotation.Import;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.json.JsonCompareMode;
import org.springframework.test.web.servlet.MockMvc;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The exchange feed: partner clients and admins only, paging parameters checked, JSON or NDJSON. */
@WebMvcTest(ExchangeController.class)
@Import(WebSlice.class)
class ExchangeControllerTest {

    private static final String CHANGES = "/api/v1/exchange/changes";

    @Autowired
    private MockMvc mvc;
    @MockitoBean
    private ExchangeFeed feed;

    @Test
    void withoutATokenIs401() throws Exception {
        mvc.perform(get(CHANGES))
                .andExpect(problem(HttpStatus.UNAUTHORIZED, "UNAUTHENTICATED"));
        mvc.perform(get(CHANGES).with(bearer("forged")))
                .andExpect(problem(HttpStatus.UNAUTHORIZED, "UNAUTHENTICATED"));
        verifyNoInteractions(feed);
    }

    @ParameterizedTest
    @ValueSource(strings = {"officer", "ent1", "citizen1", "reviewer", "internal"})
    void onlyPartnersAndAdminsPull(String who) throws Exception {
        mvc.perform(get(CHANGES).with(as(who)))
                .andExpect(problem(HttpStatus.FORBIDDEN, "ACCESS_DENIED"));
        verifyNoInteractions(feed);
    }

    @ParameterizedTest
    @CsvSource({"after, -1, FIELD_MIN", "limit, 0, FIELD_MIN", "limit, 5001, FIELD_MAX"})
    void aParameterOutOfRangeIs400OnIt(String parameter, String value, String code) throws Exception {
        mvc.perform(get(CHANGES).param(parameter, value).with(as("partner")))
                .andExpect(problem(HttpStatus.BAD_REQUEST, "VALIDATION_FAILED"))
                .andExpect(field(parameter, code));
        verifyNoInteractions(feed);
    }

    @Test
    void aParameterOutOfRangeIsAProblemAlsoToAnNdjsonReader() throws Exception {
        mvc.perform(get(CHANGES).param("limit", "5001").header(HttpHeaders.ACCEPT, ExchangeController.NDJSON).with(as("partner")))
                .andExpect(problem(HttpStatus.BAD_REQUEST, "VALIDATION_FAILED"))
                .andExpect(field("limit", "FIELD_MAX"));
        verifyNoInteractions(feed);
    }

    @Test
    void aParameterThatIsNoNumberIs400OnIt() throws Exception {
        mvc.perform(get(CHANGES).param("after", "latest").with(as("admin")))
                .andExpect(problem(HttpStatus.BAD_REQUEST, "PARAMETER_INVALID"))
                .andExpect(field("after", "PARAMETER_INVALID"));
        verifyNoInteractions(feed);
    }

    @Test
    void aPartnerPullsAPageAsJson() throws Exception {
        when(feed.pull(any(), anyLong(), anyInt()))
                .thenReturn(new ExchangeFeed.Page(List.of(Map.of("seq", 7)), 7, 9, false));
        mvc.perform(get(CHANGES).param("after", "5").with(as("partner")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.changes[0].seq").value(7))
                .andExpect(jsonPath("$.lastSeq").value(7))
                .andExpect(jsonPath("$.headSeq").value(9))
                .andExpect(jsonPath("$.hasMore").value(false));
        verify(feed).pull(argThat(c -> "partner-bank".equals(c.clientId())), eq(5L), eq(500));
    }

    @Test
    void aPartnerPullsAPageAsNdjsonEndingWithItsPosition() throws Exception {
        when(feed.pull(any(), anyLong(), anyInt()))
                .thenReturn(new ExchangeFeed.Page(List.of(Map.of("seq", 7)), 7, 9, true));
        mvc.perform(get(CHANGES).param("limit", "1").header(HttpHeaders.ACCEPT, ExchangeController.NDJSON).with(as("partner")))
                .andExpect(status().isOk())
                .andExpect(content().contentTypeCompatibleWith(MediaType.parseMediaType(ExchangeController.NDJSON)))
                .andExpect(content().string("{\"seq\":7}\n{\"lastSeq\":7,\"headSeq\":9,\"hasMore\":true}\n"));
        verify(feed).pull(any(), eq(0L), eq(1));
    }

    @Test
    void aLargePageWrittenInTwoHalvesKeepsEveryChangeInOrderInBothFormats() throws Exception {
        int n = ExchangeController.SPLIT_FROM + 1;
        List<Map<String, Object>> changes = java.util.stream.IntStream.rangeClosed(1, n)
                .mapToObj(i -> Map.<String, Object>of("seq", i, "kind", "UPSERT")).toList();
        when(feed.pull(any(), anyLong(), anyInt())).thenReturn(new ExchangeFeed.Page(changes, n, n + 5, true));

        String page = mvc.perform(get(CHANGES).param("limit", "5000").with(as("partner")))
                .andExpect(status().isOk())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_JSON))
                .andReturn().getResponse().getContentAsString();
        JsonMapper reader = JsonMapper.builder().build();
        JsonNode json = reader.readTree(page);
        assertThat(json.path("changes").valueStream().map(c -> c.path("seq").asInt()).toList())
                .containsExactlyElementsOf(java.util.stream.IntStream.rangeClosed(1, n).boxed().toList());
        assertThat(json.path("lastSeq").asLong()).isEqualTo(n);
        assertThat(json.path("hasMore").asBoolean()).isTrue();

        String lines = mvc.perform(get(CHANGES).param("limit", "5000").header(HttpHeaders.ACCEPT, ExchangeController.NDJSON)
                .with(as("partner"))).andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        List<String> split = List.of(lines.split("\n", -1));
        assertThat(split).hasSize(n + 2); // n changes, the position, the empty string after the last newline
        assertThat(split.subList(0, n)).extracting(l -> reader.readTree(l).path("seq").asInt())
                .containsExactlyElementsOf(java.util.stream.IntStream.rangeClosed(1, n).boxed().toList());
        assertThat(split.get(n)).isEqualTo("{\"lastSeq\":" + n + ",\"headSeq\":" + (n + 5) + ",\"hasMore\":true}");
        assertThat(split.get(n + 1)).isEmpty();
    }

    @Test
    void anEmptyPageIsAnEmptyListWithItsPositionInBothFormats() throws Exception {
        when(feed.pull(any(), anyLong(), anyInt())).thenReturn(new ExchangeFeed.Page(List.of(), 12, 12, false));
        mvc.perform(get(CHANGES).param("after", "12").with(as("partner")))
                .andExpect(status().isOk())
                .andExpect(content().json("{\"changes\":[],\"lastSeq\":12,\"headSeq\":12,\"hasMore\":false}", JsonCompareMode.STRICT));
        mvc.perform(get(CHANGES).param("after", "12").header(HttpHeaders.ACCEPT, ExchangeController.NDJSON).with(as("partner")))
                .andExpect(status().isOk())
                .andExpect(content().string("{\"lastSeq\":12,\"headSeq\":12,\"hasMore\":false}\n"));
    }
}
