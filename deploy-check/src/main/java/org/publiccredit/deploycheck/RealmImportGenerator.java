package org.publiccredit.deploycheck;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLGenerator;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Generates k8s/base/data/keycloak-realm-import.yaml (a KeycloakRealmImport) from the production realm
 * deploy/keycloak/credit-realm.json, so the two cannot drift: RealmImportInSyncTest fails when the
 * committed file differs from what this produces. Regenerate with
 * {@code ./mvnw -q -pl deploy-check test -Dtest=RealmImportInSyncTest -Ddeploycheck.regenerate=true}.
 *
 * <p>The realm file holds no secret: client secrets are placeholders such as
 * {@code ${SVC_RECORD_SECRET}}. Each becomes an entry of spec.placeholders that the Keycloak operator
 * fills from a Secret at import time: a client's secret from Secret {@code keycloak-client-<clientId>}
 * (key {@code secret}), the same Secret the calling service reads; any other placeholder from Secret
 * {@code credit-realm-placeholders} under its own name.
 */
public final class RealmImportGenerator {

    public static final String REALM_FILE = "deploy/keycloak/credit-realm.json";
    public static final String IMPORT_FILE = "k8s/base/data/keycloak-realm-import.yaml";
    public static final String KEYCLOAK_CR = "keycloak";

    private static final Pattern PLACEHOLDER = Pattern.compile("\\$\\{([A-Z0-9_]+)}");
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final YAMLMapper YAML_OUT = new YAMLMapper(YAMLFactory.builder()
            .disable(YAMLGenerator.Feature.WRITE_DOC_START_MARKER)
            .enable(YAMLGenerator.Feature.MINIMIZE_QUOTES)
            .enable(YAMLGenerator.Feature.ALWAYS_QUOTE_NUMBERS_AS_STRINGS)
            .enable(YAMLGenerator.Feature.INDENT_ARRAYS_WITH_INDICATOR)
            .build());

    private RealmImportGenerator() {
    }

    /** The KeycloakRealmImport for the realm file under {@code repoRoot}, as YAML text. */
    public static String generate(Path repoRoot) {
        Path realmFile = repoRoot.resolve(REALM_FILE);
        if (!Files.isRegularFile(realmFile)) {
            throw new IllegalStateException(REALM_FILE + " is missing: the KeycloakRealmImport is generated from it");
        }
        try {
            JsonNode realm = JSON.readTree(Files.readString(realmFile, StandardCharsets.UTF_8));
            return HEADER + YAML_OUT.writeValueAsString(realmImport(realm));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + REALM_FILE + ": " + e.getMessage(), e);
        }
    }

    static ObjectNode realmImport(JsonNode realm) {
        JsonNodeFactory f = JsonNodeFactory.instance;
        ObjectNode root = f.objectNode();
        root.put("apiVersion", OperatorResources.KEYCLOAK);
        root.put("kind", "KeycloakRealmImport");
        root.putObject("metadata").put("name", realm.path("realm").asText() + "-realm");
        ObjectNode spec = root.putObject("spec");
        spec.put("keycloakCRName", KEYCLOAK_CR);
        ObjectNode placeholders = f.objectNode();
        placeholders(realm).forEach((name, secretRef) -> {
            ObjectNode secret = placeholders.putObject(name).putObject("secret");
            secret.put("name", secretRef[0]);
            secret.put("key", secretRef[1]);
        });
        if (!placeholders.isEmpty()) {
            spec.set("placeholders", placeholders);
        }
        spec.set("realm", realm);
        return root;
    }

    /** Placeholder name to {secret name, key}, in name order. */
    static Map<String, String[]> placeholders(JsonNode realm) {
        Map<String, String> clientOf = new TreeMap<>();
        for (JsonNode client : realm.path("clients")) {
            Matcher m = PLACEHOLDER.matcher(client.path("secret").asText());
            if (m.matches()) {
                clientOf.put(m.group(1), client.path("clientId").asText());
            }
        }
        Map<String, String[]> out = new TreeMap<>();
        Matcher all = PLACEHOLDER.matcher(realm.toString());
        while (all.find()) {
            String name = all.group(1);
            String client = clientOf.get(name);
            out.put(name, client != null
                    ? new String[] {"keycloak-client-" + client, "secret"}
                    : new String[] {"credit-realm-placeholders", name});
        }
        return out;
    }

    private static final String HEADER = """
            # GENERATED from deploy/keycloak/credit-realm.json by deploy-check's RealmImportGenerator: do not edit.
            # Regenerate: ./mvnw -q -pl deploy-check test -Dtest=RealmImportInSyncTest -Ddeploycheck.regenerate=true
            # The realm holds no secret: each ${PLACEHOLDER} is filled by the Keycloak operator from the Secret
            # named under spec.placeholders (created out of band, see k8s/README.md). The import creates the realm
            # once; later changes to an existing realm are made through the admin API, not by re-importing.
            """;

    /** Writes the generated file: {@code java ... RealmImportGenerator [repoRoot]}. */
    public static void main(String[] args) throws IOException {
        Path root = Path.of(args.length > 0 ? args[0] : ".").toAbsolutePath().normalize();
        Files.writeString(root.resolve(IMPORT_FILE), generate(root), StandardCharsets.UTF_8);
        System.out.println("wrote " + root.resolve(IMPORT_FILE));
    }
}
