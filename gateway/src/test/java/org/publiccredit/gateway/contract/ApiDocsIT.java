package org.publiccredit.gateway.contract;

import static org.assertj.core.api.Assertions.assertThat;

import io.swagger.v3.parser.OpenAPIV3Parser;
import io.swagger.v3.parser.core.models.ParseOptions;
import io.swagger.v3.parser.core.models.SwaggerParseResult;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.publiccredit.testkit.Api;
import org.publiccredit.testkit.IntegrationTest;
import org.publiccredit.testkit.Reply;
import tools.jackson.databind.JsonNode;

/**
 * The API documents the gateway publishes are ones a client can be generated from (issue 21): valid OpenAPI (checked
 * with swagger-parser), the gateway as the server, the bearer scheme on every operation, a stable and unique operation
 * id, every answer with its schema and every refusal as the Problem schema with its codes; every documented operation is
 * routed by the gateway, and every operation the services serve on a routed path is documented.
 */
@IntegrationTest
class ApiDocsIT {

    /** Served on a routed path but left out of the public documents on purpose, with the reason. */
    private static final Map<String, String> NOT_PUBLIC = Map.of(
            "POST /api/v1/cases/{id}:backdate", "seed-only (platform.seed.backdating-enabled, never in production)");

    private static Map<String, String> raw;
    private static Map<String, JsonNode> documents;
    private static List<ApiDocuments.Operation> operations;

    @BeforeAll
    static void read() {
        raw = new LinkedHashMap<>();
        ApiDocuments.urls().forEach((name, url) -> raw.put(name, ApiDocuments.fetch(url).text()));
        documents = new LinkedHashMap<>();
        raw.forEach((name, text) -> documents.put(name, Api.JSON.readTree(text)));
        operations = ApiDocuments.operations(documents);
    }

    @Test
    void everyDocumentIsValidOpenApi() {
        ParseOptions options = new ParseOptions();
        options.setResolve(true);
        raw.forEach((name, text) -> {
            SwaggerParseResult result = new OpenAPIV3Parser().readContents(text, null, options);
            assertThat(result.getOpenAPI()).as("%s parses", name).isNotNull();
            assertThat(result.getMessages()).as("%s: swagger-parser's findings", name).isEmpty();
        });
    }

    @Test
    void everyDocumentNamesItsServiceTheGatewayAndTheBearerScheme() {
        documents.forEach((name, doc) -> {
            assertThat(doc.path("info").path("title").asString()).as(name).isEqualTo(name);
            assertThat(doc.path("info").path("version").asString()).as(name).isNotIn("", "v0");
            assertThat(doc.path("servers")).as(name).hasSize(1);
            assertThat(doc.path("servers").get(0).path("url").asString()).as(name).isEqualTo("/");
            JsonNode bearer = doc.path("components").path("securitySchemes").path("bearer");
            assertThat(bearer.path("type").asString()).as(name).isEqualTo("http");
            assertThat(bearer.path("scheme").asString()).as(name).isEqualTo("bearer");
            JsonNode problem = doc.path("components").path("schemas").path("Problem");
            assertThat(problem.path("properties").propertyNames()).as(name).contains("type", "title", "status", "detail", "code", "errors");
            assertThat(problem.path("required").toString()).as(name).contains("\"code\"");
            String text = raw.get(name);
            assertThat(text).as(name).doesNotContain("*/*").doesNotContain("127.0.0.1").doesNotContain("/internal/");
        });
    }

    @Test
    void operationIdsAreStableWordsAndUniqueAcrossTheDocuments() {
        Map<String, List<String>> byId = new HashMap<>();
        for (ApiDocuments.Operation op : operations) {
            assertThat(op.id()).as(op.key()).matches("[a-z][A-Za-z0-9]+").doesNotMatch(".*_\\d+$").isNotIn("action", "get", "post");
            byId.computeIfAbsent(op.id(), k -> new ArrayList<>()).add(op.key());
        }
        assertThat(byId.entrySet().stream().filter(e -> e.getValue().size() > 1).map(Map.Entry::toString).toList())
                .as("operation ids used twice").isEmpty();
    }

    @Test
    void everyOperationStatesItsSecurityAndEveryAnswerItsSchema() {
        List<String> problems = new ArrayList<>();
        for (ApiDocuments.Operation op : operations) {
            JsonNode node = op.node();
            String at = op.key() + " (" + op.id() + ")";
            boolean bearer = false;
            for (JsonNode requirement : node.path("security")) {
                bearer |= requirement.has("bearer");
            }
            if (!bearer) {
                problems.add(at + ": no bearer security requirement");
            }
            for (JsonNode parameter : node.path("parameters")) {
                if (parameter.path("name").asString().equalsIgnoreCase("caller")) {
                    problems.add(at + ": the resolved caller shown as a parameter");
                }
            }
            JsonNode multipart = node.path("requestBody").path("content").path("multipart/form-data");
            if (!multipart.isMissingNode() && multipart.path("schema").path("properties").isEmpty()) {
                problems.add(at + ": a multipart body without its parts");
            }
            if (multipart.path("schema").toString().contains("Caller")) {
                problems.add(at + ": a multipart body described as the Caller");
            }
            boolean success = false;
            for (var response : node.path("responses").properties()) {
                String status = response.getKey();
                JsonNode content = response.getValue().path("content");
                if (status.startsWith("2")) {
                    success = true;
                    if (op.method().equals("GET") && content.isEmpty()) {
                        problems.add(at + ": " + status + " without a body schema");
                    }
                    content.properties().forEach(media -> {
                        if (media.getValue().path("schema").isEmpty()) {
                            problems.add(at + ": " + status + " " + media.getKey() + " without a schema");
                        }
                    });
                } else if (status.startsWith("4") || status.startsWith("5") || status.equals("default")) {
                    if (!content.propertyNames().equals(Set.of("application/problem+json"))
                            || !content.path("application/problem+json").path("schema").path("$ref").asString()
                                    .equals("#/components/schemas/Problem")) {
                        problems.add(at + ": " + status + " is not application/problem+json with the Problem schema");
                    }
                    if (response.getValue().path("x-problem-codes").isEmpty()) {
                        problems.add(at + ": " + status + " names no problem code");
                    }
                }
            }
            if (!success) {
                problems.add(at + ": no success answer");
            }
            for (String refusal : List.of("400", "401", "429", "503")) {
                if (!node.path("responses").has(refusal)) {
                    problems.add(at + ": no " + refusal + " answer");
                }
            }
        }
        assertThat(problems).isEmpty();
    }

    /** Asked through the gateway with a method the path does not serve, a routed path answers the service's 405 with Allow. */
    @Test
    void everyDocumentedOperationIsRoutedByTheGateway() {
        Map<String, Set<String>> methodsByPath = operations.stream().collect(Collectors.groupingBy(ApiDocuments.Operation::path,
                Collectors.mapping(ApiDocuments.Operation::method, Collectors.toSet())));
        List<String> unrouted = new ArrayList<>();
        for (ApiDocuments.Operation op : operations) {
            if (!routed(op.path(), op.method(), methodsByPath.get(op.path()))) {
                unrouted.add(op.key());
            }
        }
        assertThat(unrouted).as("documented, but the gateway does not route them").isEmpty();
    }

    /** What each service serves (its own, unfiltered document) is public exactly when the gateway routes it. */
    @Test
    void everyRoutedOperationOfTheServicesIsDocumented() {
        Set<String> published = operations.stream().map(ApiDocuments.Operation::key).collect(Collectors.toSet());
        List<String> undocumented = new ArrayList<>();
        List<String> hiddenButRouted = new ArrayList<>();
        for (String name : documents.keySet()) {
            String service = name.replace("-service", "");
            JsonNode own = Api.service(service).get("/v3/api-docs").expect(200).json();
            List<ApiDocuments.Operation> served = ApiDocuments.operations(Map.of(name, own));
            Map<String, Set<String>> methodsByPath = served.stream().collect(Collectors.groupingBy(ApiDocuments.Operation::path,
                    Collectors.mapping(ApiDocuments.Operation::method, Collectors.toSet())));
            for (ApiDocuments.Operation op : served) {
                boolean isPublished = published.contains(op.key());
                if (NOT_PUBLIC.containsKey(op.key())) {
                    if (isPublished) {
                        hiddenButRouted.add(op.key() + " is published although " + NOT_PUBLIC.get(op.key()));
                    }
                    continue;
                }
                if (!isPublished && routed(op.path(), op.method(), methodsByPath.get(op.path()))) {
                    undocumented.add(name + ": " + op.key());
                }
            }
        }
        assertThat(undocumented).as("routed by the gateway but missing from the published documents").isEmpty();
        assertThat(hiddenButRouted).isEmpty();
    }

    /**
     * Whether the gateway routes this path to a service that serves {@code method} on it: asked with a method the path
     * does not serve (no handler runs, nothing changes), a routed path gets the service's 405 naming the method in Allow;
     * an unrouted one the gateway's own 404.
     */
    private static boolean routed(String template, String method, Set<String> served) {
        String probe = List.of("DELETE", "PUT", "PATCH", "POST", "GET").stream().filter(m -> !served.contains(m)).findFirst()
                .orElseThrow();
        String path = template.replaceAll("\\{[^}/]*}", "x");
        Reply reply = send(probe, path);
        // a service restarting meanwhile answers the breaker's 503: ask again (up to ~30 s) rather than call it unrouted
        for (int attempt = 0; attempt < 15 && reply.status() == 503; attempt++) {
            sleep(2_000);
            reply = send(probe, path);
        }
        String allow = String.join(",", reply.header("Allow")).toUpperCase(Locale.ROOT);
        return reply.status() == 405 && allow.contains(method);
    }

    private static void sleep(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static Reply send(String method, String path) {
        Api admin = Callers.ADMIN.api();
        return switch (method) {
            case "DELETE" -> admin.delete(path);
            case "PUT" -> admin.put(path, "{}");
            case "PATCH" -> admin.patch(path, "{}");
            case "POST" -> admin.post(path, "{}");
            default -> admin.get(path);
        };
    }

    @Test
    void theUnroutedPathsAnswerTheGatewaysNotFound() {
        assertThat(routed("/internal/v1/changes", "GET", Set.of("GET"))).as("the probe tells an unrouted path").isFalse();
    }
}
