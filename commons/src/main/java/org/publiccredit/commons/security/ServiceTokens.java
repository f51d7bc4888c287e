package org.publiccredit.commons.security;

import org.publiccredit.commons.web.RequestIds;
import org.springframework.http.HttpHeaders;
import org.springframework.http.client.ClientHttpRequestInterceptor;
import org.springframework.security.oauth2.client.AuthorizedClientServiceOAuth2AuthorizedClientManager;
import org.springframework.security.oauth2.client.OAuth2AuthorizeRequest;
import org.springframework.security.oauth2.client.OAuth2AuthorizedClient;
import org.springframework.security.oauth2.client.OAuth2AuthorizedClientProviderBuilder;
import org.springframework.security.oauth2.client.OAuth2AuthorizedClientService;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;

/**
 * The one way a service calls another as itself (service-to-service): the client-credentials token of its own
 * Keycloak client (registration under {@code spring.security.oauth2.client.registration}), from Spring Security's
 * authorized-client manager — which works off request threads (outbox workers, the indexer, breaker threads) and keeps
 * the token until shortly before it expires. Feign clients' interceptors and RestClient interceptors all take their
 * {@code Authorization} header from here, and pass the request id on.
 */
public final class ServiceTokens {

    private final AuthorizedClientServiceOAuth2AuthorizedClientManager manager;
    private final String registration;

    /**
     * @param registrations the service's client registrations
     * @param clients where authorized clients are kept
     * @param registration the registration id of the service's own client (e.g. {@code svc-objection})
     */
    public ServiceTokens(ClientRegistrationRepository registrations, OAuth2AuthorizedClientService clients, String registration) {
        this.manager = new AuthorizedClientServiceOAuth2AuthorizedClientManager(registrations, clients);
        this.manager.setAuthorizedClientProvider(OAuth2AuthorizedClientProviderBuilder.builder().clientCredentials().build());
        this.registration = registration;
    }

    /** {@code Bearer <token>} of the service's own client (fetched when missing or about to expire). */
    public String authorization() {
        OAuth2AuthorizedClient client = manager.authorize(OAuth2AuthorizeRequest.withClientRegistrationId(registration)
                .principal(registration).build());
        if (client == null) {
            throw new IllegalStateException("no client-credentials token for " + registration);
        }
        return "Bearer " + client.getAccessToken().getTokenValue();
    }

    /** For a RestClient: the service's token and the current request id on every request. */
    public ClientHttpRequestInterceptor interceptor() {
        return (request, body, execution) -> {
            request.getHeaders().set(HttpHeaders.AUTHORIZATION, authorization());
            String requestId = RequestIds.current();
            if (requestId != null) {
                request.getHeaders().set(RequestIds.HEADER, requestId);
            }
            return execution.execute(request, body);
        };
    }
}
