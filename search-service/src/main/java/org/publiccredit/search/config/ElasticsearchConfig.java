package org.publiccredit.search.config;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.json.jackson.Jackson3JsonpMapper;
import co.elastic.clients.transport.rest_client.RestClientTransport;
import org.apache.http.HttpHost;
import org.elasticsearch.client.RestClient;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * The Elasticsearch Java client (8.19 line, which an 8.19 server accepts) on the low-level REST client, with the
 * Jackson 3 mapper. Spring Data Elasticsearch is not used: it is built on the 9.x client.
 */
@Configuration
class ElasticsearchConfig {

    @Bean(destroyMethod = "close")
    RestClient elasticsearchRestClient(SearchProperties properties) {
        return RestClient.builder(HttpHost.create(properties.elasticsearchUrl().toString()))
                .setRequestConfigCallback(r -> r
                        .setConnectTimeout((int) properties.connectTimeout().toMillis())
                        .setConnectionRequestTimeout((int) properties.connectTimeout().toMillis())
                        .setSocketTimeout((int) properties.socketTimeout().toMillis()))
                // one node: every connection goes to the same route
                .setHttpClientConfigCallback(h -> h
                        .setMaxConnTotal(properties.maxConnections())
                        .setMaxConnPerRoute(properties.maxConnections()))
                .build();
    }

    @Bean
    ElasticsearchClient elasticsearchClient(RestClient restClient) {
        JsonMapper mapper = JsonMapper.builder().disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES).build();
        return new ElasticsearchClient(new RestClientTransport(restClient, new Jackson3JsonpMapper(mapper)));
    }
}
