package org.publiccredit.gateway.routing;

import java.util.ArrayList;
import java.util.List;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * A service's OpenAPI document as the public may read it through the gateway: the gateway is the server (springdoc
 * writes the service's own 127.0.0.1 address, and Swagger UI's "Try it out" bypassed the gateway), and operations
 * the gateway does not route are left out: {@code /internal/**} (service to service) and the seed-only
 * {@code :backdate}.
 */
final class OpenApiDocs {

    private static final ObjectMapper JSON = JsonMapper.builder().build();

    private OpenApiDocs() {
    }

    static String publicView(String document) {
        JsonNode root;
        try {
            root = JSON.readTree(document);
        } catch (RuntimeException notJson) {
            return document;
        }
        if (!(root instanceof ObjectNode doc)) {
            return document;
        }
        ArrayNode servers = doc.putArray("servers");
        servers.addObject().put("url", "/").put("description", "the gateway");
        if (doc.get("paths") instanceof ObjectNode paths) {
            List<String> hidden = new ArrayList<>();
            for (String path : paths.propertyNames()) {
                if (!routed(path)) {
                    hidden.add(path);
                }
            }
            hidden.forEach(paths::remove);
            pruneSchemas(doc, paths);
        }
        return JSON.writeValueAsString(doc);
    }

    /** The schemas only hidden operations used (internal request and answer shapes) leave with them. */
    private static void pruneSchemas(ObjectNode doc, ObjectNode paths) {
        if (!(doc.path("components").get("schemas") instanceof ObjectNode schemas)) {
            return;
        }
        java.util.Set<String> used = new java.util.HashSet<>();
        java.util.Deque<JsonNode> todo = new java.util.ArrayDeque<>();
        todo.add(paths);
        while (!todo.isEmpty()) {
            JsonNode node = todo.poll();
            if (node.isObject()) {
                JsonNode ref = node.get("$ref");
                String prefix = "#/components/schemas/";
                if (ref != null && ref.isString() && ref.asString().startsWith(prefix)) {
                    String name = ref.asString().substring(prefix.length());
                    if (used.add(name) && schemas.get(name) != null) {
                        todo.add(schemas.get(name));
                    }
                }
            }
            node.forEach(todo::add);
        }
        List<String> unused = new ArrayList<>();
        for (String name : schemas.propertyNames()) {
            if (!used.contains(name)) {
                unused.add(name);
            }
        }
        unused.forEach(schemas::remove);
    }

    static boolean routed(String path) {
        return path.startsWith("/api/") && !path.endsWith(":backdate");
    }
}
