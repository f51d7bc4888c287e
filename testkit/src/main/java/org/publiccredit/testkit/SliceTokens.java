package org.publiccredit.testkit;

import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.security.oauth2.jwt.BadJwtException;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/**
 * Bearer tokens for every service's web slice tests ({@code @WebMvcTest}): each name stands for the claims Keycloak
 * issues to one demo user or client ({@code realm_access.roles} and the ownership claims that commons'
 * {@code KeycloakRoles} and {@code Caller} read). The request carries {@code Authorization: Bearer <name>}; the
 * service's test {@code WebSlice} registers {@link #decoder()}, so the service's real resource-server chain maps the
 * roles. Any other token is invalid (401).
 */
public final class SliceTokens {

    /** The enterprise user's code (ent1). */
    public static final String ENT1 = "91450200MA5K00012P";
    /** Another enterprise's code (ent2). */
    public static final String ENT2 = "91450403MA5K000470";
    /** citizen1's id number. */
    public static final String CITIZEN1 = "450202199001011237";

    private static final Map<String, Map<String, Object>> CLAIMS = Map.ofEntries(
            Map.entry("officer", user("officer-tax", "officer", Map.of("department", "tax"))),
            Map.entry("officer-market", user("officer-market", "officer", Map.of("department", "market"))),
            Map.entry("partner", client("partner-bank", "partner")),
            Map.entry("admin", user("admin1", "admin", Map.of())),
            Map.entry("ent1", user("ent1", "enterprise", Map.of("uscc", ENT1))),
            Map.entry("ent2", user("ent2", "enterprise", Map.of("uscc", ENT2))),
            Map.entry("citizen1", user("citizen1", "citizen", Map.of("id_number", CITIZEN1))),
            Map.entry("reviewer", user("reviewer1", "reviewer", Map.of("region", "4502"))),
            Map.entry("reviewer2", user("reviewer2", "reviewer", Map.of("region", "4504"))),
            Map.entry("internal", client("internal-indexer", "internal")));

    private SliceTokens() {
    }

    /**
     * The request as this demo user or client: officer (officer-tax, department tax), officer-market, partner
     * (partner-bank), admin (admin1), ent1, ent2, citizen1, reviewer (reviewer1, region 4502), reviewer2 (region 4504,
     * the other region), internal (a service).
     */
    public static RequestPostProcessor as(String name) {
        if (!CLAIMS.containsKey(name)) {
            throw new IllegalArgumentException("no slice token " + name);
        }
        return bearer(name);
    }

    /** The request with this bearer token as it is (e.g. a forged one, for a 401). */
    public static RequestPostProcessor bearer(String token) {
        return request -> {
            request.addHeader("Authorization", "Bearer " + token);
            return request;
        };
    }

    /** Decodes the names above into their claims; anything else is a bad token. */
    public static JwtDecoder decoder() {
        return SliceTokens::decode;
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
        Map<String, Object> claims = new HashMap<>(more);
        claims.put("sub", "s-" + username);
        claims.put("preferred_username", username);
        claims.put("azp", "portal");
        claims.put("realm_access", Map.of("roles", List.of(role, "default-roles-credit")));
        return Map.copyOf(claims);
    }

    private static Map<String, Object> client(String clientId, String role) {
        return Map.of("sub", "s-" + clientId, "preferred_username", "service-account-" + clientId, "azp", clientId,
                "realm_access", Map.of("roles", List.of(role, "offline_access")));
    }
}
