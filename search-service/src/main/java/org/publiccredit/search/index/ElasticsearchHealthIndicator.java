package org.publiccredit.search.index;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.HealthStatus;
import co.elastic.clients.elasticsearch.cluster.HealthResponse;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.stereotype.Component;

/**
 * Health {@code elasticsearch} (part of readiness): {@code _cluster/health}, since the local integ-test
 * server has no {@code GET /} for the client's ping. Green or yellow is up, red or unreachable down.
 */
@Component("elasticsearchHealthIndicator")
class ElasticsearchHealthIndicator implements HealthIndicator {

    private final ElasticsearchClient client;
    private final ElasticsearchGuard guard;

    ElasticsearchHealthIndicator(ElasticsearchClient client, ElasticsearchGuard guard) {
        this.client = client;
        this.guard = guard;
    }

    @Override
    public Health health() {
        try {
            HealthResponse r = client.cluster().health(h -> h.timeout(t -> t.time("2s")));
            Health.Builder b = r.status() == HealthStatus.Red ? Health.down() : Health.up();
            return b.withDetail("cluster", r.clusterName())
                    .withDetail("status", r.status().jsonValue())
                    .withDetail("nodes", r.numberOfNodes())
                    .withDetail("breaker", guard.state().name())
                    .build();
        } catch (Exception e) {
            return Health.down().withDetail("error", e.getClass().getSimpleName()).withDetail("breaker", guard.state().name()).build();
        }
    }
}
