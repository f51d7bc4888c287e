package org.publiccredit.gateway.portal;

import java.time.Duration;
import org.springframework.http.CacheControl;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** What the portal needs to know at run time, so one build serves every environment. */
@RestController
class PortalConfigController {

    /** The answer of {@code GET /portal-config.json}. */
    record PortalConfig(String authority, String clientId) { }

    private final PortalProperties portal;

    PortalConfigController(PortalProperties portal) {
        this.portal = portal;
    }

    @GetMapping("/portal-config.json")
    ResponseEntity<PortalConfig> config() {
        return ResponseEntity.ok()
                .cacheControl(CacheControl.maxAge(Duration.ofMinutes(5)).cachePublic())
                .body(new PortalConfig(portal.oidcAuthority(), portal.clientId()));
    }
}
