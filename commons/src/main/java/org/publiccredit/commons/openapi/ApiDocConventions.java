package org.publiccredit.commons.openapi;

import io.swagger.v3.core.converter.AnnotatedType;
import io.swagger.v3.core.converter.ModelConverters;
import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.Encoding;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.parameters.Parameter;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.responses.ApiResponses;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springdoc.core.customizers.GlobalOpenApiCustomizer;
import org.springdoc.core.customizers.GlobalOperationCustomizer;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.method.HandlerMethod;

/**
 * The API conventions every service's OpenAPI document states, in one place instead of on each controller:
 * <ul>
 *   <li>the service's title and version, and the {@code bearer} security scheme (a Keycloak access token of realm
 *       {@code credit});</li>
 *   <li>security on each operation, read from the service's own security rules: the token is required, or optional where
 *       the rules let a caller without one in (public reads);</li>
 *   <li>a stable operation id: the one the controller states, else one derived from method and path ({@link OperationIds});</li>
 *   <li>every refusal as {@code application/problem+json} with the {@code Problem} schema, and on each problem answer the
 *       codes it may carry ({@code x-problem-codes}, also in its description): the platform-wide ones for the status
 *       (e.g. 401 UNAUTHENTICATED, 429 RATE_LIMITED) and those the controller names in its {@code @ApiResponse};</li>
 *   <li>success bodies as {@code application/json} (springdoc wrote {@code *}{@code /*});</li>
 *   <li>multipart parts that carry JSON (e.g. a filing's {@code case}) with their content type.</li>
 * </ul>
 */
public final class ApiDocConventions {

    public static final String BEARER = "bearer";
    public static final String PROBLEM_JSON = "application/problem+json";
    static final String PROBLEM_SCHEMA = "Problem";
    static final String CODES_EXTENSION = "x-problem-codes";
    private static final Pattern CODE = Pattern.compile("\\b[A-Z][A-Z0-9]*(?:_[A-Z0-9]+)+\\b");

    private ApiDocConventions() {
    }

    /** Operation-level: the stated operation id, or one derived from method and path. */
    public static GlobalOperationCustomizer operations() {
        return ApiDocConventions::operation;
    }

    /**
     * Document-level: title, version, security scheme and each operation's security, problem answers, media types.
     *
     * @param applicationName the service's name (the document's title when springdoc left its default)
     * @param anonymousAllowed whether the service's security rules let a caller without a token call a method on a path
     */
    public static GlobalOpenApiCustomizer document(String applicationName, java.util.function.BiPredicate<String, String> anonymousAllowed) {
        return openApi -> document(openApi, applicationName, anonymousAllowed);
    }

    static Operation operation(Operation operation, HandlerMethod handler) {
        io.swagger.v3.oas.annotations.Operation stated = AnnotatedElementUtils.findMergedAnnotation(handler.getMethod(),
                io.swagger.v3.oas.annotations.Operation.class);
        if (stated == null || stated.operationId().isBlank()) {
            RequestMapping method = AnnotatedElementUtils.findMergedAnnotation(handler.getMethod(), RequestMapping.class);
            RequestMapping type = AnnotatedElementUtils.findMergedAnnotation(handler.getBeanType(), RequestMapping.class);
            if (method != null) {
                String path = first(type) + first(method);
                String verb = method.method().length > 0 ? method.method()[0].name() : "call";
                operation.setOperationId(OperationIds.of(verb, path));
            }
        }
        return operation;
    }

    /** A concrete path for a template, to ask the security rules about: every variable becomes {@code x}. */
    public static String samplePath(String template) {
        return template.replaceAll("\\{[^}/]*}", "x");
    }

    private static String first(RequestMapping mapping) {
        if (mapping == null) {
            return "";
        }
        String[] paths = mapping.path().length > 0 ? mapping.path() : mapping.value();
        return paths.length > 0 ? paths[0] : "";
    }

    static void document(OpenAPI openApi, String applicationName, java.util.function.BiPredicate<String, String> anonymousAllowed) {
        Info info = openApi.getInfo() != null ? openApi.getInfo() : new Info();
        if (info.getTitle() == null || info.getTitle().equals("OpenAPI definition")) {
            info.setTitle(applicationName);
        }
        if (info.getVersion() == null || info.getVersion().equals("v0")) {
            info.setVersion("v1");
        }
        if (info.getDescription() == null) {
            info.setDescription(applicationName + " of the Public Credit Platform, reached through the gateway. Every refusal is an "
                    + "RFC 9457 problem (application/problem+json) with a stable code.");
        }
        openApi.setInfo(info);
        Components components = openApi.getComponents() != null ? openApi.getComponents() : new Components();
        openApi.setComponents(components);
        components.addSecuritySchemes(BEARER, new SecurityScheme().type(SecurityScheme.Type.HTTP).scheme("bearer").bearerFormat("JWT")
                .description("An access token of the Keycloak realm credit (users: password grant of client portal; partners and "
                        + "services: client credentials)"));
        boolean openApi31 = openApi.getOpenapi() == null || openApi.getOpenapi().startsWith("3.1");
        ModelConverters.getInstance(openApi31).readAll(new AnnotatedType(ProblemDocument.class))
                .forEach((name, schema) -> {
                    if (components.getSchemas() == null || !components.getSchemas().containsKey(name)) {
                        components.addSchemas(name, schema);
                    }
                });
        // a document-wide requirement would hide the optional token of public operations
        openApi.setSecurity(null);
        if (openApi.getPaths() == null) {
            return;
        }
        openApi.getPaths().forEach((path, item) -> item.readOperationsMap().forEach((method, operation) ->
                operation(path, method, operation, anonymousAllowed.test(method.name(), path))));
    }

    private static void operation(String path, PathItem.HttpMethod method, Operation operation, boolean anonymous) {
        // the token goes in the bearer scheme, never as a parameter a client must fill in (a controller may read the header)
        if (operation.getParameters() != null) {
            operation.getParameters().removeIf(p -> "header".equals(p.getIn()) && "Authorization".equalsIgnoreCase(p.getName()));
            if (operation.getParameters().isEmpty()) {
                operation.setParameters(null);
            }
        }
        // an empty requirement first: the token is optional (it may still change what the answer shows)
        List<SecurityRequirement> security = new ArrayList<>();
        if (anonymous) {
            security.add(new SecurityRequirement());
        }
        security.add(new SecurityRequirement().addList(BEARER));
        operation.setSecurity(security);
        boolean body = operation.getRequestBody() != null;
        if (body) {
            describeMultipart(operation);
        }
        ApiResponses responses = operation.getResponses() != null ? operation.getResponses() : new ApiResponses();
        operation.setResponses(responses);
        Map<String, Set<String>> defaults = new LinkedHashMap<>();
        defaults.put("400", codes(requestCodes(operation, body, path.contains("{"))));
        defaults.put("401", codes("UNAUTHENTICATED"));
        if (!anonymous) {
            defaults.put("403", codes("ACCESS_DENIED"));
        }
        if (path.contains("{")) {
            defaults.put("404", codes("NOT_FOUND"));
        }
        if (body) {
            defaults.put("413", codes("PAYLOAD_TOO_LARGE"));
            defaults.put("415", codes("UNSUPPORTED_MEDIA_TYPE"));
        }
        defaults.put("429", codes("RATE_LIMITED"));
        defaults.put("503", codes("SERVICE_UNAVAILABLE", "DATABASE_UNAVAILABLE"));
        defaults.put("default", codes("INTERNAL_ERROR", "METHOD_NOT_ALLOWED", "NOT_ACCEPTABLE"));
        Map<String, ApiResponse> ordered = new TreeMap<>(java.util.Comparator.comparing((String c) -> c.equals("default") ? "999" : c));
        ordered.putAll(responses);
        defaults.forEach((status, codes) -> ordered.computeIfAbsent(status, s -> new ApiResponse()));
        responses.clear();
        ordered.forEach((status, response) -> {
            if (status.startsWith("2") || status.startsWith("3") || status.startsWith("1")) {
                success(response);
            } else {
                problem(status, response, defaults.getOrDefault(status, Set.of()));
            }
            responses.addApiResponse(status, response);
        });
        if (method == PathItem.HttpMethod.HEAD && responses.isEmpty()) {
            responses.addApiResponse("200", new ApiResponse().description("OK"));
        }
    }

    private static String[] requestCodes(Operation operation, boolean body, boolean pathParameters) {
        List<String> codes = new ArrayList<>(List.of("VALIDATION_FAILED", "REQUEST_REJECTED", "MALFORMED_REQUEST"));
        if (pathParameters) {
            // commons' InputRulesFilter refuses a resident id number anywhere in the path, before any controller
            codes.add("ID_NUMBER_IN_URL");
        }
        List<Parameter> parameters = operation.getParameters() != null ? operation.getParameters() : List.of();
        if (parameters.stream().anyMatch(p -> "query".equals(p.getIn()) || "path".equals(p.getIn()))) {
            codes.add("PARAMETER_INVALID");
        }
        if (parameters.stream().anyMatch(p -> Boolean.TRUE.equals(p.getRequired()) && "query".equals(p.getIn()))) {
            codes.add("PARAMETER_MISSING");
        }
        if (parameters.stream().anyMatch(p -> Boolean.TRUE.equals(p.getRequired()) && "header".equals(p.getIn()))) {
            codes.add("HEADER_MISSING");
        }
        if (body) {
            codes.add("MALFORMED_BODY");
            codes.add("ENCODING_NOT_UTF8");
            if (operation.getRequestBody().getContent() != null
                    && operation.getRequestBody().getContent().containsKey("multipart/form-data")) {
                codes.add("MALFORMED_MULTIPART");
            }
        }
        return codes.toArray(String[]::new);
    }

    private static Set<String> codes(String... codes) {
        return new LinkedHashSet<>(List.of(codes));
    }

    private static void success(ApiResponse response) {
        if (response.getDescription() == null) {
            response.setDescription("OK");
        }
        Content content = response.getContent();
        if (content == null) {
            return;
        }
        // a file (a PDF, an image) stated without its schema is a binary string
        content.forEach((type, media) -> {
            if (media.getSchema() == null && !type.contains("json")) {
                Schema<Object> binary = new Schema<>();
                binary.setType("string");
                binary.setTypes(new java.util.LinkedHashSet<>(List.of("string")));
                binary.setFormat("binary");
                media.setSchema(binary);
            }
        });
        if (!content.containsKey("*/*")) {
            return;
        }
        Content fixed = new Content();
        content.forEach((type, media) -> fixed.addMediaType(type.equals("*/*") ? "application/json" : type, media));
        response.setContent(fixed);
    }

    private static void problem(String status, ApiResponse response, Set<String> defaults) {
        String stated = response.getDescription();
        Set<String> codes = new LinkedHashSet<>();
        if (stated != null) {
            Matcher m = CODE.matcher(stated);
            while (m.find()) {
                codes.add(m.group());
            }
        }
        codes.addAll(defaults);
        String reason = reason(status);
        boolean bare = stated == null || stated.isBlank() || stated.equalsIgnoreCase(reason);
        String description = bare ? reason : stated;
        if (!codes.isEmpty() && !description.contains("codes:")) {
            description = description + " (codes: " + String.join(", ", codes) + ")";
        }
        response.setDescription(description);
        response.setContent(new Content().addMediaType(PROBLEM_JSON,
                new MediaType().schema(new Schema<>().$ref("#/components/schemas/" + PROBLEM_SCHEMA))));
        if (!codes.isEmpty()) {
            response.addExtension(CODES_EXTENSION, List.copyOf(codes));
        }
    }

    private static String reason(String status) {
        if (status.equals("default")) {
            return "Any other refusal";
        }
        try {
            HttpStatus known = HttpStatus.resolve(Integer.parseInt(status));
            return known != null ? known.getReasonPhrase() : "Refused";
        } catch (NumberFormatException e) {
            return "Refused";
        }
    }

    /** A part whose schema is an object (a {@code $ref} or inline) is JSON: say so, or generators send it as text. */
    private static void describeMultipart(Operation operation) {
        Content content = operation.getRequestBody().getContent();
        MediaType multipart = content == null ? null : content.get("multipart/form-data");
        if (multipart == null || multipart.getSchema() == null || multipart.getSchema().getProperties() == null) {
            return;
        }
        Map<String, Schema> properties = multipart.getSchema().getProperties();
        properties.forEach((name, schema) -> {
            boolean json = schema.get$ref() != null || "object".equals(schema.getType())
                    || schema.getTypes() != null && schema.getTypes().contains("object");
            boolean files = isBinary(schema) || schema.getItems() != null && isBinary(schema.getItems());
            Encoding encoding = null;
            if (json) {
                encoding = new Encoding().contentType("application/json");
            } else if (files) {
                encoding = new Encoding().contentType("application/pdf, image/png, image/jpeg");
            }
            if (encoding != null && (multipart.getEncoding() == null || !multipart.getEncoding().containsKey(name))) {
                multipart.addEncoding(name, encoding);
            }
        });
    }

    private static boolean isBinary(Schema<?> schema) {
        return "binary".equals(schema.getFormat()) || schema.getContentMediaType() != null;
    }
}
