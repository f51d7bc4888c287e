package org.publiccredit.gateway.portal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.mock.http.server.reactive.MockServerHttpRequest;
import org.springframework.mock.web.server.MockServerWebExchange;
import org.springframework.web.server.ServerWebExchange;

class PortalWebFilterTest {

    private final PortalWebFilter filter = new PortalWebFilter(new PortalProperties("https://id.example.gov.cn/realms/credit", "portal"));

    /** Runs the filter; the "handler" records the path it was asked for and answers 200. */
    private ServerWebExchange run(MockServerHttpRequest request, AtomicReference<String> served) {
        MockServerWebExchange exchange = MockServerWebExchange.from(request);
        filter.filter(exchange, ex -> {
            served.set(ex.getRequest().getPath().value());
            ex.getResponse().setStatusCode(HttpStatus.OK);
            return ex.getResponse().setComplete();
        }).block();
        return exchange;
    }

    @Test
    void aClientRouteAskedForByABrowserGetsIndexHtmlNeverCachedWithThePolicy() {
        var served = new AtomicReference<String>();
        var exchange = run(MockServerHttpRequest.get("/search?q=柳州").accept(org.springframework.http.MediaType.TEXT_HTML).build(), served);
        assertThat(served.get()).isEqualTo("/index.html");
        HttpHeaders headers = exchange.getResponse().getHeaders();
        assertThat(headers.getCacheControl()).isEqualTo("no-cache");
        assertThat(headers.getFirst("Content-Security-Policy"))
                .contains("script-src 'self'", "connect-src 'self' https://id.example.gov.cn", "frame-ancestors 'none'")
                .doesNotContain("unsafe-inline", "unsafe-eval");
    }

    @Test
    void hashedAssetsAreCachedForAYear() {
        var served = new AtomicReference<String>();
        var exchange = run(MockServerHttpRequest.get("/assets/index-abc123.js").build(), served);
        assertThat(served.get()).isEqualTo("/assets/index-abc123.js");
        assertThat(exchange.getResponse().getHeaders().getCacheControl()).isEqualTo("public, max-age=31536000, immutable");
        assertThat(exchange.getResponse().getHeaders().getFirst(HttpHeaders.PRAGMA)).isNull();
    }

    @Test
    void theApiTheActuatorAndTheDocsAreLeftAlone() {
        for (String path : new String[] {"/api/v1/search", "/actuator/health", "/internal/v1/changes", "/openapi/record",
                "/swagger-ui.html", "/v3/api-docs", "/portal-config.json"}) {
            var served = new AtomicReference<String>();
            var exchange = run(MockServerHttpRequest.get(path).accept(org.springframework.http.MediaType.TEXT_HTML).build(), served);
            assertThat(served.get()).as(path).isEqualTo(path);
            assertThat(exchange.getResponse().getHeaders().getFirst("Content-Security-Policy")).as(path).isNull();
        }
        assertThat(PortalWebFilter.isPortal(HttpMethod.POST, "/search")).isFalse();
    }

    @Test
    void aFileOrANonBrowserRequestIsNotRewritten() {
        assertThat(PortalWebFilter.isClientRoute("/favicon.svg", htmlAccept())).isFalse();
        assertThat(PortalWebFilter.isClientRoute("/subjects/91450200MA5K00012P", new HttpHeaders())).isFalse();
        assertThat(PortalWebFilter.isClientRoute("/subjects/91450200MA5K00012P", htmlAccept())).isTrue();
        assertThat(PortalWebFilter.isClientRoute("/", new HttpHeaders())).isTrue();
    }

    @Test
    void theAuthorityMustBeAnAbsoluteUrl() {
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> new PortalProperties("realms/credit", "portal"))
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(new PortalProperties(null, null).authorityOrigin()).isEqualTo("http://localhost:8180");
    }

    private static HttpHeaders htmlAccept() {
        HttpHeaders h = new HttpHeaders();
        h.set(HttpHeaders.ACCEPT, "text/html,application/xhtml+xml");
        return h;
    }

}
