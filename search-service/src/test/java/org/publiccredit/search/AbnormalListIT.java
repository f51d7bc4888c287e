package org.publiccredit.search;

import static org.assertj.core.api.Assertions.assertThat;
import static org.publiccredit.search.Fixtures.q;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.publiccredit.testkit.Api;
import org.publiccredit.testkit.IntegrationTest;
import org.publiccredit.testkit.Tokens;
import tools.jackson.databind.JsonNode;

/** 经营异常名录 is a list of its own: in the search facet and filter, the profile and the credit check — never a black list. */
@IntegrationTest
class AbnormalListIT {

    private final Api anonymous = Fixtures.anonymous();

    @Test
    void anAbnormalListEntryIsItsOwnListEverywhere() {
        String code = Fixtures.newCode();
        String name = "柳州" + Fixtures.uniqueFragment() + "贸易有限公司";
        Fixtures.createSubject(code, name);
        String id = Fixtures.pushRecord(code, name, "BUSINESS_ABNORMAL", Map.of("reason", "通过登记的住所无法联系", "authority", "柳州市市场监督管理局"));

        var filtered = Fixtures.poll(anonymous, "/api/v1/search?list=abnormal&q=" + q(name), Duration.ofSeconds(5), r -> Fixtures.hasCode(r, code));
        assertThat(filtered.done()).as("found with list=abnormal: %s", filtered.reply().text()).isTrue();
        JsonNode page = filtered.reply().json();
        assertThat(page.path("items").get(0).path("lists").toString()).isEqualTo("[\"abnormal\"]");
        assertThat(page.path("facets").path("list").toString()).contains("\"abnormal\"");
        assertThat(Fixtures.hasCode(anonymous.get("/api/v1/search?list=black&q=" + q(name)), code)).as("not a black list").isFalse();

        JsonNode profile = anonymous.get("/api/v1/public/subjects/" + code).expect(200).json();
        assertThat(profile.path("abnormalList").get(0).path("recordId").asString()).isEqualTo(id);
        assertThat(profile.path("blackList").size()).isZero();

        JsonNode check = Api.gateway().as(Tokens.client("partner-bank")).post("/api/v1/checks",
                Map.of("scenario", "BIDDING", "subjects", List.of(code), "purpose", "投标资格审查")).expect(201).json();
        JsonNode result = check.path("results").get(0);
        assertThat(result.path("abnormalList").get(0).path("recordId").asString()).isEqualTo(id);
        assertThat(result.path("blackList").size()).isZero();

        anonymous.get("/api/v1/search?list=grey").expectProblem(400, "VALIDATION_FAILED");
    }
}
