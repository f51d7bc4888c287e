package org.publiccredit.gateway.portal;

import java.net.URI;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The web portal the gateway serves (built by the {@code portal} module into {@code classpath:/static/}).
 *
 * @param oidcAuthority the Keycloak realm the portal signs in with (its origin is allowed by the CSP)
 * @param clientId the public OIDC client of the portal
 */
@ConfigurationProperties("platform.portal")
public record PortalProperties(String oidcAuthority, String clientId) {

    public PortalProperties {
        oidcAuthority = oidcAuthority == null || oidcAuthority.isBlank() ? "http://localhost:8180/realms/credit" : oidcAuthority;
        clientId = clientId == null || clientId.isBlank() ? "portal" : clientId;
        URI uri = URI.create(oidcAuthority);
        if (uri.getScheme() == null || uri.getHost() == null) {
            throw new IllegalArgumentException("platform.portal.oidc-authority must be an absolute URL: " + oidcAuthority);
        }
    }

    /** scheme://host[:port] of the identity provider, for the Content-Security-Policy. */
    public String authorityOrigin() {
        URI uri = URI.create(oidcAuthority);
        return uri.getScheme() + "://" + uri.getHost() + (uri.getPort() >= 0 ? ":" + uri.getPort() : "");
    }
}
