package org.publiccredit.deploycheck;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * What this check knows of the operators' custom resources: their apiVersion and kind, the fields they
 * require and the fields their CRDs define at the levels we write (so a misspelt field fails). The
 * field lists follow the CRDs of ECK 2.x/3.x, CloudNativePG 1.25+ and the Keycloak operator 26.x.
 */
final class OperatorResources {

    static final String ECK = "elasticsearch.k8s.elastic.co/v1";
    static final String CNPG = "postgresql.cnpg.io/v1";
    static final String KEYCLOAK = "k8s.keycloak.org/v2alpha1";

    private static final Pattern ES_VERSION = Pattern.compile("8\\.19\\.\\d+");
    private static final Pattern QUANTITY = Pattern.compile("\\d+(\\.\\d+)?(m|k|Ki|Mi|Gi|Ti|M|G|T)?");
    private static final Pattern DNS_NAME = Pattern.compile("[a-z0-9]([-a-z0-9]*[a-z0-9])?");

    private static final Set<String> ES_SPEC = Set.of("version", "image", "http", "transport", "nodeSets", "auth",
            "updateStrategy", "podDisruptionBudget", "secureSettings", "serviceAccountName", "remoteClusters",
            "remoteClusterServer", "volumeClaimDeletePolicy", "monitoring", "revisionHistoryLimit");
    private static final Set<String> ES_NODESET = Set.of("name", "count", "config", "podTemplate",
            "volumeClaimTemplates", "zoneAwareness");
    private static final Set<String> CNPG_CLUSTER_SPEC = Set.of("description", "inheritedMetadata", "imageName",
            "imageCatalogRef", "imagePullPolicy", "schedulerName", "postgresUID", "postgresGID", "instances",
            "minSyncReplicas", "maxSyncReplicas", "postgresql", "replicationSlots", "bootstrap", "replica",
            "superuserSecret", "enableSuperuserAccess", "certificates", "imagePullSecrets", "storage",
            "serviceAccountTemplate", "walStorage", "ephemeralVolumeSource", "startDelay", "stopDelay",
            "smartShutdownTimeout", "switchoverDelay", "failoverDelay", "livenessProbeTimeout", "affinity",
            "topologySpreadConstraints", "resources", "ephemeralVolumesSizeLimit", "priorityClassName",
            "primaryUpdateStrategy", "primaryUpdateMethod", "backup", "nodeMaintenanceWindow", "monitoring",
            "externalClusters", "logLevel", "projectedVolumeTemplate", "env", "envFrom", "managed",
            "seccompProfile", "tablespaces", "enablePDB", "plugins", "probes", "podSecurityContext",
            "securityContext");
    private static final Set<String> CNPG_INITDB = Set.of("database", "owner", "secret", "options", "dataChecksums",
            "encoding", "localeCollate", "localeCType", "locale", "localeProvider", "icuLocale", "icuRules",
            "builtinLocale", "walSegmentSize", "postInitSQL", "postInitApplicationSQL", "postInitTemplateSQL",
            "import", "postInitApplicationSQLRefs", "postInitTemplateSQLRefs", "postInitSQLRefs");
    private static final Set<String> CNPG_ROLE = Set.of("name", "comment", "ensure", "passwordSecret",
            "connectionLimit", "validUntil", "inRoles", "inherit", "disablePassword", "superuser", "createdb",
            "createrole", "login", "replication", "bypassrls");
    private static final Set<String> CNPG_DATABASE_SPEC = Set.of("cluster", "ensure", "name", "owner", "template",
            "encoding", "locale", "localeProvider", "localeCollate", "localeCType", "icuLocale", "icuRules",
            "builtinLocale", "collationVersion", "isTemplate", "allowConnections", "connectionLimit", "tablespace",
            "databaseReclaimPolicy", "schemas", "extensions", "fdws", "servers");
    private static final Set<String> KEYCLOAK_SPEC = Set.of("instances", "image", "imagePullSecrets", "startOptimized",
            "http", "httpManagement", "hostname", "db", "features", "transaction", "ingress", "networkPolicy",
            "unsupported", "truststores", "cache", "resources", "proxy", "additionalOptions", "scheduling",
            "bootstrapAdmin", "tracing", "readinessProbe", "livenessProbe", "startupProbe", "serviceMonitor", "update",
            "env");
    private static final Set<String> KEYCLOAK_HOSTNAME = Set.of("hostname", "admin", "adminUrl", "strict",
            "strictBackchannel", "backchannelDynamic");
    private static final Set<String> KEYCLOAK_DB = Set.of("vendor", "host", "port", "database", "url", "schema",
            "usernameSecret", "passwordSecret", "poolInitialSize", "poolMinSize", "poolMaxSize");
    private static final Set<String> REALM_IMPORT_SPEC = Set.of("keycloakCRName", "realm", "resources", "placeholders");

    private final Map<String, Validator> byType = Map.of(
            ECK + "/Elasticsearch", this::elasticsearch,
            CNPG + "/Cluster", this::cnpgCluster,
            CNPG + "/Database", this::cnpgDatabase,
            KEYCLOAK + "/Keycloak", this::keycloak,
            KEYCLOAK + "/KeycloakRealmImport", this::realmImport);

    @FunctionalInterface
    private interface Validator {
        void validate(Manifest m, JsonNode spec, List<String> violations);
    }

    boolean knows(Manifest m) {
        return byType.containsKey(m.apiVersion() + "/" + m.kind());
    }

    void validate(Manifest m, List<String> violations) {
        JsonNode spec = m.raw().path("spec");
        if (!spec.isObject()) {
            violations.add(m.id() + ": spec is required");
            return;
        }
        onlyKnownFields(m, m.raw(), "", Set.of("apiVersion", "kind", "metadata", "spec"), violations);
        byType.get(m.apiVersion() + "/" + m.kind()).validate(m, spec, violations);
    }

    private void elasticsearch(Manifest m, JsonNode spec, List<String> v) {
        onlyKnownFields(m, spec, "spec", ES_SPEC, v);
        if (!ES_VERSION.matcher(spec.path("version").asText()).matches()) {
            v.add(m.id() + ": spec.version must be an 8.19.x release (the client is 8.19), found '"
                    + spec.path("version").asText() + "'");
        }
        JsonNode nodeSets = spec.path("nodeSets");
        if (!nodeSets.isArray() || nodeSets.isEmpty()) {
            v.add(m.id() + ": spec.nodeSets must list at least one node set");
            return;
        }
        for (int i = 0; i < nodeSets.size(); i++) {
            JsonNode ns = nodeSets.get(i);
            String at = "spec.nodeSets[" + i + "]";
            onlyKnownFields(m, ns, at, ES_NODESET, v);
            if (!DNS_NAME.matcher(ns.path("name").asText()).matches()) {
                v.add(m.id() + ": " + at + ".name is required (a DNS label)");
            }
            if (!ns.path("count").isInt() || ns.path("count").asInt() < 1) {
                v.add(m.id() + ": " + at + ".count must be an integer >= 1");
            }
            for (JsonNode claim : ns.path("volumeClaimTemplates")) {
                quantity(m, claim.path("spec").path("resources").path("requests").path("storage"),
                        at + ".volumeClaimTemplates[].spec.resources.requests.storage", v);
            }
        }
    }

    private void cnpgCluster(Manifest m, JsonNode spec, List<String> v) {
        onlyKnownFields(m, spec, "spec", CNPG_CLUSTER_SPEC, v);
        int instances = spec.path("instances").asInt(0);
        if (!spec.path("instances").isInt() || instances < 1) {
            v.add(m.id() + ": spec.instances must be an integer >= 1");
        }
        int min = spec.path("minSyncReplicas").asInt(0);
        int max = spec.path("maxSyncReplicas").asInt(0);
        if (min > max || (max > 0 && max >= instances)) {
            v.add(m.id() + ": synchronous replicas need minSyncReplicas <= maxSyncReplicas < instances (found "
                    + min + ", " + max + ", " + instances + ")");
        }
        quantity(m, spec.path("storage").path("size"), "spec.storage.size", v);
        JsonNode initdb = spec.path("bootstrap").path("initdb");
        if (initdb.isObject()) {
            onlyKnownFields(m, initdb, "spec.bootstrap.initdb", CNPG_INITDB, v);
        }
        JsonNode roles = spec.path("managed").path("roles");
        for (int i = 0; i < roles.size(); i++) {
            onlyKnownFields(m, roles.get(i), "spec.managed.roles[" + i + "]", CNPG_ROLE, v);
            if (roles.get(i).path("name").asText().isEmpty()) {
                v.add(m.id() + ": spec.managed.roles[" + i + "].name is required");
            }
        }
    }

    private void cnpgDatabase(Manifest m, JsonNode spec, List<String> v) {
        onlyKnownFields(m, spec, "spec", CNPG_DATABASE_SPEC, v);
        for (String required : List.of("name", "owner")) {
            if (spec.path(required).asText().isEmpty()) {
                v.add(m.id() + ": spec." + required + " is required");
            }
        }
        if (spec.path("cluster").path("name").asText().isEmpty()) {
            v.add(m.id() + ": spec.cluster.name is required");
        }
    }

    private void keycloak(Manifest m, JsonNode spec, List<String> v) {
        onlyKnownFields(m, spec, "spec", KEYCLOAK_SPEC, v);
        onlyKnownFields(m, spec.path("hostname"), "spec.hostname", KEYCLOAK_HOSTNAME, v);
        onlyKnownFields(m, spec.path("db"), "spec.db", KEYCLOAK_DB, v);
        if (spec.has("instances") && (!spec.path("instances").isInt() || spec.path("instances").asInt() < 1)) {
            v.add(m.id() + ": spec.instances must be an integer >= 1");
        }
        if (!spec.path("hostname").path("hostname").asText().startsWith("https://")
                && !spec.path("hostname").path("strict").isBoolean()) {
            v.add(m.id() + ": spec.hostname.hostname must be the public https:// URL (the tokens' issuer)");
        }
        if (spec.path("db").path("vendor").asText().isEmpty()) {
            v.add(m.id() + ": spec.db.vendor is required (the dev-file database is not for a cluster)");
        }
        boolean http = spec.path("http").path("httpEnabled").asBoolean(false);
        boolean tls = !spec.path("http").path("tlsSecret").asText().isEmpty();
        if (!http && !tls) {
            v.add(m.id() + ": spec.http needs httpEnabled: true or a tlsSecret");
        }
    }

    private void realmImport(Manifest m, JsonNode spec, List<String> v) {
        onlyKnownFields(m, spec, "spec", REALM_IMPORT_SPEC, v);
        if (spec.path("keycloakCRName").asText().isEmpty()) {
            v.add(m.id() + ": spec.keycloakCRName is required");
        }
        if (spec.path("realm").path("realm").asText().isEmpty()) {
            v.add(m.id() + ": spec.realm.realm is required");
        }
        Iterator<Map.Entry<String, JsonNode>> placeholders = spec.path("placeholders").fields();
        while (placeholders.hasNext()) {
            Map.Entry<String, JsonNode> p = placeholders.next();
            JsonNode secret = p.getValue().path("secret");
            if (secret.path("name").asText().isEmpty() || secret.path("key").asText().isEmpty()) {
                v.add(m.id() + ": spec.placeholders." + p.getKey() + " needs secret.name and secret.key");
            }
        }
    }

    private static void quantity(Manifest m, JsonNode node, String at, List<String> v) {
        if (!QUANTITY.matcher(node.asText()).matches()) {
            v.add(m.id() + ": " + at + " must be a quantity such as 20Gi, found '" + node.asText() + "'");
        }
    }

    private static void onlyKnownFields(Manifest m, JsonNode node, String at, Set<String> known, List<String> v) {
        if (!node.isObject()) {
            return;
        }
        node.fieldNames().forEachRemaining(field -> {
            if (!known.contains(field)) {
                v.add(m.id() + ": unknown field " + (at.isEmpty() ? "" : at + ".") + field
                        + " (not in the " + m.kind() + " CRD)");
            }
        });
    }
}
