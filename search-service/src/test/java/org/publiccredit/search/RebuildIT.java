package org.publiccredit.search;

import static org.assertj.core.api.Assertions.assertThat;
import static org.publiccredit.search.Fixtures.q;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import org.publiccredit.testkit.Api;
import org.publiccredit.testkit.IntegrationTest;
import org.publiccredit.testkit.Reply;
import org.publiccredit.testkit.Tokens;
import tools.jackson.databind.JsonNode;

@IntegrationTest
class RebuildIT {

    @Test
    void aRebuildDuringTrafficLosesNoQueryAndKeepsEverySubject() throws Exception {
        String code = Fixtures.newCode();
        String fragment = Fixtures.uniqueFragment();
        Fixtures.createSubject(code, "柳州" + fragment + "重建测试有限公司");
        Api reader = Fixtures.anonymous();
        assertThat(Fixtures.poll(reader, "/api/v1/search?q=" + q(fragment), Duration.ofSeconds(5), r -> Fixtures.hasCode(r, code)).done()).isTrue();

        Api admin = Api.gateway().as(Tokens.user("admin1"));
        Reply accepted = null;
        for (int i = 0; i < 60; i++) { // another rebuild (e.g. a parallel run) may still be going
            accepted = admin.post("/api/v1/admin/search:rebuild", "{}");
            if (accepted.status() != 409) {
                break;
            }
            Fixtures.sleep(2000);
        }
        accepted.expect(202);
        String id = accepted.json().path("id").asString();
        assertThat(accepted.header("Location")).containsExactly("/api/v1/admin/search/rebuilds/" + id);
        admin.post("/api/v1/admin/search:rebuild", "{}").expectProblem(409, "REBUILD_IN_PROGRESS");

        AtomicBoolean done = new AtomicBoolean();
        List<String> failures = new ArrayList<>();
        int[] queries = {0};
        Thread traffic = Thread.ofVirtual().start(() -> {
            while (!done.get()) {
                Reply r = Fixtures.anonymous().get("/api/v1/search?q=" + q(fragment));
                queries[0]++;
                if (!Fixtures.hasCode(r, code)) {
                    failures.add(r.status() + " " + r.text());
                }
                Fixtures.sleep(20);
            }
        });
        JsonNode job = null;
        long deadline = System.nanoTime() + Duration.ofMinutes(4).toNanos();
        try {
            while (System.nanoTime() < deadline) {
                job = admin.get("/api/v1/admin/search/rebuilds/" + id).expect(200).json();
                if (job.path("state").asString().equals("DONE") || job.path("state").asString().equals("FAILED")) {
                    break;
                }
                Fixtures.sleep(250);
            }
        } finally {
            // keep querying a moment after the swap
            Fixtures.sleep(1500);
            done.set(true);
            traffic.join();
        }
        assertThat(job.path("state").asString()).as("job: %s", job).isEqualTo("DONE");
        assertThat(job.path("index").asString()).startsWith("subjects-v1-").isNotEqualTo(job.path("previousIndex").asString());
        assertThat(job.path("documents").asLong()).isPositive();
        assertThat(queries[0]).as("queries run during the rebuild").isGreaterThan(5);
        assertThat(failures).as("queries that failed or missed the subject during the rebuild").isEmpty();

        // the new index is live: a new subject shows up in it
        String after = Fixtures.newCode();
        String afterFragment = Fixtures.uniqueFragment();
        Fixtures.createSubject(after, "柳州" + afterFragment + "有限公司");
        assertThat(Fixtures.poll(reader, "/api/v1/search?q=" + q(afterFragment), Duration.ofSeconds(2), r -> Fixtures.hasCode(r, after)).done())
                .isTrue();
    }
}
