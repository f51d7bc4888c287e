package org.publiccredit.gateway.security;

import java.util.List;
import org.publiccredit.commons.security.KeycloakRoles;
import org.publiccredit.gateway.web.ProblemResponses;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.security.authentication.AuthenticationServiceException;
import org.springframework.security.config.annotation.web.reactive.EnableWebFluxSecurity;
import org.springframework.security.config.web.server.ServerHttpSecurity;
import org.springframework.security.oauth2.server.resource.authentication.ReactiveJwtAuthenticationConverterAdapter;
import org.springframework.security.web.server.SecurityWebFilterChain;
import org.springframework.security.web.server.ServerAuthenticationEntryPoint;
import org.springframework.security.web.server.authentication.ServerAuthenticationFailureHandler;
import org.springframework.security.web.server.authorization.ServerAccessDeniedHandler;
import org.springframework.security.web.server.firewall.ServerExchangeRejectedHandler;
import org.springframework.security.web.server.context.NoOpServerSecurityContextRepository;
import org.springframework.security.web.server.savedrequest.NoOpServerRequestCache;
import org.springframework.web.cors.CorsConfiguration;
import org.springframework.web.cors.reactive.CorsConfigurationSource;
import org.springframework.web.cors.reactive.UrlBasedCorsConfigurationSource;

/**
 * The gateway's first fence: public reads are open, writes and personal data need a Keycloak token
 * with a fitting role. Each service checks again (roles and ownership); these rules are coarse.
 */
@Configuration
@EnableWebFluxSecurity
class GatewaySecurity {

    private static final Logger log = LoggerFactory.getLogger(GatewaySecurity.class);
    private static final String OFFICER = "OFFICER";
    private static final String PARTNER = "PARTNER";
    private static final String ADMIN = "ADMIN";
    private static final String REVIEWER = "REVIEWER";

    @Bean
    SecurityWebFilterChain gatewayFilterChain(ServerHttpSecurity http) {
        return http
                .csrf(ServerHttpSecurity.CsrfSpec::disable)
                .httpBasic(ServerHttpSecurity.HttpBasicSpec::disable)
                .formLogin(ServerHttpSecurity.FormLoginSpec::disable)
                .logout(ServerHttpSecurity.LogoutSpec::disable)
                // stateless: no WebSession per request (creating one hops to boundedElastic and back to parallel,
                // ~2 ms on every anonymous search), nothing saved for a redirect after login
                .securityContextRepository(NoOpServerSecurityContextRepository.getInstance())
                .requestCache(r -> r.requestCache(NoOpServerRequestCache.getInstance()))
                .cors(c -> { })
                .authorizeExchange(a -> a
                        .pathMatchers(HttpMethod.OPTIONS, "/**").permitAll()
                        .pathMatchers("/actuator/health", "/actuator/health/**", "/actuator/info", "/fallback/**").permitAll()
                        // the scrape, on the actuator's own port (loopback locally; in Kubernetes only Prometheus' namespace
                        // reaches it): the public port routes health only (Routes), so this path is a 404 there
                        .pathMatchers(HttpMethod.GET, "/actuator/prometheus").permitAll()
                        .pathMatchers(HttpMethod.GET, "/swagger-ui.html", "/swagger-ui/**", "/webjars/**", "/v3/api-docs/**",
                                "/openapi/*", "/portal-config.json").permitAll()
                        // public reads (anonymous, rate limited by client IP)
                        .pathMatchers(HttpMethod.GET, "/api/v1/identifiers/**", "/api/v1/catalog", "/api/v1/catalog/**",
                                "/api/v1/search", "/api/v1/search/**", "/api/v1/public/**", "/api/v1/calendar/**").permitAll()
                        // credit reports: the public edition and verification for anyone (report-service decides the full edition)
                        .pathMatchers(HttpMethod.POST, "/api/v1/reports", "/api/v1/public/reports:verify").permitAll()
                        .pathMatchers(HttpMethod.POST, "/api/v1/reports/*").hasRole(ADMIN)
                        .pathMatchers(HttpMethod.GET, "/api/v1/subjects/mine").authenticated()
                        .pathMatchers(HttpMethod.GET, "/api/v1/subjects/*").permitAll()
                        // writes by departments and partners
                        .pathMatchers(HttpMethod.POST, "/api/v1/subjects", "/api/v1/subjects:import", "/api/v1/subjects/lookup")
                                .hasAnyRole(OFFICER, PARTNER, ADMIN)
                        .pathMatchers(HttpMethod.PUT, "/api/v1/subjects/**").hasAnyRole(OFFICER, PARTNER, ADMIN)
                        .pathMatchers(HttpMethod.POST, "/api/v1/records", "/api/v1/records:batch", "/api/v1/records/**")
                                .hasAnyRole(OFFICER, PARTNER, ADMIN)
                        .pathMatchers(HttpMethod.PATCH, "/api/v1/records/**").hasAnyRole(OFFICER, PARTNER, ADMIN)
                        .pathMatchers("/api/v1/checks", "/api/v1/checks/**").hasAnyRole(OFFICER, PARTNER, ADMIN)
                        .pathMatchers(HttpMethod.POST, "/api/v1/sharing/grants/*:approve", "/api/v1/sharing/grants/*:refuse").hasRole(ADMIN)
                        .pathMatchers("/api/v1/sharing/**").hasAnyRole(OFFICER, PARTNER, ADMIN)
                        .pathMatchers("/api/v1/exchange/**").hasAnyRole(PARTNER, ADMIN)
                        // monitoring (信用监测预警): partner clients; an admin may read a client's delivery log. Admins pass
                        // here so that record-service answers them (405 for a method a path does not serve); its
                        // controllers refuse every other operation to anyone but a partner client (PARTNER_CLIENT_REQUIRED)
                        .pathMatchers("/api/v1/monitoring/**").hasAnyRole(PARTNER, ADMIN)
                        .pathMatchers("/api/v1/stats/**").hasAnyRole(OFFICER, REVIEWER, ADMIN)
                        .pathMatchers("/api/v1/supervision/**").hasAnyRole(OFFICER, ADMIN)
                        .pathMatchers("/api/v1/admin/**").hasRole(ADMIN)
                        .pathMatchers("/api/v1/audit/**").hasRole(ADMIN)
                        .pathMatchers(HttpMethod.PUT, "/api/v1/catalog/**").hasRole(ADMIN)
                        .pathMatchers(HttpMethod.POST, "/api/v1/catalog/**").hasRole(ADMIN)
                        .pathMatchers("/api/**", "/actuator/**", "/internal/**").authenticated()
                        // the portal: its files and every client-side route (PortalWebFilter serves index.html for them)
                        .pathMatchers(HttpMethod.GET, "/**").permitAll()
                        .pathMatchers(HttpMethod.HEAD, "/**").permitAll()
                        .anyExchange().authenticated())
                .oauth2ResourceServer(o -> o
                        .jwt(j -> j.jwtAuthenticationConverter(new ReactiveJwtAuthenticationConverterAdapter(new KeycloakRoles())))
                        .authenticationEntryPoint(unauthorized())
                        .accessDeniedHandler(forbidden())
                        .authenticationFailureHandler(failure()))
                .exceptionHandling(e -> e.authenticationEntryPoint(unauthorized()).accessDeniedHandler(forbidden()))
                .build();
    }

    private static ServerAuthenticationEntryPoint unauthorized() {
        return (exchange, e) -> {
            exchange.getResponse().getHeaders().set("WWW-Authenticate", "Bearer");
            boolean hadToken = exchange.getRequest().getHeaders().getFirst("Authorization") != null;
            String detail = hadToken ? "The bearer token is invalid or expired" : "This request needs a bearer token";
            return ProblemResponses.write(exchange, HttpStatus.UNAUTHORIZED, "UNAUTHENTICATED", detail,
                    new org.publiccredit.commons.i18n.Ref("reason.UNAUTHENTICATED." + (hadToken ? "invalid" : "missing"), detail));
        };
    }

    private static ServerAccessDeniedHandler forbidden() {
        return (exchange, e) -> ProblemResponses.write(exchange, HttpStatus.FORBIDDEN, "ACCESS_DENIED",
                "Your role does not allow this request");
    }

    /** A token that cannot be checked because Keycloak is unreachable is the platform's fault: 503, not 401 or 500. */
    private static ServerAuthenticationFailureHandler failure() {
        return (webFilterExchange, e) -> {
            var exchange = webFilterExchange.getExchange();
            if (e instanceof AuthenticationServiceException) {
                log.warn("cannot validate tokens: {}", e.getMessage());
                exchange.getResponse().getHeaders().set("Retry-After", "5");
                return ProblemResponses.write(exchange, HttpStatus.SERVICE_UNAVAILABLE, "IDENTITY_PROVIDER_UNAVAILABLE",
                        "The token cannot be checked right now; try again shortly");
            }
            exchange.getResponse().getHeaders().set("WWW-Authenticate", "Bearer error=\"invalid_token\"");
            return ProblemResponses.write(exchange, HttpStatus.UNAUTHORIZED, "UNAUTHENTICATED",
                    "The bearer token is invalid or expired",
                    new org.publiccredit.commons.i18n.Ref("reason.UNAUTHENTICATED.invalid", "The bearer token is invalid or expired"));
        };
    }

    /**
     * Spring Security's firewall refuses paths such as {@code //}, {@code /./}, {@code ..}, {@code %2F}, {@code %5C},
     * {@code ;}, {@code %00} or a double encoding with a bare 400: answer a problem like every other refusal.
     */
    @Bean
    ServerExchangeRejectedHandler rejectedRequests() {
        return (exchange, rejected) -> ProblemResponses.write(exchange, HttpStatus.BAD_REQUEST, "REQUEST_REJECTED",
                "The request target is not allowed (e.g. encoded slashes, dot segments, semicolons or control characters)");
    }

    @Bean
    static KeyFetchFailures keyFetchFailures() {
        return new KeyFetchFailures();
    }

    /** CORS for the web portal's origin(s); everything else is refused by the browser. */
    @Bean
    CorsConfigurationSource corsConfigurationSource(@Value("${platform.portal-origin}") List<String> origins) {
        CorsConfiguration cors = new CorsConfiguration();
        cors.setAllowedOrigins(origins);
        cors.setAllowedMethods(List.of("GET", "POST", "PUT", "PATCH", "DELETE", "OPTIONS"));
        cors.setAllowedHeaders(List.of("Authorization", "Content-Type", "Idempotency-Key", "X-Request-Id", "Accept-Language"));
        cors.setExposedHeaders(List.of("X-Request-Id", "Retry-After", "Location", "X-RateLimit-Remaining", "X-Report-Number",
                "X-Report-SHA256", "Content-Disposition"));
        cors.setMaxAge(3600L);
        UrlBasedCorsConfigurationSource source = new UrlBasedCorsConfigurationSource();
        source.registerCorsConfiguration("/api/**", cors);
        return source;
    }
}
