package org.publiccredit.gateway.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.Test;
import org.publiccredit.commons.security.Role;
import org.publiccredit.testkit.Stack;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The production realm (imported by Kubernetes) and the local realm (imported by ./platform) must describe the
 * same roles, clients and claim mappers; only the local one may have demo users, direct grants and fixed secrets.
 */
class RealmFilesTest {

    private final JsonMapper json = JsonMapper.builder().build();
    private final JsonNode production = json.readTree(path("deploy/keycloak/credit-realm.json").toFile());
    private final JsonNode local = json.readTree(path("deploy/keycloak/local/credit-realm.json").toFile());

    private static Path path(String relative) {
        return Stack.root().resolve(relative);
    }

    @Test
    void bothRealmsHaveEveryPlatformRole() {
        Set<String> expected = new HashSet<>();
        for (Role r : Role.values()) {
            expected.add(r.realmName());
        }
        assertThat(names(production.path("roles").path("realm"), "name")).containsExactlyInAnyOrderElementsOf(expected);
        assertThat(names(local.path("roles").path("realm"), "name")).containsExactlyInAnyOrderElementsOf(expected);
    }

    @Test
    void clientsAndTheirMappersAgree() {
        assertThat(names(local.path("clients"), "clientId")).isEqualTo(names(production.path("clients"), "clientId"));
        for (int i = 0; i < production.path("clients").size(); i++) {
            JsonNode p = production.path("clients").get(i);
            JsonNode l = local.path("clients").get(i);
            assertThat(l.path("protocolMappers")).as(p.path("clientId").asString()).isEqualTo(p.path("protocolMappers"));
            assertThat(l.path("publicClient")).isEqualTo(p.path("publicClient"));
            assertThat(p.path("protocolMappers").toString()).as("every token carries the audience the services check")
                    .contains("credit-api");
        }
    }

    @Test
    void productionHasNoDemoUsersNoPasswordGrantAndNoSecretValues() {
        for (JsonNode user : production.path("users")) {
            assertThat(user.path("username").asString()).startsWith("service-account-");
            assertThat(user.has("credentials")).isFalse();
        }
        for (JsonNode client : production.path("clients")) {
            assertThat(client.path("directAccessGrantsEnabled").asBoolean()).as(client.path("clientId").asString()).isFalse();
            if (client.has("secret")) {
                assertThat(client.path("secret").asString()).as("a placeholder filled from a Secret").matches("\\$\\{[A-Z_]+}");
            }
        }
        assertThat(production.has("passwordPolicy")).as("production keeps Keycloak's default hashing").isFalse();
    }

    @Test
    void customClaimsAreDeclaredInTheUserProfileAndEditableByAdminsOnly() {
        String profile = production.path("components").path("org.keycloak.userprofile.UserProfileProvider").get(0)
                .path("config").path("kc.user.profile.config").get(0).asString();
        JsonNode attributes = json.readTree(profile).path("attributes");
        for (String claim : List.of("uscc", "department", "id_number", "region")) {
            JsonNode a = StreamSupport.stream(attributes.spliterator(), false)
                    .filter(n -> n.path("name").asString().equals(claim)).findFirst().orElseThrow();
            assertThat(a.path("permissions").path("edit").toString()).as(claim).isEqualTo("[\"admin\"]");
        }
    }

    private static List<String> names(JsonNode array, String field) {
        return StreamSupport.stream(array.spliterator(), false).map(n -> n.path(field).asString()).toList();
    }
}
