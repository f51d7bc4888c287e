package org.publiccredit.objection;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpHeaders;
import org.springframework.security.oauth2.jwt.BadJwtException;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/**
 * Object mother of callers for web slices: the realm's seeded users as tokens with the claims the services map
 * ({@code realm_access.roles}, {@code uscc}, {@code id_number}, {@code department}, {@code region}). A slice's
 * {@code JwtDecoder} ({@code config.WebSliceConfig}) decodes them, so the service's own security chain and role mapping
 * run as with a Keycloak token; an unknown token is refused like a forged one.
 */
public final class Tokens {

    /** The subject code of ent1's records in the fixtures. */
    public static final String ENT1_USCC = "91450200MA5K00012P";

    private static final Map<String, Map<String, Object>> USERS = Map.of(
            "ent1", user("enterprise", "uscc", ENT1_USCC),
            "ent2", user("enterprise", "uscc", "91450200MA5K00020X"),
            "citizen1", user("citizen", "id_number", "450203199001011237"),
            "reviewer1", user("reviewer", "region", "4502"),
            "reviewer2", user("reviewer", "region", "4501"),
            "officer-market", user("officer", "department", "market"),
            "officer-tax", user("officer", "department", "tax"),
            "admin", user("admin", "email", "admin@publiccredit.example"));

    private Tokens() {
    }

    /** The request carries the bearer token of {@code user}. */
    public static RequestPostProcessor as(String user) {
        return bearer(user);
    }

    /** The request carries this bearer token, known or not. */
    public static RequestPostProcessor bearer(String token) {
        return request -> {
            request.addHeader(HttpHeaders.AUTHORIZATION, "Bearer " + token);
            return request;
        };
    }

    /** The token's claims, as the resource server would have verified them. */
    public static Jwt decode(String token) {
        Map<String, Object> claims = USERS.get(token);
        if (claims == null) {
            throw new BadJwtException("not a token of the test realm");
        }
        Instant now = Instant.now();
        return Jwt.withTokenValue(token).header("alg", "RS256").claims(c -> c.putAll(claims))
                .issuedAt(now).expiresAt(now.plusSeconds(300)).build();
    }

    private static Map<String, Object> user(String role, String claim, String value) {
        return Map.of("sub", "sub-" + role + "-" + value, "preferred_username", role + "-" + value, "azp", "portal",
                "realm_access", Map.of("roles", List.of(role, "default-roles-credit")), claim, value);
    }
}
