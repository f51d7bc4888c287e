package org.publiccredit.search;

import static org.assertj.core.api.Assertions.assertThat;
import static org.publiccredit.search.Fixtures.q;

import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import org.publiccredit.search.index.SubjectIndex;
import org.publiccredit.testkit.Api;
import org.publiccredit.testkit.IntegrationTest;
import org.publiccredit.testkit.Reply;
import org.publiccredit.testkit.Tokens;
import tools.jackson.databind.JsonNode;

@IntegrationTest
class RebuildIT {

    @Test
    void aRebuildDuringTrafficLosesNoQueryAndKeepsEverySubjectWithItsRecords() throws Exception {
        String code = Fixtures.newCode();
        String fragment = Fixtures.uniqueFragment();
        String name = "柳州" + fragment + "重建测试有限公司";
        Fixtures.createSubject(code, name);
        Api reader = Fixtures.anonymous();
        assertThat(Fixtures.poll(reader, "/api/v1/search?q=" + q(fragment), Duration.ofSeconds(5), r -> Fixtures.hasCode(r, code)).done()).isTrue();
        // records stored before the rebuild: the rebuilt index has them from the subject's summary, not from a replay
        String listed = Fixtures.newCode();
        String listedName = "柳州" + Fixtures.uniqueFragment() + "重建守信有限公司";
        Fixtures.createSubject(listed, listedName);
        LocalDate today = LocalDate.now(ZoneId.of("Asia/Shanghai"));
        Fixtures.pushRecord(listed, listedName, "BUSINESS_ABNORMAL", Map.of("reason", "通过登记的住所无法联系", "authority", "柳州市市场监督管理局"));
        Fixtures.pushRecord(listed, listedName, "CONTRACT_HONORED", Map.of("validUntil", today.plusYears(1).toString(), "authority", "柳州市市场监督管理局"));
        assertThat(Fixtures.poll(reader, "/api/v1/public/subjects/" + listed, Duration.ofSeconds(5),
                r -> Fixtures.count(r, "BUSINESS_ABNORMAL") == 1 && Fixtures.count(r, "CONTRACT_HONORED") == 1).done()).isTrue();

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
        // a record stored while the rebuild runs: the rebuild's record feed (from its head at the start) brings it
        Fixtures.pushRecord(code, name, "BUSINESS_ABNORMAL", Map.of("reason", "通过登记的住所无法联系", "authority", "柳州市市场监督管理局"));

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
        assertThat(job.path("index").asString()).startsWith("subjects-" + SubjectIndex.MAPPING_VERSION + "-").isNotEqualTo(job.path("previousIndex").asString());
        assertThat(job.path("documents").asLong()).isPositive();
        assertThat(queries[0]).as("queries run during the rebuild").isGreaterThan(5);
        assertThat(failures).as("queries that failed or missed the subject during the rebuild").isEmpty();

        Reply rebuilt = reader.get("/api/v1/public/subjects/" + listed).expect(200);
        assertThat(Fixtures.count(rebuilt, "BUSINESS_ABNORMAL")).as("rebuilt profile: %s", rebuilt.text()).isEqualTo(1);
        assertThat(rebuilt.json().path("redList").get(0).path("category").asString()).isEqualTo("CONTRACT_HONORED");
        var during = Fixtures.poll(reader, "/api/v1/public/subjects/" + code, Duration.ofSeconds(2), r -> Fixtures.count(r, "BUSINESS_ABNORMAL") == 1);
        assertThat(during.done()).as("the record stored during the rebuild: %s", during.reply().text()).isTrue();
        // the new index is live: a new subject shows up in it
        String after = Fixtures.newCode();
        String afterFragment = Fixtures.uniqueFragment();
        Fixtures.createSubject(after, "柳州" + afterFragment + "有限公司");
        assertThat(Fixtures.poll(reader, "/api/v1/search?q=" + q(afterFragment), Duration.ofSeconds(2), r -> Fixtures.hasCode(r, after)).done())
                .isTrue();
    }
}
