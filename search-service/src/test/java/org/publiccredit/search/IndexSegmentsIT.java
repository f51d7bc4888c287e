package org.publiccredit.search;

import static org.assertj.core.api.Assertions.assertThat;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.json.jackson.Jackson3JsonpMapper;
import co.elastic.clients.transport.rest_client.RestClientTransport;
import java.time.Duration;
import java.util.Map;
import org.apache.http.HttpHost;
import org.elasticsearch.client.RestClient;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.publiccredit.search.config.SearchProperties;
import org.publiccredit.search.index.SubjectIndex;
import org.publiccredit.testkit.IntegrationTest;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * What the indexer's upkeep reads of a subject index in the stack's Elasticsearch and how it merges one: an index of
 * this test's own (the subjects mapping), written in three refreshes, shows three segments and its documents; merged,
 * one segment holding them all.
 */
@IntegrationTest
class IndexSegmentsIT {

    private final RestClient rest = RestClient.builder(HttpHost.create("http://127.0.0.1:9200")).build();
    private final ElasticsearchClient client = new ElasticsearchClient(new RestClientTransport(rest,
            new Jackson3JsonpMapper(JsonMapper.builder().disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES).build())));
    private final String index = "segments-it-" + System.nanoTime();
    private final SubjectIndex subjects = new SubjectIndex(client, new SearchProperties(null, null, 0, null, null, "segments-it", null, 0,
            null, null, null, 0, 0, null, null));

    @AfterEach
    void drop() throws Exception {
        subjects.delete(index);
        rest.close();
    }

    @Test
    void anIndexWrittenInThreeRefreshesShowsThreeSegmentsAndIsMergedIntoOne() throws Exception {
        subjects.create(index);
        subjects.refreshInterval(index, "-1");
        for (int batch = 0; batch < 3; batch++) {
            for (int i = 0; i < 10; i++) {
                String id = "s-" + batch + "-" + i;
                client.index(x -> x.index(index).id(id).document(Map.of("subjectId", id, "name", "柳州分段测试" + id + "有限公司")));
            }
            subjects.refresh(index);
        }
        // an update leaves a deleted document behind in its old segment: it counts, a search still reads past it
        client.index(x -> x.index(index).id("s-0-0").document(Map.of("subjectId", "s-0-0", "name", "柳州分段测试改名有限公司")));
        subjects.refresh(index);

        SubjectIndex.Shape before = subjects.shape(index);
        assertThat(before.segments()).isEqualTo(4);
        assertThat(before.documents()).isEqualTo(31);
        assertThat(before.inLargest()).isEqualTo(10);
        assertThat(before.outsideLargest()).isCloseTo(21 / 31.0, org.assertj.core.data.Offset.offset(1e-9));
        assertThat(before.merging()).isZero();

        subjects.mergeIntoOne(index);
        SubjectIndex.Shape after = before;
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while ((after.segments() != 1 || after.merging() > 0) && System.nanoTime() < deadline) {
            Thread.sleep(100);
            subjects.refresh(index);
            after = subjects.shape(index);
        }
        assertThat(after.segments()).as("after the merge: %s", after).isEqualTo(1);
        // the updated document's old version may be kept a while for the shard's history (soft deletes, retention lease)
        assertThat(after.documents()).isBetween(30L, 31L);
        assertThat(after.outsideLargest()).isZero();
    }
}
