package org.publiccredit.gateway.contract;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.publiccredit.testkit.Api;
import org.publiccredit.testkit.Reply;
import tools.jackson.databind.JsonNode;

/**
 * The API documents the gateway publishes (its Swagger UI lists them: {@code /v3/api-docs/swagger-config}), and the
 * operations in them: the public API as a client sees it.
 */
final class ApiDocuments {

    static final Set<String> METHODS = Set.of("get", "put", "post", "delete", "patch", "head", "options", "trace");

    /**
     * One documented operation.
     *
     * @param service the document's name (e.g. record-service)
     * @param method upper case
     * @param path the path template
     * @param node the operation object
     */
    record Operation(String service, String method, String path, JsonNode node) {
        String key() {
            return method + " " + path;
        }

        String id() {
            return node.path("operationId").asString();
        }

        /** The security requirements allow a caller without a token (an empty requirement). */
        boolean anonymousAllowed() {
            for (JsonNode requirement : node.path("security")) {
                if (requirement.isEmpty()) {
                    return true;
                }
            }
            return false;
        }
    }

    private ApiDocuments() {
    }

    /** Document name to its URL at the gateway, as the gateway's Swagger UI lists them. */
    static Map<String, String> urls() {
        JsonNode config = Api.gateway().get("/v3/api-docs/swagger-config").expect(200).json();
        Map<String, String> urls = new LinkedHashMap<>();
        for (JsonNode u : config.path("urls")) {
            urls.put(u.path("name").asString(), u.path("url").asString());
        }
        assertThat(urls).as("the documents the gateway publishes").isNotEmpty();
        return urls;
    }

    /** Each published document, by name (a service builds it on first demand: allow for that). */
    static Map<String, JsonNode> documents() {
        Map<String, JsonNode> docs = new LinkedHashMap<>();
        urls().forEach((name, url) -> docs.put(name, fetch(url).json()));
        return docs;
    }

    static Reply fetch(String url) {
        Reply reply = null;
        for (int attempt = 0; attempt < 3; attempt++) {
            reply = Api.gateway().get(url);
            if (reply.status() == 200) {
                return reply;
            }
            sleep(2_000);
        }
        return reply.expect(200);
    }

    static List<Operation> operations(Map<String, JsonNode> documents) {
        List<Operation> all = new ArrayList<>();
        documents.forEach((service, doc) -> doc.path("paths").properties().forEach(path -> path.getValue().properties()
                .forEach(op -> {
                    if (METHODS.contains(op.getKey())) {
                        all.add(new Operation(service, op.getKey().toUpperCase(Locale.ROOT), path.getKey(), op.getValue()));
                    }
                })));
        return all;
    }

    private static void sleep(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
