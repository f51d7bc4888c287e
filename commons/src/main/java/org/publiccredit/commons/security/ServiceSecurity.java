package org.publiccredit.commons.security;

import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AbstractHttpConfigurer;
import org.springframework.security.config.http.SessionCreationPolicy;

/**
 * What every servlet service's security has in common: stateless resource server on Keycloak JWTs
 * (roles mapped by {@link KeycloakRoles}), problem JSON for 401/403, actuator probes and OpenAPI open.
 * Each service then states its own route rules; the gateway's checks are only the first fence.
 */
public final class ServiceSecurity {

    private ServiceSecurity() {
    }

    public static HttpSecurity resourceServer(HttpSecurity http) throws Exception {
        return http
                .csrf(AbstractHttpConfigurer::disable)
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .requestCache(AbstractHttpConfigurer::disable)
                .oauth2ResourceServer(o -> o
                        .jwt(j -> j.jwtAuthenticationConverter(new KeycloakRoles()))
                        .authenticationEntryPoint(ProblemSecurityHandlers.unauthorized())
                        .accessDeniedHandler(ProblemSecurityHandlers.forbidden()))
                .exceptionHandling(e -> e
                        .authenticationEntryPoint(ProblemSecurityHandlers.unauthorized())
                        .accessDeniedHandler(ProblemSecurityHandlers.forbidden()));
    }

    /** Paths open to everyone on every service: health probes, metrics scrape (not routed by the gateway), OpenAPI. */
    public static final String[] OPEN_PATHS = {
        "/actuator/health", "/actuator/health/**", "/actuator/info", "/actuator/prometheus",
        "/v3/api-docs", "/v3/api-docs/**", "/error"
    };
}
