package org.publiccredit.subject.registry;

import java.util.Set;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Registry settings.
 *
 * @param registrationSources departments whose officers' data count as verified against a registration source
 *                            (e.g. {@code market}, the market regulation authority that registers enterprises)
 */
@ConfigurationProperties("platform.subjects")
public record SubjectsProperties(Set<String> registrationSources) {
    public SubjectsProperties {
        registrationSources = registrationSources == null ? Set.of() : Set.copyOf(registrationSources);
    }
}
