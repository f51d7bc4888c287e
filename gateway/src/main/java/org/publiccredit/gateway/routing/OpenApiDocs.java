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
        }
        return JSON.writeValueAsString(doc);
    }

    static boolean routed(String path) {
        return path.startsWith("/api/") && !path.endsWith(":backdate");
    }
}
