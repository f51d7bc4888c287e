package org.publiccredit.commons.security;

import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Who is asking, from the token: the user or client, the realm roles, and the claims services rely on
 * ({@code uscc}, {@code department}, {@code id_number}, {@code region}). Ownership checks use these,
 * never a body or a query parameter. {@link #toString()} never shows the id number.
 *
 * @param subject the token's {@code sub}, or {@code null} when anonymous
 * @param username {@code preferred_username} (for a client-credentials token, {@code service-account-<client>})
 * @param clientId {@code azp}, the client the token was issued to
 * @param roles realm roles the platform knows
 * @param uscc the code the enterprise user acts for
 * @param department the department an officer or partner client acts for
 * @param idNumber a verified citizen's id number (keep only its keyed hash)
 * @param region the city or county a reviewer serves (4 or 6 digits)
 */
public record Caller(String subject, String username, String clientId, Set<Role> roles, String uscc, String department,
        String idNumber, String region) {

    /** Nobody signed in. */
    public static final Caller ANONYMOUS = new Caller(null, null, null, Set.of(), null, null, null, null);

    public Caller {
        roles = Set.copyOf(roles);
    }

    public boolean anonymous() {
        return subject == null;
    }

    public boolean has(Role role) {
        return roles.contains(role);
    }

    public boolean hasAny(Role... wanted) {
        for (Role r : wanted) {
            if (roles.contains(r)) {
                return true;
            }
        }
        return false;
    }

    public Optional<String> usccClaim() {
        return Optional.ofNullable(uscc);
    }

    public Optional<String> departmentClaim() {
        return Optional.ofNullable(department);
    }

    public Optional<String> idNumberClaim() {
        return Optional.ofNullable(idNumber);
    }

    public Optional<String> regionClaim() {
        return Optional.ofNullable(region);
    }

    /** Builds a caller from decoded JWT claims as Keycloak issues them. */
    @SuppressWarnings("unchecked")
    public static Caller fromClaims(Map<String, Object> claims) {
        Set<Role> roles = KeycloakRoles.fromClaims(claims);
        return new Caller(string(claims, "sub"), string(claims, "preferred_username"), string(claims, "azp"), roles,
                string(claims, "uscc"), string(claims, "department"), string(claims, "id_number"), string(claims, "region"));
    }

    private static String string(Map<String, Object> claims, String name) {
        Object v = claims.get(name);
        if (v instanceof java.util.Collection<?> c) {
            v = c.isEmpty() ? null : c.iterator().next();
        }
        return v == null || v.toString().isBlank() ? null : v.toString();
    }

    @Override
    public String toString() {
        return "Caller[" + (anonymous() ? "anonymous" : username + " via " + clientId)
                + " roles=" + roles.stream().map(Role::realmName).collect(Collectors.joining(","))
                + (uscc != null ? " uscc=" + uscc : "") + (department != null ? " department=" + department : "")
                + (region != null ? " region=" + region : "") + (idNumber != null ? " id_number=<masked>" : "") + "]";
    }
}
