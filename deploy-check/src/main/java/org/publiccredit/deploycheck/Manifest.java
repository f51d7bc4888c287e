package org.publiccredit.deploycheck;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * One rendered Kubernetes object: its raw tree (as Kustomize printed it) and, once validated,
 * its typed fabric8 model ({@code null} for operator resources, which have no typed model here).
 */
public record Manifest(String apiVersion, String kind, String name, ObjectNode raw, Object typed) {

    public static Manifest of(ObjectNode raw) {
        return new Manifest(text(raw, "apiVersion"), text(raw, "kind"), text(raw.path("metadata"), "name"), raw, null);
    }

    public Manifest withTyped(Object model) {
        return new Manifest(apiVersion, kind, name, raw, model);
    }

    /** The API group, empty for the core group ("v1"). */
    public String group() {
        int slash = apiVersion.indexOf('/');
        return slash < 0 ? "" : apiVersion.substring(0, slash);
    }

    /** How violations name the object: {@code Kind/name}. */
    public String id() {
        return kind + "/" + name;
    }

    @SuppressWarnings("unchecked")
    public <T> T as(Class<T> type) {
        if (!type.isInstance(typed)) {
            throw new IllegalStateException(id() + " is not a validated " + type.getSimpleName());
        }
        return (T) typed;
    }

    private static String text(JsonNode node, String field) {
        JsonNode v = node.path(field);
        return v.isTextual() ? v.asText() : "";
    }

    @Override
    public String toString() {
        return id();
    }
}
