package org.publiccredit.commons.config;

import java.io.IOException;
import java.io.UncheckedIOException;
import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.env.YamlPropertySourceLoader;
import org.springframework.core.Ordered;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.io.ClassPathResource;

/**
 * Adds {@code publiccredit-defaults.yml} (the settings every service shares) as the property source with the
 * LOWEST precedence, so a service's own application.yml, its profiles and the environment override any of it.
 * ({@code spring.config.import} would do the opposite: imported values win over the importing file.)
 */
public class PlatformDefaults implements EnvironmentPostProcessor, Ordered {

    static final String RESOURCE = "publiccredit-defaults.yml";

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        ClassPathResource resource = new ClassPathResource(RESOURCE);
        if (!resource.exists() || environment.getPropertySources().contains(RESOURCE)) {
            return;
        }
        try {
            new YamlPropertySourceLoader().load(RESOURCE, resource)
                    .forEach(source -> environment.getPropertySources().addLast(source));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public int getOrder() {
        return Ordered.LOWEST_PRECEDENCE;
    }
}
