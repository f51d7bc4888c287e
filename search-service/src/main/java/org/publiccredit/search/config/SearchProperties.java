package org.publiccredit.search.config;

import java.net.URI;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Settings of the search service ({@code platform.search.*}).
 *
 * @param elasticsearchUrl the Elasticsearch HTTP endpoint
 * @param connectTimeout connect timeout to Elasticsearch, and how long a call waits for a free connection
 * @param maxConnections connections to Elasticsearch (the low-level client's pool; its default of 10 per node made a
 *        burst of 300 concurrent searches wait and fail)
 * @param socketTimeout read timeout of one Elasticsearch call of the indexer (bulk requests, rebuild steps)
 * @param readTimeout read timeout of one public read (a search or a profile): with the wait for a connection
 *        ({@code connectTimeout}) it must stay under the gateway's 3 s route limit, so that search-service answers
 *        its own 503 before the gateway gives up on it
 * @param alias the read alias searches go through; concrete indices are {@code <alias>-<mapping version>-<timestamp>}
 * @param metaIndex the small index holding the indexer's cursors and rebuild jobs
 * @param replicas replicas of a new index (0 on a single local node)
 * @param subjectServiceUrl subject-service base URL (its change feed)
 * @param recordServiceUrl record-service base URL (its change feed and public summaries)
 * @param pollInterval how often the active indexer polls the feeds when idle
 * @param batchSize changes per feed request while live
 * @param rebuildBatchSize changes per feed request while rebuilding
 * @param leaseTtl lifetime of the indexer lease in Redis (renewed at a third of it)
 * @param mergeAfterIdle how long the live index must have taken no change before the indexer merges it into one
 *        segment ({@code IndexUpkeep}); zero: never
 */
@ConfigurationProperties("platform.search")
public record SearchProperties(URI elasticsearchUrl, Duration connectTimeout, int maxConnections, Duration socketTimeout, Duration readTimeout, String alias,
        String metaIndex, int replicas, URI subjectServiceUrl, URI recordServiceUrl, Duration pollInterval, int batchSize,
        int rebuildBatchSize, Duration leaseTtl, Duration mergeAfterIdle) {

    public SearchProperties {
        elasticsearchUrl = elasticsearchUrl != null ? elasticsearchUrl : URI.create("http://127.0.0.1:9200");
        connectTimeout = connectTimeout != null ? connectTimeout : Duration.ofSeconds(1);
        maxConnections = maxConnections > 0 ? maxConnections : 16;
        socketTimeout = socketTimeout != null ? socketTimeout : Duration.ofSeconds(5);
        readTimeout = readTimeout != null ? readTimeout : Duration.ofMillis(1500);
        alias = alias != null && !alias.isBlank() ? alias : "subjects";
        metaIndex = metaIndex != null && !metaIndex.isBlank() ? metaIndex : "search-meta";
        subjectServiceUrl = subjectServiceUrl != null ? subjectServiceUrl : URI.create("http://127.0.0.1:8081");
        recordServiceUrl = recordServiceUrl != null ? recordServiceUrl : URI.create("http://127.0.0.1:8082");
        pollInterval = pollInterval != null ? pollInterval : Duration.ofMillis(250);
        batchSize = batchSize > 0 ? Math.min(batchSize, 1000) : 1000;
        rebuildBatchSize = rebuildBatchSize > 0 ? Math.min(rebuildBatchSize, 1000) : 1000;
        leaseTtl = leaseTtl != null ? leaseTtl : Duration.ofSeconds(15);
        mergeAfterIdle = mergeAfterIdle != null ? mergeAfterIdle : Duration.ofMinutes(2);
    }
}
