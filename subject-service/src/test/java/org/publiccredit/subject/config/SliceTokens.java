package org.publiccredit.subject.config;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.springframework.security.oauth2.jwt.BadJwtException;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/**
 * Bearer tokens for web slice tests: each name stands for the claims Keycloak issues to one demo user or client
 * ({@code realm_access.roles} and the ownership claims that commons' {@code KeycloakRoles} and {@code Caller} read).
 * The request carries {@code Authorization: Bearer <name>}; {@link WebSlice}'s decoder turns it into those claims, so
 * the service's real resource-server chain maps the roles. Any other token is invalid (401).
 */
public final class SliceTokens {

    /** The enterprise user's code (ent1). */
    public static final String ENT1 = "91450200MA5K00012P";
    /** Another enterprise's code (ent2). */
    public static final String ENT2 = "91450403MA5K000470";
    /** citizen1's id number. */
    public static final String CITIZEN1 = "450202199001011237";

    private static final Map<String, Map<String, Object>> CLAIMS = Map.of(
            "officer", user("officer-tax", "officer", Map.of("department", "tax")),
            "partner", Map.of("sub", "s-partner", "preferred_username", "service-account-partner-bank", "azp", "partner-bank",
                    "realm_access", Map.of("roles", List.of("partner", "offline_access"))),
            "admin", user("admin", "admin", Map.of()),
            "ent1", user("ent1", "enterprise", Map.of("uscc", ENT1)),
            "citizen1", user("citizen1", "citizen", Map.of("id_number", CITIZEN1)),
            "reviewer", user("reviewer-liuzhou", "reviewer", Map.of("region", "4502")),
            "internal", Map.of("sub", "s-record", "preferred_username", "service-account-record-service", "azp", "record-service",
                    "realm_access", Map.of("roles", List.of("internal"))));

    private SliceTokens() {
    }

    /** The request as this demo user or client (officer, partner, admin, ent1, citizen1, reviewer, internal). */
    public static RequestPostProcessor as(String name) {
        if (!CLAIMS.containsKey(name)) {
            throw new IllegalArgumentException("no slice token " + name);
        }
        return bearer(name);
    }

    /** The request with this bearer token as it is. */
    public static RequestPostProcessor bearer(String token) {
        return request -> {
            request.addHeader("Authorization", "Bearer " + token);
            return request;
        };
    }

    static Jwt decode(String token) {
        Map<String, Object> claims = CLAIMS.get(token);
        if (claims == null) {
            throw new BadJwtException("unknown slice token");
        }
        Instant now = Instant.now();
        return Jwt.withTokenValue(token).header("alg", "none").claims(c -> c.putAll(claims)).issuedAt(now)
                .expiresAt(now.plusSeconds(300)).build();
    }

    private static Map<String, Object> user(String username, String role, Map<String, Object> more) {
        Map<String, Object> claims = new java.util.HashMap<>(more);
        claims.put("sub", "s-" + username);
        claims.put("preferred_username", username);
        claims.put("azp", "portal");
        claims.put("realm_access", Map.of("roles", List.of(role, "default-roles-credit")));
        return Map.copyOf(claims);
    }
}
