package org.publiccredit.commons.security;

import java.util.Collection;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.springframework.core.convert.converter.Converter;
import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;

/**
 * Maps Keycloak's {@code realm_access.roles} to the platform's {@link Role}s and Spring authorities
 * ({@code ROLE_OFFICER} …). Roles the platform does not know (default-roles-credit, offline_access) are dropped.
 */
public final class KeycloakRoles implements Converter<Jwt, AbstractAuthenticationToken> {

    @Override
    public AbstractAuthenticationToken convert(Jwt jwt) {
        List<GrantedAuthority> authorities = fromClaims(jwt.getClaims()).stream()
                .map(r -> (GrantedAuthority) new SimpleGrantedAuthority(r.authority()))
                .toList();
        String name = jwt.getClaimAsString("preferred_username");
        return new JwtAuthenticationToken(jwt, authorities, name != null ? name : jwt.getSubject());
    }

    static Set<Role> fromClaims(Map<String, Object> claims) {
        Set<Role> roles = EnumSet.noneOf(Role.class);
        if (claims.get("realm_access") instanceof Map<?, ?> access && access.get("roles") instanceof Collection<?> names) {
            for (Object n : names) {
                for (Role r : Role.values()) {
                    if (r.realmName().equals(String.valueOf(n).toLowerCase(Locale.ROOT))) {
                        roles.add(r);
                    }
                }
            }
        }
        return roles;
    }
}
