package org.publiccredit.objection.client;

import feign.RequestInterceptor;
import feign.Retryer;
import org.publiccredit.commons.security.ServiceTokens;
import org.publiccredit.commons.web.RequestIds;
import org.springframework.context.annotation.Bean;

/**
 * What every internal Feign client has: the service's own token (commons ServiceTokens: client {@code svc-objection}, role internal) and the
 * request id. {@link Reads} (idempotent calls) retry briefly; {@link Writes} never retry inside the call.
 * Deliberately not {@code @Configuration}: Feign applies these only to the clients that name them.
 */
final class InternalClientConfig {

    private InternalClientConfig() {
    }

    static RequestInterceptor bearer(ServiceTokens tokens) {
        return template -> {
            template.header("Authorization", tokens.authorization());
            String requestId = RequestIds.current();
            if (requestId != null) {
                template.header(RequestIds.HEADER, requestId);
            }
        };
    }

    /** Idempotent calls (GET, resolve): up to 3 attempts, 100 ms apart growing to 500 ms. */
    static class Reads {
        @Bean
        RequestInterceptor internalBearer(ServiceTokens tokens) {
            return bearer(tokens);
        }

        @Bean
        Retryer readRetryer() {
            return new Retryer.Default(100, 500, 3);
        }
    }

    /** Changes to another service's data: one attempt per call; the outbox worker owns retrying. */
    static class Writes {
        @Bean
        RequestInterceptor internalBearer(ServiceTokens tokens) {
            return bearer(tokens);
        }

        @Bean
        Retryer noRetry() {
            return Retryer.NEVER_RETRY;
        }
    }
}
