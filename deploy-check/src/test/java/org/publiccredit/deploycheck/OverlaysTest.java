package org.publiccredit.deploycheck;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.autoscaling.v2.HorizontalPodAutoscaler;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Every overlay renders with Kustomize, matches the Kubernetes schema and keeps the platform's rules. */
class OverlaysTest {

    private static final Set<String> SERVICES =
            Set.of("gateway", "subject-service", "record-service", "search-service", "objection-service", "report-service");

    @Test
    void everyOverlayIsCheckedHere() throws IOException {
        try (Stream<Path> dirs = Files.list(Rendered.ROOT.resolve("k8s/overlays"))) {
            assertThat(dirs.filter(Files::isDirectory).map(p -> p.getFileName().toString()).collect(Collectors.toSet()))
                    .as("overlays under k8s/overlays: add a new one to the @CsvSource below")
                    .containsExactlyInAnyOrder("dev", "prod");
        }
    }

    @ParameterizedTest(name = "{0} passes every check")
    @CsvSource({"dev, DEV", "prod, PROD"})
    void overlayPassesEveryCheck(String overlay, Invariants.Profile profile) {
        DeployCheck.Report report = Rendered.checker().check(Rendered.yaml(overlay), profile);
        if (!report.ok()) {
            fail("k8s/overlays/" + overlay + ": " + report.describe());
        }
        assertThat(report.manifests()).as("rendered objects").hasSizeGreaterThan(40);
    }

    @ParameterizedTest(name = "{0} has every service with its Deployment, Service, ConfigMap, PDB and policy")
    @CsvSource({"dev", "prod"})
    void everyServiceIsComplete(String overlay) {
        List<Manifest> ms = Rendered.checker().check(Rendered.yaml(overlay), Invariants.Profile.valueOf(overlay.toUpperCase())).manifests();
        for (String svc : SERVICES) {
            for (String kind : List.of("Deployment", "Service", "PodDisruptionBudget", "NetworkPolicy", "ServiceAccount")) {
                assertThat(ms).as(overlay + ": " + kind + "/" + svc).anyMatch(m -> m.kind().equals(kind) && m.name().equals(svc));
            }
            assertThat(ms).as(overlay + ": ConfigMap " + svc + "-config-<hash>")
                    .anyMatch(m -> m.kind().equals("ConfigMap") && m.name().startsWith(svc + "-config-"));
        }
        assertThat(ms).filteredOn(m -> m.kind().equals("Secret")).as("Secrets are never rendered").isEmpty();
    }

    @Test
    void productionShape() {
        List<Manifest> ms = Rendered.checker().check(Rendered.yaml("prod"), Invariants.Profile.PROD).manifests();
        Map<String, Integer> replicas = ms.stream().filter(m -> m.typed() instanceof Deployment)
                .collect(Collectors.toMap(Manifest::name, m -> m.as(Deployment.class).getSpec().getReplicas()));
        assertThat(replicas.keySet()).containsExactlyInAnyOrderElementsOf(SERVICES);
        assertThat(replicas.values()).allMatch(r -> r >= 2);
        Map<String, HorizontalPodAutoscaler> hpas = ms.stream().filter(m -> m.typed() instanceof HorizontalPodAutoscaler)
                .collect(Collectors.toMap(Manifest::name, m -> m.as(HorizontalPodAutoscaler.class)));
        assertThat(hpas.keySet()).containsExactlyInAnyOrderElementsOf(SERVICES);
        hpas.forEach((name, hpa) -> {
            assertThat(hpa.getSpec().getMinReplicas()).as("HPA " + name + " min").isGreaterThanOrEqualTo(2)
                    .isEqualTo(replicas.get(name));
            assertThat(hpa.getSpec().getMaxReplicas()).as("HPA " + name + " max").isGreaterThan(hpa.getSpec().getMinReplicas());
        });
        assertThat(spec(ms, "Elasticsearch", "search").path("nodeSets").get(0).path("count").asInt()).isEqualTo(3);
        assertThat(spec(ms, "Cluster", "credit-pg").path("instances").asInt()).isEqualTo(3);
        assertThat(spec(ms, "Keycloak", "keycloak").path("instances").asInt()).isEqualTo(2);
        assertThat(spec(ms, "StatefulSet", "redis").path("replicas").asInt()).isEqualTo(3);
    }

    @Test
    void developmentShape() {
        List<Manifest> ms = Rendered.checker().check(Rendered.yaml("dev"), Invariants.Profile.DEV).manifests();
        assertThat(ms).filteredOn(m -> m.typed() instanceof Deployment)
                .allSatisfy(m -> assertThat(m.as(Deployment.class).getSpec().getReplicas()).as(m.id()).isEqualTo(1));
        assertThat(ms).filteredOn(m -> m.kind().equals("HorizontalPodAutoscaler")).as("no autoscaling in dev").isEmpty();
        assertThat(spec(ms, "Elasticsearch", "search").path("nodeSets").get(0).path("count").asInt()).isEqualTo(1);
        assertThat(spec(ms, "Cluster", "credit-pg").path("instances").asInt()).isEqualTo(1);
        assertThat(configValue(ms, "search-service-config-", "SEARCH_REPLICAS")).isEqualTo("0");
    }

    @Test
    void onlyTheGatewayAndKeycloakLoginArePublished() {
        for (String overlay : List.of("dev", "prod")) {
            List<String> backends = Rendered.manifests(overlay).stream().filter(m -> m.kind().equals("Ingress"))
                    .flatMap(m -> m.raw().findValues("service").stream()).map(s -> s.path("name").asText()).distinct().toList();
            assertThat(backends).as(overlay + " ingress backends").containsExactlyInAnyOrder("gateway", "keycloak-service");
        }
    }

    @Test
    void noFileUnderK8sHoldsSecretData() throws IOException {
        try (Stream<Path> files = Files.walk(Rendered.ROOT.resolve("k8s"))) {
            for (Path file : files.filter(f -> f.toString().endsWith(".yaml") || f.toString().endsWith(".yml")).toList()) {
                // every document, including patches and kustomizations (which are not all objects)
                for (JsonNode doc : Manifests.YAML.readerFor(JsonNode.class).<JsonNode>readValues(Files.readString(file)).readAll()) {
                    boolean secretData = "Secret".equals(doc.path("kind").asText()) && (doc.has("data") || doc.has("stringData"));
                    assertThat(secretData).as(Rendered.ROOT.relativize(file) + ": a Secret with data").isFalse();
                }
            }
        }
    }

    private static JsonNode spec(List<Manifest> ms, String kind, String name) {
        return ms.stream().filter(m -> m.kind().equals(kind) && m.name().equals(name)).findFirst()
                .orElseThrow(() -> new AssertionError(kind + "/" + name + " is not rendered")).raw().path("spec");
    }

    private static String configValue(List<Manifest> ms, String prefix, String key) {
        return ms.stream().filter(m -> m.kind().equals("ConfigMap") && m.name().startsWith(prefix)).findFirst()
                .orElseThrow(() -> new AssertionError("ConfigMap " + prefix + "*")).raw().path("data").path(key).asText();
    }
}
