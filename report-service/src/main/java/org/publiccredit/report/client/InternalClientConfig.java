package org.publiccredit.report.client;

import feign.RequestInterceptor;
import feign.Retryer;
import org.publiccredit.commons.web.RequestIds;
import org.springframework.context.annotation.Bean;
import org.springframework.security.oauth2.client.OAuth2AuthorizeRequest;
import org.springframework.security.oauth2.client.OAuth2AuthorizedClient;
import org.springframework.security.oauth2.client.OAuth2AuthorizedClientManager;

/**
 * What the Feign clients have. {@link ServiceToken}: the client-credentials token of {@code svc-report} (role internal),
 * for internal endpoints and public reads. {@link CallerToken}: no token of its own; the method passes the caller's
 * bearer token, so the owning service applies its own access rules to the caller (one rule, one place). Every call here
 * is a read, so both retry briefly. Deliberately not {@code @Configuration}: Feign applies these to the clients naming them.
 */
final class InternalClientConfig {

    /** The registration id under {@code spring.security.oauth2.client.registration}. */
    static final String REGISTRATION = "svc-report";

    private InternalClientConfig() {
    }

    private static RequestInterceptor requestId() {
        return template -> {
            String requestId = RequestIds.current();
            if (requestId != null) {
                template.header(RequestIds.HEADER, requestId);
            }
        };
    }

    /** Reads with the service's own token: up to 3 attempts, 100 ms apart growing to 500 ms. */
    static class ServiceToken {
        @Bean
        RequestInterceptor serviceBearer(OAuth2AuthorizedClientManager manager) {
            return template -> {
                OAuth2AuthorizedClient client = manager.authorize(OAuth2AuthorizeRequest.withClientRegistrationId(REGISTRATION)
                        .principal("report-service").build());
                if (client == null) {
                    throw new IllegalStateException("no client-credentials token for " + REGISTRATION);
                }
                template.header("Authorization", "Bearer " + client.getAccessToken().getTokenValue());
            };
        }

        @Bean
        RequestInterceptor serviceRequestId() {
            return requestId();
        }

        @Bean
        Retryer readRetryer() {
            return new Retryer.Default(100, 500, 3);
        }
    }

    /** Reads on the caller's behalf (the method carries the Authorization header): same retries. */
    static class CallerToken {
        @Bean
        RequestInterceptor callerRequestId() {
            return requestId();
        }

        @Bean
        Retryer callerRetryer() {
            return new Retryer.Default(100, 500, 3);
        }
    }
}
