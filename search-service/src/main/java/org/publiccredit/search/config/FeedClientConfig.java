package org.publiccredit.search.config;

import java.net.http.HttpClient;
import java.time.Duration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.client.JdkClientHttpRequestFactory;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.authority.AuthorityUtils;
import org.springframework.security.oauth2.client.AuthorizedClientServiceOAuth2AuthorizedClientManager;
import org.springframework.security.oauth2.client.OAuth2AuthorizedClientProviderBuilder;
import org.springframework.security.oauth2.client.OAuth2AuthorizedClientService;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.security.oauth2.client.web.client.OAuth2ClientHttpRequestInterceptor;
import org.springframework.web.client.RestClient;

/**
 * The HTTP client the indexer uses for the internal endpoints of subject-service and record-service: a
 * client-credentials token of {@code internal-indexer} (cached until shortly before expiry), short timeouts.
 */
@Configuration
class FeedClientConfig {

    static final String REGISTRATION = "internal-indexer";

    @Bean
    AuthorizedClientServiceOAuth2AuthorizedClientManager indexerAuthorizedClientManager(ClientRegistrationRepository registrations,
            OAuth2AuthorizedClientService clients) {
        var manager = new AuthorizedClientServiceOAuth2AuthorizedClientManager(registrations, clients);
        manager.setAuthorizedClientProvider(OAuth2AuthorizedClientProviderBuilder.builder().clientCredentials().build());
        return manager;
    }

    @Bean
    RestClient feedRestClient(AuthorizedClientServiceOAuth2AuthorizedClientManager manager) {
        var oauth = new OAuth2ClientHttpRequestInterceptor(manager);
        oauth.setClientRegistrationIdResolver(request -> REGISTRATION);
        // the indexer runs outside any request: it acts as itself, not for a signed-in user
        var self = new AnonymousAuthenticationToken("indexer", REGISTRATION, AuthorityUtils.createAuthorityList("ROLE_ANONYMOUS"));
        oauth.setPrincipalResolver(request -> self);
        var factory = new JdkClientHttpRequestFactory(HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build());
        factory.setReadTimeout(Duration.ofSeconds(10));
        return RestClient.builder().requestFactory(factory).requestInterceptor(oauth).build();
    }
}
