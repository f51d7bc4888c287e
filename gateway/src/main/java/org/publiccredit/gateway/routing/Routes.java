package org.publiccredit.gateway.routing;

import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig;
import io.github.resilience4j.timelimiter.TimeLimiterConfig;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.cloud.circuitbreaker.resilience4j.ReactiveResilience4JCircuitBreakerFactory;
import org.springframework.cloud.circuitbreaker.resilience4j.Resilience4JConfigBuilder;
import org.springframework.cloud.client.circuitbreaker.Customizer;
import org.springframework.cloud.gateway.route.RouteLocator;
import org.springframework.cloud.gateway.route.builder.GatewayFilterSpec;
import org.springframework.cloud.gateway.route.builder.RouteLocatorBuilder;
import org.springframework.cloud.gateway.support.RouteMetadataUtils;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import reactor.core.publisher.Mono;

/**
 * The route table (ARCHITECTURE.md section 4), most specific first. Every route has a Resilience4j circuit
 * breaker named after its service with a time limit: a service that is down, slow or failing answers a
 * 503 problem from {@link FallbackController} within the limit. Bulk uploads get their own breaker with a
 * long limit, since 100,000 rows take longer than 3 s. Internal endpoints ({@code /internal/**}) are not routed.
 */
@Configuration
class Routes {

    private static final String BULK = "-bulk";
    private static final String REPORTS = "report-making";
    private static final String DOCS = "-docs";
    /** A service builds its OpenAPI document on the first request after a start: seconds on 2 busy cores. */
    private static final Duration DOCS_TIMEOUT = Duration.ofSeconds(30);

    /**
     * Where the services are, and the time limits.
     *
     * @param subject subject-service base URL
     * @param record record-service base URL
     * @param search search-service base URL
     * @param objection objection-service base URL
     * @param report report-service base URL
     * @param timeout limit for ordinary requests
     * @param bulkTimeout limit for bulk uploads (imports and batches)
     * @param reportTimeout limit for making a report (reads, rendering, signing; report-service queues at most 10 s)
     */
    @ConfigurationProperties("platform.services")
    record Services(String subject, String record, String search, String objection, String report, Duration timeout,
            Duration bulkTimeout, Duration reportTimeout) {
        Services {
            timeout = timeout != null ? timeout : Duration.ofSeconds(3);
            bulkTimeout = bulkTimeout != null ? bulkTimeout : Duration.ofMinutes(10);
            reportTimeout = reportTimeout != null ? reportTimeout : Duration.ofSeconds(30);
        }
    }

    @Bean
    RouteLocator platformRoutes(RouteLocatorBuilder builder, Services services, Environment environment) {
        long normal = services.timeout().toMillis();
        long bulk = services.bulkTimeout().toMillis();
        var routes = builder.routes();
        // the public port answers health (readiness for load balancers and ./platform, details for admins) and nothing
        // else of the actuator: it lives on the management port (metrics, the endpoint index), as in Kubernetes
        managementBase(environment).ifPresent(management -> routes.route("actuator-health", r -> r.order(0)
                .path("/actuator/health", "/actuator/health/**")
                .filters(f -> guard(f, "management")).metadata(RouteMetadataUtils.RESPONSE_TIMEOUT_ATTR, normal)
                .uri(management)));
        return routes
                // bulk uploads first: their own breaker and time limit
                .route("subject-import", r -> r.order(1).path("/api/v1/subjects:import")
                        .filters(f -> guard(f, "subject" + BULK)).metadata(RouteMetadataUtils.RESPONSE_TIMEOUT_ATTR, bulk)
                        .uri(services.subject()))
                // and the monitoring watch list's bulk changes (10,000 codes looked up and graded)
                .route("record-batch", r -> r.order(1).path("/api/v1/records:batch", "/api/v1/monitoring/watchlist",
                                "/api/v1/monitoring/watchlist:remove")
                        .filters(f -> guard(f, "record" + BULK)).metadata(RouteMetadataUtils.RESPONSE_TIMEOUT_ATTR, bulk)
                        .uri(services.record()))
                // filings and attachments carry up to 5 files of 10 MB: the bulk time limit
                .route("objection-upload", r -> r.order(1).method("POST").and()
                        .path("/api/v1/objections", "/api/v1/repairs", "/api/v1/cases/*/attachments")
                        .filters(f -> guard(f, "objection" + BULK)).metadata(RouteMetadataUtils.RESPONSE_TIMEOUT_ATTR, bulk)
                        .uri(services.objection()))
                // a subject's records belong to record-service, before the subject-service catch-all
                .route("subject-records", r -> r.order(2).path("/api/v1/subjects/*/records", "/api/v1/subjects/*/records/*",
                                "/api/v1/public/subjects/*/records", "/api/v1/public/subjects/*/evaluation", "/api/v1/subjects/mine/evaluation",
                                "/api/v1/subjects/mine/access-log",
                                "/api/v1/subjects/records:lookup")
                        .filters(f -> guard(f, "record")).metadata(RouteMetadataUtils.RESPONSE_TIMEOUT_ATTR, normal)
                        .uri(services.record()))
                // grades are indexed with the subjects: their statistics and the supervision draws are search-service's
                .route("search-grades", r -> r.order(2).path("/api/v1/stats/grades", "/api/v1/supervision/**")
                        .filters(f -> guard(f, "search")).metadata(RouteMetadataUtils.RESPONSE_TIMEOUT_ATTR, normal)
                        .uri(services.search()))
                .route("subject", r -> r.order(10).path("/api/v1/identifiers/**", "/api/v1/subjects", "/api/v1/subjects/**",
                                "/api/v1/subjects:*")
                        .filters(f -> guard(f, "subject")).metadata(RouteMetadataUtils.RESPONSE_TIMEOUT_ATTR, normal)
                        .uri(services.subject()))
                .route("record", r -> r.order(10).path("/api/v1/records", "/api/v1/records/**", "/api/v1/records:*",
                                "/api/v1/catalog", "/api/v1/catalog/**", "/api/v1/checks", "/api/v1/checks/**", "/api/v1/stats/**", "/api/v1/audit/**",
                                "/api/v1/sharing/**", "/api/v1/exchange/**", "/api/v1/monitoring/**")
                        .filters(f -> guard(f, "record")).metadata(RouteMetadataUtils.RESPONSE_TIMEOUT_ATTR, normal)
                        .uri(services.record()))
                .route("search", r -> r.order(10).path("/api/v1/search", "/api/v1/search/**", "/api/v1/public/subjects/*",
                                "/api/v1/admin/search:*", "/api/v1/admin/search/**")
                        .filters(f -> guard(f, "search")).metadata(RouteMetadataUtils.RESPONSE_TIMEOUT_ATTR, normal)
                        .uri(services.search()))
                // making a report reads two services, renders and signs: its own breaker and time limit
                .route("report-making", r -> r.order(1).method("POST").and().path("/api/v1/reports")
                        .filters(f -> f.circuitBreaker(c -> c.setName(REPORTS).setFallbackUri("forward:/fallback/report")))
                        .metadata(RouteMetadataUtils.RESPONSE_TIMEOUT_ATTR, services.reportTimeout().toMillis())
                        .uri(services.report()))
                .route("report", r -> r.order(10).path("/api/v1/reports/**", "/api/v1/public/reports/**", "/api/v1/public/reports:*")
                        .filters(f -> guard(f, "report")).metadata(RouteMetadataUtils.RESPONSE_TIMEOUT_ATTR, normal)
                        .uri(services.report()))
                .route("objection", r -> r.order(10).path("/api/v1/objections", "/api/v1/objections/**", "/api/v1/repairs",
                                "/api/v1/repairs/**", "/api/v1/cases", "/api/v1/cases/**", "/api/v1/calendar/**")
                        .filters(f -> guard(f, "objection")).metadata(RouteMetadataUtils.RESPONSE_TIMEOUT_ATTR, normal)
                        .uri(services.objection()))
                // each service's OpenAPI document, for the aggregated Swagger UI at /swagger-ui.html
                .route("openapi-subject", r -> r.path("/openapi/subject").filters(f -> docs(f, "subject"))
                        .metadata(RouteMetadataUtils.RESPONSE_TIMEOUT_ATTR, DOCS_TIMEOUT.toMillis()).uri(services.subject()))
                .route("openapi-record", r -> r.path("/openapi/record").filters(f -> docs(f, "record"))
                        .metadata(RouteMetadataUtils.RESPONSE_TIMEOUT_ATTR, DOCS_TIMEOUT.toMillis()).uri(services.record()))
                .route("openapi-search", r -> r.path("/openapi/search").filters(f -> docs(f, "search"))
                        .metadata(RouteMetadataUtils.RESPONSE_TIMEOUT_ATTR, DOCS_TIMEOUT.toMillis()).uri(services.search()))
                .route("openapi-objection", r -> r.path("/openapi/objection").filters(f -> docs(f, "objection"))
                        .metadata(RouteMetadataUtils.RESPONSE_TIMEOUT_ATTR, DOCS_TIMEOUT.toMillis()).uri(services.objection()))
                .route("openapi-report", r -> r.path("/openapi/report").filters(f -> docs(f, "report"))
                        .metadata(RouteMetadataUtils.RESPONSE_TIMEOUT_ATTR, DOCS_TIMEOUT.toMillis()).uri(services.report()))
                .build();
    }

    /**
     * The management server's base URL when it has a port of its own (else the actuator answers on the server port
     * itself and there is nothing to route).
     */
    static java.util.Optional<String> managementBase(Environment environment) {
        String management = environment.getProperty("management.server.port");
        String server = environment.getProperty("server.port", "8080");
        if (management == null || management.isBlank() || management.equals(server) || management.equals("-1")) {
            return java.util.Optional.empty();
        }
        String address = environment.getProperty("management.server.address", "127.0.0.1");
        String host = address.isBlank() || address.equals("0.0.0.0") || address.equals("::") ? "127.0.0.1" : address;
        return java.util.Optional.of("http://" + (host.contains(":") ? "[" + host + "]" : host) + ":" + management);
    }

    private static GatewayFilterSpec guard(GatewayFilterSpec f, String breaker) {
        String service = breaker.replace(BULK, "").replace(DOCS, "");
        return f.circuitBreaker(c -> c.setName(breaker).setFallbackUri("forward:/fallback/" + service));
    }

    private static boolean isOk(org.springframework.web.server.ServerWebExchange exchange) {
        var status = exchange.getResponse().getStatusCode();
        return status != null && status.is2xxSuccessful();
    }

    private static GatewayFilterSpec docs(GatewayFilterSpec f, String service) {
        return guard(f.setPath("/v3/api-docs")
                .modifyResponseBody(String.class, String.class, (exchange, body) -> Mono.justOrEmpty(body)
                        .map(doc -> isOk(exchange) ? OpenApiDocs.publicView(doc) : doc)),
                service + DOCS);
    }

    /**
     * Breaker and time limit per route: opens at 50 % failures of the last 20 calls, or when all of them were slower
     * than the route's time limit, and probes again after 5 s. A bulk upload is slow by nature: its slow-call
     * threshold is the bulk limit, so a run of 100,000-row batches never opens its breaker.
     */
    @Bean
    Customizer<ReactiveResilience4JCircuitBreakerFactory> breakers(Services services) {
        return factory -> factory.configureDefault(id -> breaker(id, services));
    }

    static Resilience4JConfigBuilder.Resilience4JCircuitBreakerConfiguration breaker(String id, Services services) {
        Duration limit = id.endsWith(BULK) ? services.bulkTimeout() : id.endsWith(DOCS) ? DOCS_TIMEOUT
                : id.equals(REPORTS) ? services.reportTimeout() : services.timeout();
        return new Resilience4JConfigBuilder(id)
                .circuitBreakerConfig(CircuitBreakerConfig.custom()
                        .slidingWindowSize(20)
                        .minimumNumberOfCalls(10)
                        .failureRateThreshold(50)
                        .slowCallDurationThreshold(limit)
                        .waitDurationInOpenState(Duration.ofSeconds(5))
                        .permittedNumberOfCallsInHalfOpenState(3)
                        .automaticTransitionFromOpenToHalfOpenEnabled(true)
                        .build())
                .timeLimiterConfig(TimeLimiterConfig.custom().timeoutDuration(limit).build())
                .build();
    }
}
