package org.publiccredit.deploycheck;

import com.fasterxml.jackson.databind.JsonNode;
import io.fabric8.kubernetes.api.model.Capabilities;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.EnvFromSource;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.LabelSelector;
import io.fabric8.kubernetes.api.model.PodSecurityContext;
import io.fabric8.kubernetes.api.model.PodSpec;
import io.fabric8.kubernetes.api.model.PodTemplateSpec;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.ResourceRequirements;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.SecurityContext;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.Volume;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.StatefulSet;
import io.fabric8.kubernetes.api.model.autoscaling.v2.HorizontalPodAutoscaler;
import io.fabric8.kubernetes.api.model.networking.v1.Ingress;
import io.fabric8.kubernetes.api.model.networking.v1.IngressBackend;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicy;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyPeer;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicySpec;
import io.fabric8.kubernetes.api.model.policy.v1.PodDisruptionBudget;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The platform's rules for what it deploys (ARCHITECTURE.md section 6, STYLE.md "Kubernetes"). Each
 * violation names the object. Runs on manifests that {@link Schema} has validated (typed).
 */
public final class Invariants {

    /** What the overlay is for: production has stricter rules on replicas. */
    public enum Profile { DEV, PROD }

    /** The pods reachable from outside (through the ingress controller's namespace). */
    static final Set<String> PUBLIC_SERVICES = Set.of("gateway", "keycloak-service");
    static final String INGRESS_NAMESPACE = "ingress-nginx";
    private static final Pattern SECRET_LIKE = Pattern.compile(".*(PASSWORD|SECRET|_KEY|TOKEN|CREDENTIAL).*");
    private static final String NAMESPACE_LABEL = "kubernetes.io/metadata.name";

    private final Set<Pattern> documentedSecrets;

    /** @param documentedSecrets the Secret names the deployment guide lists (k8s/README.md), as patterns */
    public Invariants(Set<Pattern> documentedSecrets) {
        this.documentedSecrets = documentedSecrets;
    }

    public List<String> check(List<Manifest> manifests, Profile profile) {
        List<String> v = new ArrayList<>();
        List<Workload> workloads = workloads(manifests);
        for (Workload w : workloads) {
            podRules(w, v);
        }
        selectorsMatch(manifests, workloads, v);
        networkPolicies(manifests, workloads, v);
        noCommittedSecrets(manifests, v);
        references(manifests, workloads, v);
        ingress(manifests, v);
        crossReferences(manifests, v);
        if (profile == Profile.PROD) {
            production(manifests, v);
        } else {
            development(manifests, v);
        }
        return v;
    }

    /** A Deployment or StatefulSet, reduced to what the rules look at. */
    record Workload(Manifest manifest, Integer replicas, LabelSelector selector, PodTemplateSpec template) {
        String id() {
            return manifest.id();
        }

        Map<String, String> podLabels() {
            return template.getMetadata() == null || template.getMetadata().getLabels() == null
                    ? Map.of() : template.getMetadata().getLabels();
        }
    }

    static List<Workload> workloads(List<Manifest> manifests) {
        List<Workload> out = new ArrayList<>();
        for (Manifest m : manifests) {
            if (m.typed() instanceof Deployment d) {
                out.add(new Workload(m, d.getSpec().getReplicas(), d.getSpec().getSelector(), d.getSpec().getTemplate()));
            } else if (m.typed() instanceof StatefulSet s) {
                out.add(new Workload(m, s.getSpec().getReplicas(), s.getSpec().getSelector(), s.getSpec().getTemplate()));
            }
        }
        return out;
    }

    // ---- pods: probes, resources, security context, images -------------------------------------------

    private static void podRules(Workload w, List<String> v) {
        PodSpec pod = w.template() == null ? null : w.template().getSpec();
        if (pod == null || pod.getContainers() == null || pod.getContainers().isEmpty()) {
            v.add(w.id() + ": no containers");
            return;
        }
        PodSecurityContext podSec = Optional.ofNullable(pod.getSecurityContext()).orElseGet(PodSecurityContext::new);
        String seccomp = podSec.getSeccompProfile() == null ? null : podSec.getSeccompProfile().getType();
        boolean isDeployment = w.manifest().typed() instanceof Deployment;
        List<Container> all = new ArrayList<>(pod.getContainers());
        if (pod.getInitContainers() != null) {
            all.addAll(pod.getInitContainers());
        }
        for (Container c : all) {
            String at = w.id() + " container " + c.getName();
            boolean init = pod.getInitContainers() != null && pod.getInitContainers().contains(c);
            if (!init) {
                if (c.getReadinessProbe() == null) v.add(at + ": no readinessProbe");
                if (c.getLivenessProbe() == null) v.add(at + ": no livenessProbe");
                if (c.getStartupProbe() == null) v.add(at + ": no startupProbe");
            }
            resources(at, c.getResources(), v);
            SecurityContext sec = Optional.ofNullable(c.getSecurityContext()).orElseGet(SecurityContext::new);
            boolean nonRoot = Boolean.TRUE.equals(sec.getRunAsNonRoot())
                    || (sec.getRunAsNonRoot() == null && Boolean.TRUE.equals(podSec.getRunAsNonRoot()));
            if (!nonRoot) v.add(at + ": runAsNonRoot is not true");
            Long uid = sec.getRunAsUser() != null ? sec.getRunAsUser() : podSec.getRunAsUser();
            if (uid != null && uid == 0) v.add(at + ": runs as user 0");
            if (isDeployment && !Objects.equals(uid, 10001L)) {
                v.add(at + ": the platform's images run as user 10001, found runAsUser " + uid);
            }
            if (!Boolean.TRUE.equals(sec.getReadOnlyRootFilesystem())) v.add(at + ": readOnlyRootFilesystem is not true");
            if (!Boolean.FALSE.equals(sec.getAllowPrivilegeEscalation())) v.add(at + ": allowPrivilegeEscalation is not false");
            if (Boolean.TRUE.equals(sec.getPrivileged())) v.add(at + ": privileged");
            Capabilities caps = sec.getCapabilities();
            if (caps == null || caps.getDrop() == null || !caps.getDrop().contains("ALL")) {
                v.add(at + ": capabilities do not drop ALL");
            }
            if (caps != null && caps.getAdd() != null && !caps.getAdd().isEmpty()) {
                v.add(at + ": adds capabilities " + caps.getAdd());
            }
            String containerSeccomp = sec.getSeccompProfile() == null ? null : sec.getSeccompProfile().getType();
            if (!"RuntimeDefault".equals(containerSeccomp != null ? containerSeccomp : seccomp)) {
                v.add(at + ": seccompProfile is not RuntimeDefault");
            }
            image(at, c.getImage(), v);
            env(at, c.getEnv(), v);
        }
        if (isDeployment) {
            Container main = pod.getContainers().get(0);
            boolean tmp = main.getVolumeMounts() != null && main.getVolumeMounts().stream()
                    .anyMatch(mount -> "/tmp".equals(mount.getMountPath()) && emptyDir(pod, mount.getName()));
            if (!tmp) v.add(w.id() + ": no emptyDir mounted at /tmp (needed with readOnlyRootFilesystem)");
        }
    }

    private static boolean emptyDir(PodSpec pod, String volume) {
        return pod.getVolumes() != null && pod.getVolumes().stream()
                .anyMatch(vol -> volume.equals(vol.getName()) && vol.getEmptyDir() != null);
    }

    private static void resources(String at, ResourceRequirements r, List<String> v) {
        Map<String, Quantity> requests = r == null || r.getRequests() == null ? Map.of() : r.getRequests();
        Map<String, Quantity> limits = r == null || r.getLimits() == null ? Map.of() : r.getLimits();
        for (String res : List.of("cpu", "memory")) {
            if (!requests.containsKey(res)) v.add(at + ": no " + res + " request");
            if (!limits.containsKey(res)) v.add(at + ": no " + res + " limit");
            if (requests.containsKey(res) && limits.containsKey(res)
                    && Quantity.getAmountInBytes(requests.get(res)).compareTo(Quantity.getAmountInBytes(limits.get(res))) > 0) {
                v.add(at + ": " + res + " request above its limit");
            }
        }
    }

    static void image(String at, String image, List<String> v) {
        if (image == null || image.isBlank()) {
            v.add(at + ": no image");
            return;
        }
        if (image.contains("@sha256:")) {
            return;
        }
        int slash = image.lastIndexOf('/');
        int colon = image.lastIndexOf(':');
        if (colon <= slash) {
            v.add(at + ": image " + image + " has no tag (pin one, never latest)");
        } else if (image.substring(colon + 1).equals("latest")) {
            v.add(at + ": image " + image + " uses the tag latest");
        }
    }

    private static void env(String at, List<EnvVar> env, List<String> v) {
        if (env == null) return;
        for (EnvVar e : env) {
            if (SECRET_LIKE.matcher(e.getName()).matches() && e.getValue() != null) {
                v.add(at + ": " + e.getName() + " has a literal value; secrets come by secretKeyRef");
            }
        }
    }

    // ---- selectors ----------------------------------------------------------------------------------------

    private static void selectorsMatch(List<Manifest> manifests, List<Workload> workloads, List<String> v) {
        for (Workload w : workloads) {
            Map<String, String> sel = w.selector() == null ? null : w.selector().getMatchLabels();
            if (sel == null || sel.isEmpty() || !matches(sel, w.podLabels())) {
                v.add(w.id() + ": spec.selector does not select its own pod template's labels");
            }
        }
        // pod labels of every workload, read from the raw tree so that one schema error does not cascade
        Map<String, Map<String, String>> pods = new LinkedHashMap<>();
        for (Manifest m : manifests) {
            if (m.kind().equals("Deployment") || m.kind().equals("StatefulSet")) {
                Map<String, String> labels = new LinkedHashMap<>();
                m.raw().path("spec").path("template").path("metadata").path("labels").fields()
                        .forEachRemaining(e -> labels.put(e.getKey(), e.getValue().asText()));
                pods.put(m.id(), labels);
            }
        }
        for (Manifest m : manifests) {
            if (m.typed() instanceof Service s && s.getSpec().getSelector() != null && !s.getSpec().getSelector().isEmpty()
                    && pods.values().stream().noneMatch(labels -> matches(s.getSpec().getSelector(), labels))) {
                v.add(m.id() + ": its selector " + s.getSpec().getSelector() + " matches no Deployment or StatefulSet");
            }
            if (m.typed() instanceof PodDisruptionBudget pdb) {
                Map<String, String> sel = pdb.getSpec().getSelector() == null ? null : pdb.getSpec().getSelector().getMatchLabels();
                if (sel == null || pods.values().stream().noneMatch(labels -> matches(sel, labels))) {
                    v.add(m.id() + ": its selector matches no Deployment or StatefulSet");
                }
            }
            if (m.typed() instanceof HorizontalPodAutoscaler hpa) {
                var target = hpa.getSpec().getScaleTargetRef();
                if (!pods.containsKey(target.getKind() + "/" + target.getName())) {
                    v.add(m.id() + ": scaleTargetRef " + target.getKind() + "/" + target.getName() + " does not exist");
                }
                Integer min = hpa.getSpec().getMinReplicas();
                if (min != null && min > hpa.getSpec().getMaxReplicas()) {
                    v.add(m.id() + ": minReplicas " + min + " above maxReplicas " + hpa.getSpec().getMaxReplicas());
                }
            }
        }
    }

    static boolean matches(Map<String, String> selector, Map<String, String> labels) {
        return labels != null && selector.entrySet().stream().allMatch(e -> e.getValue().equals(labels.get(e.getKey())));
    }

    // ---- network policies ---------------------------------------------------------------------------------

    private static void networkPolicies(List<Manifest> manifests, List<Workload> workloads, List<String> v) {
        List<Manifest> policies = manifests.stream().filter(m -> m.typed() instanceof NetworkPolicy).toList();
        boolean defaultDeny = policies.stream().map(m -> ((NetworkPolicy) m.typed()).getSpec()).anyMatch(spec ->
                isEmpty(spec.getPodSelector())
                        && spec.getPolicyTypes() != null && spec.getPolicyTypes().containsAll(List.of("Ingress", "Egress"))
                        && (spec.getIngress() == null || spec.getIngress().isEmpty())
                        && (spec.getEgress() == null || spec.getEgress().isEmpty()));
        if (!defaultDeny) {
            v.add("no default-deny NetworkPolicy (empty podSelector, policyTypes Ingress and Egress, no rules)");
        }
        // every Service's pods have a policy of their own that lets some traffic in
        for (Manifest m : manifests) {
            if (!(m.typed() instanceof Service s)) continue;
            Map<String, String> sel = s.getSpec().getSelector();
            if (sel == null || sel.isEmpty()) {
                v.add(m.id() + ": a Service without a selector cannot be tied to a NetworkPolicy");
                continue;
            }
            boolean covered = policies.stream().map(p -> ((NetworkPolicy) p.typed()).getSpec())
                    .anyMatch(spec -> !isEmpty(spec.getPodSelector()) && spec.getPodSelector().getMatchLabels() != null
                            && matches(spec.getPodSelector().getMatchLabels(), sel)
                            && spec.getIngress() != null && !spec.getIngress().isEmpty());
            if (!covered) v.add(m.id() + ": no NetworkPolicy selects its pods " + sel + " with ingress rules");
        }
        // only the public entry points accept traffic from the ingress controller's namespace
        for (Manifest p : policies) {
            NetworkPolicySpec spec = ((NetworkPolicy) p.typed()).getSpec();
            if (spec.getIngress() == null) continue;
            boolean fromIngress = spec.getIngress().stream()
                    .flatMap(rule -> rule.getFrom() == null ? java.util.stream.Stream.<NetworkPolicyPeer>empty() : rule.getFrom().stream())
                    .anyMatch(Invariants::ingressController);
            Map<String, String> podSel = spec.getPodSelector() == null ? null : spec.getPodSelector().getMatchLabels();
            boolean publicPods = podSel != null && (Objects.equals(podSel.get("app.kubernetes.io/name"), "gateway")
                    || Objects.equals(podSel.get("app"), "keycloak"));
            if (fromIngress && !publicPods) {
                v.add(p.id() + ": lets the ingress controller reach pods " + podSel + "; only the gateway (and Keycloak's login) may be public");
            }
            boolean anyPeer = spec.getIngress().stream().anyMatch(rule -> rule.getFrom() == null || rule.getFrom().isEmpty());
            if (anyPeer) v.add(p.id() + ": an ingress rule without `from` admits every source");
        }
        metricsNotPublic(policies, workloads, v);
    }

    /**
     * A pod's metrics port (annotation {@code prometheus.io/port}) is not one the ingress controller may reach: the ingress
     * sends every path to the gateway, so metrics on its public port would be readable from the internet.
     */
    private static void metricsNotPublic(List<Manifest> policies, List<Workload> workloads, List<String> v) {
        for (Workload w : workloads) {
            Map<String, String> annotations = w.template().getMetadata() == null ? null : w.template().getMetadata().getAnnotations();
            String port = annotations == null ? null : annotations.get("prometheus.io/port");
            if (port == null) continue;
            boolean reachable = policies.stream().map(p -> ((NetworkPolicy) p.typed()).getSpec())
                    .filter(spec -> spec.getPodSelector() != null && spec.getPodSelector().getMatchLabels() != null
                            && matches(spec.getPodSelector().getMatchLabels(), w.podLabels()) && spec.getIngress() != null)
                    .flatMap(spec -> spec.getIngress().stream())
                    .filter(rule -> rule.getFrom() != null && rule.getFrom().stream().anyMatch(Invariants::ingressController))
                    .anyMatch(rule -> rule.getPorts() == null || rule.getPorts().isEmpty() || rule.getPorts().stream()
                            .anyMatch(np -> np.getPort() == null || port.equals(np.getPort().getValue() == null ? null
                                    : String.valueOf(np.getPort().getValue()))));
            if (reachable) {
                v.add(w.id() + ": serves its metrics (prometheus.io/port " + port + ") on a port the ingress controller reaches");
            }
        }
    }

    /** A peer that is the ingress controller's namespace. */
    private static boolean ingressController(NetworkPolicyPeer peer) {
        return peer.getNamespaceSelector() != null && peer.getNamespaceSelector().getMatchLabels() != null
                && INGRESS_NAMESPACE.equals(peer.getNamespaceSelector().getMatchLabels().get(NAMESPACE_LABEL));
    }

    private static boolean isEmpty(LabelSelector s) {
        return s == null || ((s.getMatchLabels() == null || s.getMatchLabels().isEmpty())
                && (s.getMatchExpressions() == null || s.getMatchExpressions().isEmpty()));
    }

    // ---- secrets and references -----------------------------------------------------------------------

    private static void noCommittedSecrets(List<Manifest> manifests, List<String> v) {
        for (Manifest m : manifests) {
            if (m.typed() instanceof Secret s) {
                if ((s.getData() != null && !s.getData().isEmpty()) || (s.getStringData() != null && !s.getStringData().isEmpty())) {
                    v.add(m.id() + ": a Secret with data or stringData is committed; reference Secrets created out of band");
                }
            } else if ("Secret".equals(m.kind()) && (m.raw().has("data") || m.raw().has("stringData"))) {
                v.add(m.id() + ": a Secret with data or stringData is committed");
            }
        }
    }

    private void references(List<Manifest> manifests, List<Workload> workloads, List<String> v) {
        Set<String> configMaps = new LinkedHashSet<>();
        for (Manifest m : manifests) {
            if (m.typed() instanceof ConfigMap) configMaps.add(m.name());
        }
        Map<String, String> secretUsers = new LinkedHashMap<>();
        for (Workload w : workloads) {
            PodSpec pod = w.template().getSpec();
            List<Container> containers = new ArrayList<>(pod.getContainers());
            if (pod.getInitContainers() != null) containers.addAll(pod.getInitContainers());
            for (Container c : containers) {
                for (EnvFromSource from : Optional.ofNullable(c.getEnvFrom()).orElse(List.of())) {
                    if (from.getConfigMapRef() != null && !configMaps.contains(from.getConfigMapRef().getName())) {
                        v.add(w.id() + " container " + c.getName() + ": envFrom ConfigMap " + from.getConfigMapRef().getName() + " does not exist");
                    }
                    if (from.getSecretRef() != null) secretUsers.putIfAbsent(from.getSecretRef().getName(), w.id());
                }
                for (EnvVar e : Optional.ofNullable(c.getEnv()).orElse(List.of())) {
                    if (e.getValueFrom() == null) continue;
                    if (e.getValueFrom().getSecretKeyRef() != null) secretUsers.putIfAbsent(e.getValueFrom().getSecretKeyRef().getName(), w.id());
                    if (e.getValueFrom().getConfigMapKeyRef() != null && !configMaps.contains(e.getValueFrom().getConfigMapKeyRef().getName())) {
                        v.add(w.id() + ": env " + e.getName() + " refers to the missing ConfigMap " + e.getValueFrom().getConfigMapKeyRef().getName());
                    }
                }
            }
            for (Volume vol : Optional.ofNullable(pod.getVolumes()).orElse(List.of())) {
                if (vol.getConfigMap() != null && !configMaps.contains(vol.getConfigMap().getName())) {
                    v.add(w.id() + ": volume " + vol.getName() + " refers to the missing ConfigMap " + vol.getConfigMap().getName());
                }
                if (vol.getSecret() != null) secretUsers.putIfAbsent(vol.getSecret().getSecretName(), w.id());
            }
        }
        for (Manifest m : manifests) {
            if (m.typed() instanceof Ingress ing && ing.getSpec().getTls() != null) {
                ing.getSpec().getTls().forEach(t -> secretUsers.putIfAbsent(t.getSecretName(), m.id()));
            }
            JsonNode spec = m.raw().path("spec");
            switch (m.kind()) {
                case "Cluster" -> {
                    text(spec.path("bootstrap").path("initdb").path("secret").path("name")).ifPresent(s -> secretUsers.putIfAbsent(s, m.id()));
                    spec.path("managed").path("roles").forEach(r -> text(r.path("passwordSecret").path("name")).ifPresent(s -> secretUsers.putIfAbsent(s, m.id())));
                }
                case "Keycloak" -> {
                    text(spec.path("db").path("usernameSecret").path("name")).ifPresent(s -> secretUsers.putIfAbsent(s, m.id()));
                    text(spec.path("db").path("passwordSecret").path("name")).ifPresent(s -> secretUsers.putIfAbsent(s, m.id()));
                }
                case "KeycloakRealmImport" -> spec.path("placeholders").forEach(p ->
                        text(p.path("secret").path("name")).ifPresent(s -> secretUsers.putIfAbsent(s, m.id())));
                default -> { }
            }
        }
        secretUsers.forEach((secret, user) -> {
            if (documentedSecrets.stream().noneMatch(p -> p.matcher(secret).matches())) {
                v.add(user + ": refers to Secret " + secret + ", which k8s/README.md does not document");
            }
        });
    }

    private static Optional<String> text(JsonNode n) {
        return n.isTextual() && !n.asText().isEmpty() ? Optional.of(n.asText()) : Optional.empty();
    }

    private static void ingress(List<Manifest> manifests, List<String> v) {
        for (Manifest m : manifests) {
            if (!(m.typed() instanceof Ingress ing)) continue;
            if (ing.getSpec().getTls() == null || ing.getSpec().getTls().isEmpty()
                    || ing.getSpec().getTls().stream().anyMatch(t -> t.getSecretName() == null || t.getSecretName().isBlank())) {
                v.add(m.id() + ": no TLS (spec.tls with a secretName)");
            }
            List<IngressBackend> backends = new ArrayList<>();
            if (ing.getSpec().getDefaultBackend() != null) backends.add(ing.getSpec().getDefaultBackend());
            Optional.ofNullable(ing.getSpec().getRules()).orElse(List.of()).forEach(r -> {
                if (r.getHttp() != null) r.getHttp().getPaths().forEach(p -> backends.add(p.getBackend()));
            });
            for (IngressBackend b : backends) {
                String service = b.getService() == null ? null : b.getService().getName();
                if (!PUBLIC_SERVICES.contains(service)) {
                    v.add(m.id() + ": routes to " + service + "; only " + PUBLIC_SERVICES + " may be reachable from outside");
                }
            }
        }
    }

    // ---- profiles ----------------------------------------------------------------------------------------

    private static void production(List<Manifest> manifests, List<String> v) {
        Map<String, Integer> hpaMin = new HashMap<>();
        for (Manifest m : manifests) {
            if (m.typed() instanceof HorizontalPodAutoscaler hpa) {
                int min = Optional.ofNullable(hpa.getSpec().getMinReplicas()).orElse(1);
                hpaMin.put(hpa.getSpec().getScaleTargetRef().getName(), min);
                if (min < 2) v.add(m.id() + ": production needs minReplicas >= 2, found " + min);
            }
        }
        for (Manifest m : manifests) {
            if (m.typed() instanceof Deployment d) {
                int replicas = Optional.ofNullable(d.getSpec().getReplicas()).orElse(1);
                if (replicas < 2) v.add(m.id() + ": production needs replicas >= 2, found " + replicas);
                if (!hpaMin.containsKey(m.name())) v.add(m.id() + ": production has no HorizontalPodAutoscaler for it");
                PodSpec pod = d.getSpec().getTemplate().getSpec();
                boolean spread = (pod.getAffinity() != null && pod.getAffinity().getPodAntiAffinity() != null)
                        || (pod.getTopologySpreadConstraints() != null && !pod.getTopologySpreadConstraints().isEmpty());
                if (!spread) v.add(m.id() + ": production pods need pod anti-affinity or topology spread");
            }
            if (m.typed() instanceof StatefulSet s && Optional.ofNullable(s.getSpec().getReplicas()).orElse(1) < 3) {
                v.add(m.id() + ": production Redis needs 3 pods (master, 2 replicas, Sentinel quorum 2)");
            }
            JsonNode spec = m.raw().path("spec");
            switch (m.kind()) {
                case "Elasticsearch" -> {
                    int nodes = 0;
                    for (JsonNode ns : spec.path("nodeSets")) nodes += ns.path("count").asInt();
                    if (nodes < 3) v.add(m.id() + ": production Elasticsearch needs 3 nodes, found " + nodes);
                }
                case "Cluster" -> {
                    if (spec.path("instances").asInt() < 3) {
                        v.add(m.id() + ": production PostgreSQL needs 3 instances (primary + 2 replicas), found " + spec.path("instances").asInt());
                    }
                }
                case "Keycloak" -> {
                    if (spec.path("instances").asInt(1) < 2) v.add(m.id() + ": production Keycloak needs 2 instances");
                }
                default -> { }
            }
        }
    }

    private static void development(List<Manifest> manifests, List<String> v) {
        for (Manifest m : manifests) {
            JsonNode spec = m.raw().path("spec");
            if ("Elasticsearch".equals(m.kind()) && spec.path("nodeSets").size() == 1
                    && spec.path("nodeSets").get(0).path("count").asInt() != 1) {
                v.add(m.id() + ": the dev overlay runs a 1-node Elasticsearch");
            }
            if ("Cluster".equals(m.kind()) && spec.path("instances").asInt() != 1) {
                v.add(m.id() + ": the dev overlay runs a 1-instance PostgreSQL");
            }
            if (m.typed() instanceof Deployment d && !Objects.equals(d.getSpec().getReplicas(), 1)) {
                v.add(m.id() + ": the dev overlay runs one replica");
            }
        }
    }

    // ---- the operator resources and the configuration agree ---------------------------------------------

    private static final Pattern JDBC = Pattern.compile("jdbc:postgresql://([^:/]+)(?::\\d+)?/([^?]+).*");
    private static final Pattern HTTP_HOST = Pattern.compile("https?://([^:/]+).*");

    private static void crossReferences(List<Manifest> manifests, List<String> v) {
        Set<String> clusters = new LinkedHashSet<>();
        Set<String> databases = new LinkedHashSet<>();
        Set<String> roles = new LinkedHashSet<>();
        Set<String> keycloaks = new LinkedHashSet<>();
        Set<String> esServices = new LinkedHashSet<>();
        for (Manifest m : manifests) {
            JsonNode spec = m.raw().path("spec");
            switch (m.kind()) {
                case "Cluster" -> {
                    clusters.add(m.name());
                    text(spec.path("bootstrap").path("initdb").path("database")).ifPresent(d -> databases.add(m.name() + "/" + d));
                    text(spec.path("bootstrap").path("initdb").path("owner")).ifPresent(r -> roles.add(m.name() + "/" + r));
                    spec.path("managed").path("roles").forEach(r -> roles.add(m.name() + "/" + r.path("name").asText()));
                }
                case "Keycloak" -> keycloaks.add(m.name());
                case "Elasticsearch" -> esServices.add(m.name() + "-es-http");
                default -> { }
            }
        }
        for (Manifest m : manifests) {
            if (!"Database".equals(m.kind())) continue;
            JsonNode spec = m.raw().path("spec");
            String cluster = spec.path("cluster").path("name").asText();
            if (!clusters.contains(cluster)) {
                v.add(m.id() + ": spec.cluster.name " + cluster + " is no Cluster in this render");
            }
            if (!roles.contains(cluster + "/" + spec.path("owner").asText())) {
                v.add(m.id() + ": owner " + spec.path("owner").asText() + " is neither the initdb owner nor a managed role of " + cluster);
            }
            databases.add(cluster + "/" + spec.path("name").asText());
        }
        for (Manifest m : manifests) {
            JsonNode spec = m.raw().path("spec");
            if ("KeycloakRealmImport".equals(m.kind()) && !keycloaks.contains(spec.path("keycloakCRName").asText())) {
                v.add(m.id() + ": keycloakCRName " + spec.path("keycloakCRName").asText() + " is no Keycloak in this render");
            }
            if ("Keycloak".equals(m.kind())) {
                String host = spec.path("db").path("host").asText();
                String db = spec.path("db").path("database").asText();
                checkDatabase(m.id() + " spec.db", host, db, databases, v);
            }
            if (m.typed() instanceof ConfigMap cm && cm.getData() != null) {
                String url = cm.getData().get("SPRING_DATASOURCE_URL");
                if (url != null) {
                    var jdbc = JDBC.matcher(url);
                    if (!jdbc.matches()) {
                        v.add(m.id() + ": SPRING_DATASOURCE_URL " + url + " is not a jdbc:postgresql URL");
                    } else {
                        checkDatabase(m.id() + " SPRING_DATASOURCE_URL", jdbc.group(1), jdbc.group(2), databases, v);
                    }
                }
                String es = cm.getData().get("ELASTICSEARCH_URIS");
                if (es != null) {
                    for (String uri : es.split(",")) {
                        var host = HTTP_HOST.matcher(uri.strip());
                        if (!host.matches() || !esServices.contains(host.group(1))) {
                            v.add(m.id() + ": ELASTICSEARCH_URIS " + uri + " names no Elasticsearch service of this render " + esServices);
                        }
                    }
                }
            }
        }
    }

    private static void checkDatabase(String at, String host, String database, Set<String> databases, List<String> v) {
        String cluster = host.replaceFirst("\\..*$", "").replaceFirst("-(rw|ro|r)$", "");
        if (!databases.contains(cluster + "/" + database)) {
            v.add(at + ": database " + database + " on " + host + " is not created by any Cluster or Database of this render "
                    + databases);
        }
    }
}
