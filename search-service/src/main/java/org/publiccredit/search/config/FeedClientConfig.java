package org.publiccredit.search.config;

import java.net.http.HttpClient;
import java.time.Duration;
import org.publiccredit.commons.security.ServiceTokens;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.client.JdkClientHttpRequestFactory;
import org.springframework.security.oauth2.client.OAuth2AuthorizedClientService;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.web.client.RestClient;

/**
 * The HTTP client the indexer uses for the internal endpoints of subject-service and record-service: the service's own
 * token (commons ServiceTokens: client {@code internal-indexer}, kept until shortly before expiry), short timeouts.
 */
@Configuration
class FeedClientConfig {

    static final String REGISTRATION = "internal-indexer";

    @Bean
    ServiceTokens indexerTokens(ClientRegistrationRepository registrations, OAuth2AuthorizedClientService clients) {
        return new ServiceTokens(registrations, clients, REGISTRATION);
    }

    @Bean
    RestClient feedRestClient(ServiceTokens tokens) {
        var factory = new JdkClientHttpRequestFactory(HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build());
        factory.setReadTimeout(Duration.ofSeconds(10));
        return RestClient.builder().requestFactory(factory).requestInterceptor(tokens.interceptor()).build();
    }

    /**
     * The same token for the public reads' summaries (feed.SummaryReads), with timeouts a profile can afford: Elasticsearch's
     * read ({@code read-timeout}) plus this one stays under the gateway's 3 s route limit.
     */
    @Bean
    RestClient summaryReadClient(ServiceTokens tokens) {
        var factory = new JdkClientHttpRequestFactory(HttpClient.newBuilder().connectTimeout(Duration.ofMillis(500)).build());
        factory.setReadTimeout(Duration.ofSeconds(1));
        return RestClient.builder().requestFactory(factory).requestInterceptor(tokens.interceptor()).build();
    }
}
