package org.publiccredit.search;

import static org.assertj.core.api.Assertions.assertThat;
import static org.publiccredit.search.Fixtures.q;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.publiccredit.testkit.Api;
import org.publiccredit.testkit.IntegrationTest;
import org.publiccredit.testkit.Reply;
import org.publiccredit.testkit.Stack;

@IntegrationTest
class ElasticsearchOutageIT {

    @Test
    void withoutElasticsearchSearchAnswers503AtOnceAndNothingWrittenMeanwhileIsLost() {
        Api reader = Fixtures.anonymous();
        String code = Fixtures.newCode();
        String fragment = Fixtures.uniqueFragment();
        Stack.stop("elasticsearch");
        try {
            for (int i = 0; i < 5; i++) {
                long start = System.nanoTime();
                Reply r = reader.get("/api/v1/search?q=" + q("柳州"));
                long millis = (System.nanoTime() - start) / 1_000_000;
                r.expectProblem(503, "SEARCH_UNAVAILABLE");
                assertThat(r.header("Retry-After")).as("when to try again").isNotEmpty();
                assertThat(millis).as("answered at once").isLessThan(1500);
            }
            reader.get("/api/v1/public/subjects/91450200MA5K00012P").expectProblem(503, "SEARCH_UNAVAILABLE");
            // written while the index is away: kept in subject-service's feed
            Fixtures.createSubject(code, "柳州" + fragment + "断电测试有限公司");
        } finally {
            Stack.start("elasticsearch");
        }
        var back = Fixtures.poll(reader, "/api/v1/search?q=" + q(fragment), Duration.ofSeconds(30), r -> Fixtures.hasCode(r, code));
        assertThat(back.done()).as("recovered and caught up; last: %s", back.reply().text()).isTrue();
    }
}
