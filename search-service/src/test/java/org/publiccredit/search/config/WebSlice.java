package org.publiccredit.search.config;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.publiccredit.commons.web.CommonsServletAutoConfiguration;
import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.security.config.annotation.web.configuration.EnableWebSecurity;
import org.springframework.security.oauth2.jwt.BadJwtException;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/**
 * What a {@code @WebMvcTest} of this service adds to its controller: the service's own route rules
 * ({@link SecurityConfig}), commons' servlet wiring (problem advice, {@code Caller} argument, request ids, input rules)
 * and its clock, with bearer tokens named after a demo user ({@link #as}) decoded here instead of by Keycloak.
 */
@TestConfiguration(proxyBeanMethods = false)
@EnableWebSecurity
@Import({SecurityConfig.class, ClockConfig.class})
@ImportAutoConfiguration(CommonsServletAutoConfiguration.class)
public class WebSlice {

    private static final Map<String, Map<String, Object>> CLAIMS = Map.of(
            "officer-market", Map.of("sub", "s-officer-market", "preferred_username", "officer-market", "azp", "portal",
                    "department", "market", "realm_access", Map.of("roles", List.of("officer"))),
            "admin1", Map.of("sub", "s-admin1", "preferred_username", "admin1", "azp", "portal",
                    "realm_access", Map.of("roles", List.of("admin"))));

    @Bean
    JwtDecoder sliceTokens() {
        return token -> {
            Map<String, Object> claims = CLAIMS.get(token);
            if (claims == null) {
                throw new BadJwtException("unknown slice token");
            }
            Instant now = Instant.now();
            return Jwt.withTokenValue(token).header("alg", "none").claims(c -> c.putAll(claims)).issuedAt(now)
                    .expiresAt(now.plusSeconds(300)).build();
        };
    }

    /** The request as this demo user (officer-market, admin1). */
    public static RequestPostProcessor as(String user) {
        if (!CLAIMS.containsKey(user)) {
            throw new IllegalArgumentException("no slice token " + user);
        }
        return request -> {
            request.addHeader("Authorization", "Bearer " + user);
            return request;
        };
    }
}
