package org.publiccredit.deploycheck;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

/**
 * Proves the checker catches what it claims to: each test breaks one thing in the real production
 * rendering (or feeds a small broken object) and expects a violation naming the object.
 */
class CheckerCatchesBreakageTest {

    private static final String NO_PROBES = """
            apiVersion: apps/v1
            kind: Deployment
            metadata:
              name: careless
            spec:
              replicas: 2
              selector:
                matchLabels: {app.kubernetes.io/name: careless}
              template:
                metadata:
                  labels: {app.kubernetes.io/name: careless}
                spec:
                  containers:
                    - name: careless
                      image: registry.example.gov.cn/publiccredit/careless:1.0.0
            """;

    @Test
    void aDeploymentWithoutProbesResourcesOrSecurityContextIsCaught() {
        List<String> v = Rendered.checker().check(NO_PROBES, Invariants.Profile.PROD).violations();
        assertThat(v).contains(
                "Deployment/careless container careless: no readinessProbe",
                "Deployment/careless container careless: no livenessProbe",
                "Deployment/careless container careless: no startupProbe",
                "Deployment/careless container careless: no cpu request",
                "Deployment/careless container careless: no memory limit",
                "Deployment/careless container careless: runAsNonRoot is not true",
                "Deployment/careless container careless: readOnlyRootFilesystem is not true",
                "Deployment/careless container careless: capabilities do not drop ALL",
                "Deployment/careless: no emptyDir mounted at /tmp (needed with readOnlyRootFilesystem)",
                "Deployment/careless: production has no HorizontalPodAutoscaler for it",
                "no default-deny NetworkPolicy (empty podSelector, policyTypes Ingress and Egress, no rules)");
    }

    @Test
    void theRealRenderingLosingItsProbesIsCaught() {
        List<String> v = breakProd("Deployment", "record-service", d -> container(d).remove(List.of("readinessProbe", "startupProbe")));
        assertThat(v).containsExactlyInAnyOrder(
                "Deployment/record-service container record-service: no readinessProbe",
                "Deployment/record-service container record-service: no startupProbe");
    }

    @Test
    void anUnknownFieldIsASchemaError() {
        List<String> v = breakProd("Deployment", "gateway", d -> container(d).put("imagePullPolicyy", "Always"));
        assertThat(v).singleElement().asString()
                .startsWith("Deployment/gateway does not match the Kubernetes schema of apps/v1 Deployment at spec.template.spec.containers[0].imagePullPolicyy");
    }

    @Test
    void aMisplacedFieldIsASchemaError() {
        // `replicas` belongs to the Deployment spec, not to the pod spec
        List<String> v = breakProd("Deployment", "search-service", d -> podSpec(d).put("replicas", 3));
        assertThat(v).anySatisfy(s -> assertThat(s).startsWith("Deployment/search-service does not match the Kubernetes schema")
                .contains("spec.template.spec.replicas"));
    }

    @Test
    void aWrongTypeIsASchemaError() {
        List<String> v = breakProd("Service", "gateway", s -> ((ObjectNode) s.path("spec").path("ports").get(0)).put("port", "eighty"));
        assertThat(v).anySatisfy(s -> assertThat(s).startsWith("Service/gateway does not match the Kubernetes schema")
                .contains("spec.ports[0].port"));
    }

    @Test
    void anUnknownBuiltInKindOrVersionIsCaught() {
        List<String> v = breakProd("PodDisruptionBudget", "gateway", p -> p.put("apiVersion", "policy/v1beta1"));
        assertThat(v).contains("PodDisruptionBudget/gateway: policy/v1beta1 PodDisruptionBudget is not a Kubernetes kind this check knows"
                + " (a wrong apiVersion, or add it to Schema.TYPED)");
    }

    @Test
    void latestOrMissingImageTagsAreCaught() {
        assertThat(breakProd("Deployment", "subject-service",
                d -> container(d).put("image", "registry.example.gov.cn/publiccredit/subject-service:latest")))
                .containsExactly("Deployment/subject-service container subject-service: image "
                        + "registry.example.gov.cn/publiccredit/subject-service:latest uses the tag latest");
        assertThat(breakProd("StatefulSet", "redis", s -> container(s).put("image", "registry.local:5000/redis")))
                .containsExactly("StatefulSet/redis container redis: image registry.local:5000/redis has no tag (pin one, never latest)");
    }

    @Test
    void aCommittedSecretIsCaught() {
        List<Manifest> ms = Rendered.manifests("prod");
        ms.add(Manifest.of((ObjectNode) Manifests.YAML.valueToTree(java.util.Map.of(
                "apiVersion", "v1", "kind", "Secret", "metadata", java.util.Map.of("name", "redis-auth"),
                "stringData", java.util.Map.of("password", "hunter2")))));
        assertThat(Rendered.checker().check(ms, Invariants.Profile.PROD).violations()).containsExactly(
                "Secret/redis-auth: a Secret with data or stringData is committed; reference Secrets created out of band");
    }

    @Test
    void aLiteralPasswordInTheEnvironmentIsCaught() {
        List<String> v = breakProd("Deployment", "gateway", d -> {
            ObjectNode env = ((ArrayNode) container(d).path("env")).addObject();
            env.put("name", "REDIS_PASSWORD");
            env.put("value", "hunter2");
        });
        assertThat(v).contains("Deployment/gateway container gateway: REDIS_PASSWORD has a literal value; secrets come by secretKeyRef");
    }

    @Test
    void losingTheDefaultDenyOrAServicesPolicyIsCaught() {
        List<Manifest> ms = Rendered.manifests("prod");
        ms.removeIf(m -> m.kind().equals("NetworkPolicy") && (m.name().equals("default-deny-all") || m.name().equals("search-service")));
        assertThat(Rendered.checker().check(ms, Invariants.Profile.PROD).violations()).containsExactlyInAnyOrder(
                "no default-deny NetworkPolicy (empty podSelector, policyTypes Ingress and Egress, no rules)",
                "Service/search-service: no NetworkPolicy selects its pods {app.kubernetes.io/name=search-service} with ingress rules");
    }

    @Test
    void openingAnInternalServiceToTheIngressControllerIsCaught() {
        List<String> v = breakProd("NetworkPolicy", "record-service", p -> {
            ObjectNode rule = ((ArrayNode) p.path("spec").path("ingress")).addObject();
            rule.putArray("from").addObject().putObject("namespaceSelector").putObject("matchLabels")
                    .put("kubernetes.io/metadata.name", "ingress-nginx");
        });
        assertThat(v).anySatisfy(s -> assertThat(s).startsWith("NetworkPolicy/record-service: lets the ingress controller reach pods"));
        List<String> routed = breakProd("Ingress", "gateway", i -> ((ObjectNode) i.at("/spec/rules/0/http/paths/0/backend/service"))
                .put("name", "subject-service"));
        assertThat(routed).anySatisfy(s -> assertThat(s).startsWith("Ingress/gateway: routes to subject-service"));
    }

    @Test
    void theGatewaysMetricsOnThePortTheIngressReachesAreCaught() {
        List<String> v = breakProd("Deployment", "gateway", d -> ((ObjectNode) d.at("/spec/template/metadata/annotations"))
                .put("prometheus.io/port", "8080"));
        assertThat(v).contains("Deployment/gateway: serves its metrics (prometheus.io/port 8080) on a port the ingress controller reaches");
    }

    @Test
    void productionWithOneReplicaIsCaught() {
        List<Manifest> ms = Rendered.manifests("prod");
        edit(ms, "Deployment", "objection-service", d -> ((ObjectNode) d.path("spec")).put("replicas", 1));
        edit(ms, "HorizontalPodAutoscaler", "objection-service", h -> ((ObjectNode) h.path("spec")).put("minReplicas", 1));
        edit(ms, "Elasticsearch", "search", e -> ((ObjectNode) e.at("/spec/nodeSets/0")).put("count", 1));
        edit(ms, "Cluster", "credit-pg", c -> ((ObjectNode) c.path("spec")).put("instances", 1).put("maxSyncReplicas", 0).put("minSyncReplicas", 0));
        assertThat(Rendered.checker().check(ms, Invariants.Profile.PROD).violations()).containsExactlyInAnyOrder(
                "Deployment/objection-service: production needs replicas >= 2, found 1",
                "HorizontalPodAutoscaler/objection-service: production needs minReplicas >= 2, found 1",
                "Elasticsearch/search: production Elasticsearch needs 3 nodes, found 1",
                "Cluster/credit-pg: production PostgreSQL needs 3 instances (primary + 2 replicas), found 1");
    }

    @Test
    void brokenOperatorResourcesAreCaught() {
        List<Manifest> ms = Rendered.manifests("prod");
        edit(ms, "Elasticsearch", "search", e -> ((ObjectNode) e.path("spec")).put("version", "9.1.0").put("nodeSet", "typo"));
        edit(ms, "Cluster", "credit-pg", c -> ((ObjectNode) c.path("spec")).put("maxSyncReplicas", 3));
        edit(ms, "Database", "credit-pg-record", d -> ((ObjectNode) d.at("/spec/cluster")).put("name", "credit-postgres"));
        edit(ms, "KeycloakRealmImport", "credit-realm", r -> ((ObjectNode) r.path("spec")).put("keycloakCRName", "kc"));
        edit(ms, "Keycloak", "keycloak", k -> ((ObjectNode) k.path("spec").path("http")).remove("httpEnabled"));
        assertThat(Rendered.checker().check(ms, Invariants.Profile.PROD).violations()).containsExactlyInAnyOrder(
                "Elasticsearch/search: unknown field spec.nodeSet (not in the Elasticsearch CRD)",
                "Elasticsearch/search: spec.version must be an 8.19.x release (the client is 8.19), found '9.1.0'",
                "Cluster/credit-pg: synchronous replicas need minSyncReplicas <= maxSyncReplicas < instances (found 1, 3, 3)",
                "Database/credit-pg-record: spec.cluster.name credit-postgres is no Cluster in this render",
                "Database/credit-pg-record: owner record is neither the initdb owner nor a managed role of credit-postgres",
                "ConfigMap/" + configMap(ms, "record-service-config-") + " SPRING_DATASOURCE_URL: database record on credit-pg-rw is not "
                        + "created by any Cluster or Database of this render [credit-pg/subject, credit-pg/keycloak, credit-pg/objection, "
                        + "credit-postgres/record, credit-pg/report]",
                "KeycloakRealmImport/credit-realm: keycloakCRName kc is no Keycloak in this render",
                "Keycloak/keycloak: spec.http needs httpEnabled: true or a tlsSecret");
    }

    @Test
    void configurationThatPointsAtNothingIsCaught() {
        List<Manifest> ms = Rendered.manifests("prod");
        ms.stream().filter(m -> m.kind().equals("ConfigMap") && m.name().startsWith("objection-service-config-")).findFirst()
                .ifPresent(m -> ((ObjectNode) m.raw().path("data")).put("SPRING_DATASOURCE_URL", "jdbc:postgresql://credit-pg-rw:5432/objections"));
        edit(ms, "Deployment", "gateway", d -> ((ObjectNode) container(d).path("env").get(0).at("/valueFrom/secretKeyRef")).put("name", "redis-password"));
        List<String> v = Rendered.checker().check(ms, Invariants.Profile.PROD).violations();
        assertThat(v).hasSize(2);
        assertThat(v).anySatisfy(s -> assertThat(s).startsWith("ConfigMap/objection-service-config-")
                .contains("database objections on credit-pg-rw is not created by any Cluster or Database"));
        assertThat(v).contains("Deployment/gateway: refers to Secret redis-password, which k8s/README.md does not document");
    }

    // ---- helpers -----------------------------------------------------------------------------------------

    private static List<String> breakProd(String kind, String name, Consumer<ObjectNode> change) {
        List<Manifest> ms = new ArrayList<>(Rendered.manifests("prod"));
        edit(ms, kind, name, change);
        return Rendered.checker().check(ms, Invariants.Profile.PROD).violations();
    }

    private static void edit(List<Manifest> ms, String kind, String name, Consumer<ObjectNode> change) {
        Manifest m = ms.stream().filter(x -> x.kind().equals(kind) && x.name().equals(name)).findFirst()
                .orElseThrow(() -> new AssertionError(kind + "/" + name + " not in the prod rendering"));
        change.accept(m.raw());
        ms.set(ms.indexOf(m), Manifest.of(m.raw()));
    }

    private static String configMap(List<Manifest> ms, String prefix) {
        return ms.stream().map(Manifest::name).filter(n -> n.startsWith(prefix)).findFirst().orElseThrow();
    }

    private static ObjectNode podSpec(JsonNode workload) {
        return (ObjectNode) workload.path("spec").path("template").path("spec");
    }

    private static ObjectNode container(JsonNode workload) {
        return (ObjectNode) podSpec(workload).path("containers").get(0);
    }
}
