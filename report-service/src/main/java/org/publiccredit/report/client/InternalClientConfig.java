package org.publiccredit.report.client;

import feign.RequestInterceptor;
import feign.Retryer;
import org.publiccredit.commons.security.ServiceTokens;
import org.publiccredit.commons.web.RequestIds;
import org.springframework.context.annotation.Bean;

/**
 * What the Feign clients have. {@link ServiceToken}: the service's own token (commons ServiceTokens: client {@code svc-report}, role internal),
 * for internal endpoints and public reads. {@link CallerToken}: no token of its own; the method passes the caller's
 * bearer token, so the owning service applies its own access rules to the caller (one rule, one place). Every call here
 * is a read, so both retry briefly. Deliberately not {@code @Configuration}: Feign applies these to the clients naming them.
 */
final class InternalClientConfig {

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
        RequestInterceptor serviceBearer(ServiceTokens tokens) {
            return template -> template.header("Authorization", tokens.authorization());
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
