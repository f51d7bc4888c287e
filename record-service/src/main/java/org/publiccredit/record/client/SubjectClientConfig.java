package org.publiccredit.record.client;

import feign.RequestInterceptor;
import org.publiccredit.commons.security.ServiceTokens;
import org.springframework.context.annotation.Bean;
import org.springframework.security.oauth2.client.OAuth2AuthorizedClientService;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;

/**
 * Feign configuration of {@link SubjectClient} only (not a global @Configuration): the service's own token (commons
 * ServiceTokens: client {@code svc-record}, client credentials, kept until shortly before expiry).
 */
class SubjectClientConfig {

    static final String REGISTRATION = "svc-record";

    @Bean
    ServiceTokens serviceTokens(ClientRegistrationRepository registrations, OAuth2AuthorizedClientService clients) {
        return new ServiceTokens(registrations, clients, REGISTRATION);
    }

    @Bean
    RequestInterceptor serviceToken(ServiceTokens tokens) {
        return template -> template.header("Authorization", tokens.authorization());
    }
}
