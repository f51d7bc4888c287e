package org.publiccredit.deploycheck;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * The KeycloakRealmImport under k8s/ is generated from deploy/keycloak/credit-realm.json and must
 * stay equal to it. With -Ddeploycheck.regenerate=true this test rewrites the file instead.
 */
class RealmImportInSyncTest {

    private static final Path ROOT = DeployCheck.repoRoot();

    @Test
    void committedRealmImportIsGeneratedFromTheRealmFile() throws IOException {
        String expected = RealmImportGenerator.generate(ROOT);
        Path committed = ROOT.resolve(RealmImportGenerator.IMPORT_FILE);
        if (Boolean.getBoolean("deploycheck.regenerate")) {
            Files.writeString(committed, expected, StandardCharsets.UTF_8);
        }
        assertThat(Files.readString(committed, StandardCharsets.UTF_8))
                .as(RealmImportGenerator.IMPORT_FILE + " is stale: regenerate it with "
                        + "./mvnw -q -pl deploy-check test -Dtest=RealmImportInSyncTest -Ddeploycheck.regenerate=true")
                .isEqualTo(expected);
    }

    @Test
    void theImportCarriesTheRealmUnchangedAndNoSecret() throws IOException {
        JsonNode realm = new ObjectMapper().readTree(ROOT.resolve(RealmImportGenerator.REALM_FILE).toFile());
        JsonNode imported = Manifests.YAML.readTree(ROOT.resolve(RealmImportGenerator.IMPORT_FILE).toFile());
        assertThat(imported.path("spec").path("realm")).isEqualTo(realm);
        assertThat(imported.path("spec").path("keycloakCRName").asText()).isEqualTo(RealmImportGenerator.KEYCLOAK_CR);
        for (JsonNode client : realm.path("clients")) {
            String secret = client.path("secret").asText();
            assertThat(secret).as("client " + client.path("clientId").asText() + " secret in the realm file")
                    .satisfiesAnyOf(s -> assertThat(s).isEmpty(), s -> assertThat(s).matches("\\$\\{[A-Z0-9_]+}"));
            if (!secret.isEmpty()) {
                String placeholder = secret.substring(2, secret.length() - 1);
                assertThat(imported.path("spec").path("placeholders").path(placeholder).path("secret").path("name").asText())
                        .isEqualTo("keycloak-client-" + client.path("clientId").asText());
            }
        }
    }

    @Test
    void theServicesUseTheSecretsTheRealmIsImportedWith() {
        String prod = Rendered.yaml("prod");
        for (String client : new String[] {"internal-indexer", "svc-record", "svc-objection"}) {
            assertThat(prod).as("a service reads the secret of client " + client).contains("name: keycloak-client-" + client);
        }
    }
}
