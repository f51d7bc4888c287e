package org.publiccredit.search.query;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.json.jackson.Jackson3JsonpMapper;
import co.elastic.clients.transport.rest_client.RestClientTransport;
import com.sun.net.httpserver.HttpServer;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.apache.http.HttpHost;
import org.elasticsearch.client.RestClient;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;
import org.publiccredit.search.config.SearchProperties;
import org.publiccredit.search.feed.SummaryReads;
import org.publiccredit.search.index.ElasticsearchGuard;
import org.publiccredit.search.index.SearchUnavailableException;
import tools.jackson.databind.json.JsonMapper;

/**
 * How public reads fail, against a stand-in for Elasticsearch that misbehaves on purpose (the real Elasticsearch is in
 * the integration tests; the wiring is what is tested here). One that accepts the request and never answers: a search
 * and a profile give up after the read timeout, not after the client's longer socket timeout (the indexer's), with
 * 503 SEARCH_BUSY. One that refuses the search with a 400: a bug of ours, not an outage, so the breaker stays closed.
 */
class SubjectSearchFailuresTest {

    private static final Duration READ_TIMEOUT = Duration.ofMillis(400);

    private final CountDownLatch release = new CountDownLatch(1);
    private final ElasticsearchGuard guard = new ElasticsearchGuard(new SimpleMeterRegistry());
    /** 0: never answer; else the status to answer with. */
    private volatile int status;
    private HttpServer standIn;
    private RestClient restClient;
    private SubjectSearch search;

    @BeforeEach
    void start() throws Exception {
        standIn = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        standIn.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
        standIn.createContext("/", exchange -> {
            if (status != 0) {
                byte[] body = "{\"error\":{\"type\":\"parsing_exception\"},\"status\":400}".getBytes(StandardCharsets.UTF_8);
                exchange.getResponseHeaders().set("Content-Type", "application/json");
                exchange.sendResponseHeaders(status, body.length);
                exchange.getResponseBody().write(body);
                exchange.close();
                return;
            }
            try {
                release.await(30, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            exchange.close();
        });
        standIn.start();
        URI url = URI.create("http://127.0.0.1:" + standIn.getAddress().getPort());
        SearchProperties properties = new SearchProperties(url, Duration.ofSeconds(1), 4, Duration.ofSeconds(30), READ_TIMEOUT,
                "subjects", null, 0, null, null, null, 0, 0, null, null);
        // as ElasticsearchConfig builds it: the client-wide socket timeout is the indexer's (here 30 s)
        restClient = RestClient.builder(HttpHost.create(url.toString()))
                .setRequestConfigCallback(r -> r.setSocketTimeout((int) properties.socketTimeout().toMillis()))
                .build();
        ElasticsearchClient client = new ElasticsearchClient(
                new RestClientTransport(restClient, new Jackson3JsonpMapper(JsonMapper.builder().build())));
        // record-service's summaries are read only after Elasticsearch answered: never here
        search = new SubjectSearch(client, restClient, guard, properties, Clock.systemUTC(),
                new SummaryReads(org.springframework.web.client.RestClient.create(), properties));
    }

    @AfterEach
    void stop() throws Exception {
        release.countDown();
        restClient.close();
        standIn.stop(0);
    }

    @Test
    void aSearchElasticsearchDoesNotAnswerIsGivenUpAfterTheReadTimeout() {
        assertBusyWithinReadTimeout(() -> search.search(SearchCriteria.of("柳工", null, null, null, null, null, null), false));
    }

    @Test
    void aProfileElasticsearchDoesNotAnswerIsGivenUpAfterTheReadTimeout() {
        assertBusyWithinReadTimeout(() -> search.profile("91450200MA5K000001", null));
    }

    @Test
    void aSearchElasticsearchRefusesIsOurBugAndLeavesTheBreakerClosed() {
        status = 400;
        for (int i = 0; i < 5; i++) {
            assertThatThrownBy(() -> search.search(SearchCriteria.of("柳工", null, null, null, null, null, null), false))
                    .isInstanceOf(IllegalStateException.class).hasMessageContaining("(400)");
        }
        assertThat(guard.state()).isEqualTo(CircuitBreaker.State.CLOSED);
    }

    private static void assertBusyWithinReadTimeout(Executable read) {
        long start = System.nanoTime();
        assertThatThrownBy(read::execute).isInstanceOfSatisfying(SearchUnavailableException.class, e -> {
            assertThat(e.code()).isEqualTo("SEARCH_BUSY");
            assertThat(e.retryAfterSeconds()).isEqualTo(1);
        });
        Duration took = Duration.ofNanos(System.nanoTime() - start);
        assertThat(took).isGreaterThanOrEqualTo(READ_TIMEOUT).isLessThan(Duration.ofSeconds(3));
    }
}
