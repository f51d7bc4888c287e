package org.publiccredit.testkit;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Marks an integration test ({@code *IT}) that talks to the real local stack started by {@code ./platform up}:
 * PostgreSQL, Redis, Elasticsearch, Keycloak and the services, usually through the gateway with real tokens.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Tag("integration")
@ExtendWith(StackAvailable.class)
public @interface IntegrationTest {
}
