package org.publiccredit.search;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.publiccredit.testkit.Api;
import org.publiccredit.testkit.IntegrationTest;
import org.publiccredit.testkit.Reply;
import org.publiccredit.testkit.Tokens;
import tools.jackson.databind.JsonNode;

@IntegrationTest
class RecordSummaryIT {

    private final Api officer = Api.gateway().as(Tokens.user("officer-market"));

    @Test
    void aPushedRecordShowsInThePublicSummaryAndARevokedOneLeavesIt() {
        String code = Fixtures.newCode();
        String name = "柳州" + Fixtures.uniqueFragment() + "商贸有限公司";
        Fixtures.createSubject(code, name);
        LocalDate today = LocalDate.now(ZoneId.of("Asia/Shanghai"));
        String doc = "柳市监异〔" + System.nanoTime() + "〕号";
        Reply pushed = officer.post("/api/v1/records", Map.of(
                "category", "BUSINESS_ABNORMAL",
                "subject", Map.of("identifier", code, "name", name, "type", "ENTERPRISE"),
                "documentNumber", doc,
                "decisionDate", today.minusDays(1).toString(),
                "fields", Map.of("reason", "通过登记的住所无法联系", "authority", "柳州市市场监督管理局")));
        assertThat(pushed.status()).as("push: %s", pushed.text()).isIn(200, 201);
        String recordId = pushed.json().path("id").asString();
        assertThat(recordId).isNotBlank();

        Api reader = Fixtures.anonymous();
        var shown = Fixtures.poll(reader, "/api/v1/public/subjects/" + code, Duration.ofSeconds(2), r -> Fixtures.count(r, "BUSINESS_ABNORMAL") == 1);
        assertThat(shown.done()).as("in the public summary within 2 s: %s", shown.reply().text()).isTrue();
        // the profile reads record-service's summary when shown; the category filter reads the index, which follows
        assertThat(Fixtures.poll(reader, "/api/v1/search?category=BUSINESS_ABNORMAL&q=" + code, Duration.ofSeconds(2),
                r -> Fixtures.hasCode(r, code)).done()).as("found by the category filter within 2 s").isTrue();

        officer.post("/api/v1/records/" + recordId + ":revoke", Map.of("reason", "误列，撤销")).expect(200);
        var gone = Fixtures.poll(reader, "/api/v1/public/subjects/" + code, Duration.ofSeconds(2), r -> Fixtures.count(r, "BUSINESS_ABNORMAL") == 0);
        assertThat(gone.done()).as("out of the public summary within 2 s: %s", gone.reply().text()).isTrue();
        assertThat(Fixtures.poll(reader, "/api/v1/search?category=BUSINESS_ABNORMAL&q=" + code, Duration.ofSeconds(2),
                r -> r.status() == 200 && !Fixtures.hasCode(r, code)).done()).as("no longer found by the category filter within 2 s").isTrue();
    }

    @Test
    void aRedListEntryMarksTheSubjectForTheListFilter() {
        String code = Fixtures.newCode();
        String name = "柳州" + Fixtures.uniqueFragment() + "守信有限公司";
        Fixtures.createSubject(code, name);
        LocalDate today = LocalDate.now(ZoneId.of("Asia/Shanghai"));
        Reply pushed = officer.post("/api/v1/records", Map.of(
                "category", "CONTRACT_HONORED",
                "subject", Map.of("identifier", code, "name", name, "type", "ENTERPRISE"),
                "documentNumber", "柳市监信〔" + System.nanoTime() + "〕号",
                "decisionDate", today.minusDays(2).toString(),
                "fields", Map.of("validUntil", today.plusYears(1).toString(), "authority", "柳州市市场监督管理局")));
        assertThat(pushed.status()).as("push: %s", pushed.text()).isIn(200, 201);
        Api reader = Fixtures.anonymous();
        var listed = Fixtures.poll(reader, "/api/v1/search?list=red&q=" + code, Duration.ofSeconds(2), r -> Fixtures.hasCode(r, code));
        assertThat(listed.done()).as("on the red list within 2 s: %s", listed.reply().text()).isTrue();
        JsonNode profile = reader.get("/api/v1/public/subjects/" + code).expect(200).json();
        assertThat(profile.path("redList").get(0).path("category").asString()).isEqualTo("CONTRACT_HONORED");
        assertThat(profile.path("blackList").isEmpty()).isTrue();
    }
}
