package org.publiccredit.deploycheck;

import com.fasterxml.jackson.databind.BeanDescription;
import com.fasterxml.jackson.databind.DeserializationConfig;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.deser.BeanDeserializerBuilder;
import com.fasterxml.jackson.databind.deser.BeanDeserializerModifier;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.module.SimpleModule;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.LimitRange;
import io.fabric8.kubernetes.api.model.Namespace;
import io.fabric8.kubernetes.api.model.PersistentVolumeClaim;
import io.fabric8.kubernetes.api.model.ResourceQuota;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.ServiceAccount;
import io.fabric8.kubernetes.api.model.apps.DaemonSet;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.StatefulSet;
import io.fabric8.kubernetes.api.model.autoscaling.v2.HorizontalPodAutoscaler;
import io.fabric8.kubernetes.api.model.batch.v1.CronJob;
import io.fabric8.kubernetes.api.model.batch.v1.Job;
import io.fabric8.kubernetes.api.model.networking.v1.Ingress;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicy;
import io.fabric8.kubernetes.api.model.policy.v1.PodDisruptionBudget;
import io.fabric8.kubernetes.api.model.rbac.ClusterRole;
import io.fabric8.kubernetes.api.model.rbac.ClusterRoleBinding;
import io.fabric8.kubernetes.api.model.rbac.Role;
import io.fabric8.kubernetes.api.model.rbac.RoleBinding;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Validates each object against the Kubernetes schema. Built-in kinds are deserialized into the typed
 * fabric8 model (the Kubernetes API types, generated from its OpenAPI) with unknown fields rejected:
 * fabric8 normally collects unknown fields in an "additionalProperties" map, which this mapper
 * removes, so a misspelt or misplaced field fails with its path. Wrong types (a string where an
 * integer belongs) fail the same way. Operator resources (ECK, CloudNativePG, Keycloak) are checked
 * by {@link OperatorResources}.
 */
public final class Schema {

    /** The built-in kinds this repository may contain, by apiVersion/kind. */
    static final Map<String, Class<? extends HasMetadata>> TYPED = Map.ofEntries(
            Map.entry("v1/Namespace", Namespace.class),
            Map.entry("v1/ConfigMap", ConfigMap.class),
            Map.entry("v1/Secret", Secret.class),
            Map.entry("v1/Service", Service.class),
            Map.entry("v1/ServiceAccount", ServiceAccount.class),
            Map.entry("v1/PersistentVolumeClaim", PersistentVolumeClaim.class),
            Map.entry("v1/LimitRange", LimitRange.class),
            Map.entry("v1/ResourceQuota", ResourceQuota.class),
            Map.entry("apps/v1/Deployment", Deployment.class),
            Map.entry("apps/v1/StatefulSet", StatefulSet.class),
            Map.entry("apps/v1/DaemonSet", DaemonSet.class),
            Map.entry("batch/v1/Job", Job.class),
            Map.entry("batch/v1/CronJob", CronJob.class),
            Map.entry("networking.k8s.io/v1/Ingress", Ingress.class),
            Map.entry("networking.k8s.io/v1/NetworkPolicy", NetworkPolicy.class),
            Map.entry("policy/v1/PodDisruptionBudget", PodDisruptionBudget.class),
            Map.entry("autoscaling/v2/HorizontalPodAutoscaler", HorizontalPodAutoscaler.class),
            Map.entry("rbac.authorization.k8s.io/v1/Role", Role.class),
            Map.entry("rbac.authorization.k8s.io/v1/RoleBinding", RoleBinding.class),
            Map.entry("rbac.authorization.k8s.io/v1/ClusterRole", ClusterRole.class),
            Map.entry("rbac.authorization.k8s.io/v1/ClusterRoleBinding", ClusterRoleBinding.class));

    private final ObjectMapper strict = JsonMapper.builder()
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
            .enable(DeserializationFeature.FAIL_ON_READING_DUP_TREE_KEY)
            .addModule(new SimpleModule("no-additional-properties").setDeserializerModifier(new BeanDeserializerModifier() {
                @Override
                public BeanDeserializerBuilder updateBuilder(DeserializationConfig config, BeanDescription description,
                                                             BeanDeserializerBuilder builder) {
                    if (description.getBeanClass().getName().startsWith("io.fabric8.kubernetes.api.model")) {
                        builder.setAnySetter(null); // unknown fields now fail instead of landing in additionalProperties
                        builder.setIgnoreUnknownProperties(false);
                    }
                    return builder;
                }
            }))
            .build();

    private final OperatorResources operators = new OperatorResources();

    /**
     * Validates every manifest; returns them with their typed model attached (where there is one) and
     * adds a message naming the object to {@code violations} for each problem.
     */
    public List<Manifest> validate(List<Manifest> manifests, List<String> violations) {
        List<Manifest> out = new ArrayList<>();
        for (Manifest m : manifests) {
            out.add(validate(m, violations));
        }
        return out;
    }

    Manifest validate(Manifest m, List<String> violations) {
        if (m.apiVersion().isEmpty() || m.kind().isEmpty()) {
            violations.add("an object without apiVersion or kind: " + m.raw());
            return m;
        }
        if (m.name().isEmpty()) {
            violations.add(m.kind() + " without metadata.name: " + m.raw());
            return m;
        }
        Class<? extends HasMetadata> type = TYPED.get(m.apiVersion() + "/" + m.kind());
        if (type != null) {
            try {
                HasMetadata typed = strict.treeToValue(m.raw(), type);
                return m.withTyped(typed);
            } catch (JsonMappingException e) {
                violations.add(m.id() + " does not match the Kubernetes schema of " + m.apiVersion() + " " + m.kind()
                        + " at " + path(e) + ": " + e.getOriginalMessage().lines().findFirst().orElse(""));
                return m;
            } catch (Exception e) {
                violations.add(m.id() + " cannot be read as " + m.apiVersion() + " " + m.kind() + ": " + e.getMessage());
                return m;
            }
        }
        if (operators.knows(m)) {
            operators.validate(m, violations);
            return m;
        }
        if (isBuiltInGroup(m.group())) {
            violations.add(m.id() + ": " + m.apiVersion() + " " + m.kind()
                    + " is not a Kubernetes kind this check knows (a wrong apiVersion, or add it to Schema.TYPED)");
        } else {
            violations.add(m.id() + ": no schema for the custom resource " + m.apiVersion() + " " + m.kind()
                    + " (add its rules to OperatorResources)");
        }
        return m;
    }

    private static boolean isBuiltInGroup(String group) {
        return group.isEmpty() || !group.contains(".") || group.endsWith(".k8s.io");
    }

    private static String path(JsonMappingException e) {
        return e.getPath().stream()
                .map(ref -> ref.getFieldName() != null ? "." + ref.getFieldName() : "[" + ref.getIndex() + "]")
                .collect(Collectors.joining()).replaceFirst("^\\.", "");
    }

    /** A deep copy of a manifest's tree, for tests that break it on purpose. */
    public static JsonNode copy(JsonNode node) {
        return node.deepCopy();
    }
}
