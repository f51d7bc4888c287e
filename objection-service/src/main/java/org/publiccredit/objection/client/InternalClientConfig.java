package org.publiccredit.objection.client;

import feign.RequestInterceptor;
import feign.Retryer;
import org.publiccredit.commons.web.RequestIds;
import org.springframework.context.annotation.Bean;
import org.springframework.security.oauth2.client.OAuth2AuthorizeRequest;
import org.springframework.security.oauth2.client.OAuth2AuthorizedClient;
import org.springframework.security.oauth2.client.OAuth2AuthorizedClientManager;

/**
 * What every internal Feign client has: a client-credentials token of {@code svc-objection} (role internal) and the
 * request id. {@link Reads} (idempotent calls) retry briefly; {@link Writes} never retry inside the call.
 * Deliberately not {@code @Configuration}: Feign applies these only to the clients that name them.
 */
final class InternalClientConfig {

    /** The registration id under {@code spring.security.oauth2.client.registration}. */
    static final String REGISTRATION = "svc-objection";

    private InternalClientConfig() {
    }

    static RequestInterceptor bearer(OAuth2AuthorizedClientManager manager) {
        return template -> {
            OAuth2AuthorizedClient client = manager.authorize(OAuth2AuthorizeRequest.withClientRegistrationId(REGISTRATION)
                    .principal("objection-service").build());
            if (client == null) {
                throw new IllegalStateException("no client-credentials token for " + REGISTRATION);
            }
            template.header("Authorization", "Bearer " + client.getAccessToken().getTokenValue());
            String requestId = RequestIds.current();
            if (requestId != null) {
                template.header(RequestIds.HEADER, requestId);
            }
        };
    }

    /** Idempotent calls (GET, resolve): up to 3 attempts, 100 ms apart growing to 500 ms. */
    static class Reads {
        @Bean
        RequestInterceptor internalBearer(OAuth2AuthorizedClientManager manager) {
            return bearer(manager);
        }

        @Bean
        Retryer readRetryer() {
            return new Retryer.Default(100, 500, 3);
        }
    }

    /** Changes to another service's data: one attempt per call; the outbox worker owns retrying. */
    static class Writes {
        @Bean
        RequestInterceptor internalBearer(OAuth2AuthorizedClientManager manager) {
            return bearer(manager);
        }

        @Bean
        Retryer noRetry() {
            return Retryer.NEVER_RETRY;
        }
    }
}
