package org.publiccredit.search;

import static org.assertj.core.api.Assertions.assertThat;
import static org.publiccredit.search.Fixtures.q;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.publiccredit.testkit.Api;
import org.publiccredit.testkit.Burst;
import org.publiccredit.testkit.IntegrationTest;
import org.publiccredit.testkit.Reply;
import org.publiccredit.testkit.Tokens;
import tools.jackson.databind.JsonNode;

@IntegrationTest
class SearchIT {

    private final Api anonymous = Fixtures.anonymous();

    @Test
    void aNewSubjectIsFoundWithinTwoSecondsByFragmentNameAndCode() {
        String code = Fixtures.newCode();
        String fragment = Fixtures.uniqueFragment();
        String name = "柳州" + fragment + "机械有限公司";
        Fixtures.createSubject(code, name);

        var byFragment = Fixtures.poll(anonymous, "/api/v1/search?q=" + q(fragment), Duration.ofSeconds(2), r -> Fixtures.hasCode(r, code));
        assertThat(byFragment.done()).as("found by fragment within 2 s; last: %s", byFragment.reply().text()).isTrue();
        JsonNode item = byFragment.reply().json().path("items").get(0);
        assertThat(item.path("name").asString()).isEqualTo(name);
        assertThat(item.path("highlight").path("name").get(0).asString()).contains("<em>");
        assertThat(item.path("profile").asString()).isEqualTo("/api/v1/public/subjects/" + code);
        JsonNode page = byFragment.reply().json();
        assertThat(page.path("facets").path("type").get(0).path("value").asString()).isEqualTo("ENTERPRISE");
        assertThat(page.path("facets").path("type").get(0).path("count").asLong()).isPositive();
        assertThat(page.path("total").asLong()).as("a unique fragment: this subject").isEqualTo(1);
        assertThat(page.path("totalRelation").asString()).isEqualTo("eq");

        assertThat(Fixtures.hasCode(anonymous.get("/api/v1/search?q=" + q(name)), code)).isTrue();
        Reply byCode = anonymous.get("/api/v1/search?q=" + code.toLowerCase()).expect(200);
        assertThat(byCode.json().path("items").get(0).path("code").asString()).isEqualTo(code);
        assertThat(byCode.json().path("items").get(0).path("highlight").path("code").get(0).asString()).isEqualTo("<em>" + code + "</em>");
        assertThat(Fixtures.hasCode(anonymous.get("/api/v1/search?q=" + code.substring(0, 12) + "&region=450202&type=ENTERPRISE&size=50"), code))
                .as("a code prefix with filters").isTrue();

        JsonNode profile = anonymous.get("/api/v1/public/subjects/" + code).expect(200).json();
        assertThat(profile.path("name").asString()).isEqualTo(name);
        assertThat(profile.path("links").path("records").asString()).isEqualTo("/api/v1/public/subjects/" + code + "/records");
        assertThat(profile.has("subjectSeq")).isFalse();
    }

    @Test
    void rankingPutsExactCodeThenExactNameThenFormerNameThenFragment() {
        String token = Fixtures.uniqueFragment() + Fixtures.uniqueFragment();
        String exactName = token;
        String codeOfExactName = Fixtures.newCode();
        String codeOfFormer = Fixtures.newCode();
        String codeOfFragment = Fixtures.newCode();
        Fixtures.createSubject(codeOfFragment, "梧州" + token + "贸易分公司");
        Fixtures.createSubject(codeOfFormer, token);
        Fixtures.createSubject(codeOfFormer, "柳州" + Fixtures.uniqueFragment() + "科技有限公司"); // token becomes a former name
        Fixtures.createSubject(codeOfExactName, exactName);

        var polled = Fixtures.poll(anonymous, "/api/v1/search?q=" + q(token), Duration.ofSeconds(5),
                r -> codes(r).containsAll(List.of(codeOfExactName, codeOfFormer, codeOfFragment)) && formerIndexed(r, codeOfFormer, token));
        assertThat(polled.done()).as("all three indexed: %s", polled.reply().text()).isTrue();
        assertThat(codes(polled.reply())).containsExactly(codeOfExactName, codeOfFormer, codeOfFragment);

        // an exact code beats a subject whose name is that very code, and both beat a mere prefix
        String code = Fixtures.newCode();
        String nameIsCode = Fixtures.newCode();
        Fixtures.createSubject(code, "柳州" + Fixtures.uniqueFragment() + "有限公司");
        Fixtures.createSubject(nameIsCode, code);
        var byCode = Fixtures.poll(anonymous, "/api/v1/search?q=" + code, Duration.ofSeconds(5),
                r -> codes(r).containsAll(List.of(code, nameIsCode)));
        assertThat(byCode.done()).as("both indexed: %s", byCode.reply().text()).isTrue();
        assertThat(codes(byCode.reply()).subList(0, 2)).containsExactly(code, nameIsCode);
    }

    @Test
    void badQueriesGetProblemsOrNothingNeverA500() {
        anonymous.get("/api/v1/search").expectProblem(400, "SEARCH_QUERY_EMPTY");
        anonymous.get("/api/v1/search?q=%20%20").expectProblem(400, "SEARCH_QUERY_EMPTY");
        // 1,000 CJK characters are 9 KB of URL: more than the gateway's request line allows (414 there), so asked directly
        Api.service("search").get("/api/v1/search?q=" + q("柳".repeat(1000))).expectProblem(400, "SEARCH_QUERY_TOO_LONG");
        anonymous.get("/api/v1/search?q=" + q("a".repeat(1000))).expectProblem(400, "SEARCH_QUERY_TOO_LONG");
        // a NUL is refused by the platform's one input rule (commons) before the search reads it, naming the parameter
        assertThat(anonymous.get("/api/v1/search?q=%E6%9F%B3%00%01").expectProblem(400, "VALIDATION_FAILED").path("errors").get(0)
                .path("code").asString()).isEqualTo("TEXT_INVALID_CHARACTER");
        anonymous.get("/api/v1/search?q=" + q("柳\u0007工")).expectProblem(400, "SEARCH_QUERY_INVALID");
        anonymous.get("/api/v1/search?q=x&size=51").expectProblem(400, "VALIDATION_FAILED");
        anonymous.get("/api/v1/search?q=x&size=abc").expectProblem(400, "PARAMETER_INVALID");
        anonymous.get("/api/v1/search?q=x&page=200&size=50").expectProblem(400, "SEARCH_TOO_DEEP");
        anonymous.get("/api/v1/search?q=x&list=grey").expectProblem(400, "VALIDATION_FAILED");
        anonymous.get("/api/v1/search?q=x&region=45%27%20OR%201").expectProblem(400, "VALIDATION_FAILED");
        for (String syntax : List.of("name:*", "OR", "*", "\"", "code:9* AND public:false", "(柳工", "柳工~2", "/.*/", "\\", "{\"match_all\":{}}",
                "<script>alert(1)</script>", "%", "' OR 1=1 --")) {
            Reply r = anonymous.get("/api/v1/search?q=" + q(syntax));
            assertThat(r.status()).as("q=%s: %s", syntax, r.text()).isEqualTo(200);
            for (JsonNode item : r.json().path("items")) {
                assertThat(item.toString()).as("no script survives highlighting").doesNotContain("<script>");
            }
        }
    }

    @Test
    void profilesOfUnknownOrInvalidCodesLookTheSame() {
        JsonNode unknown = anonymous.get("/api/v1/public/subjects/" + Fixtures.newCode()).expectProblem(404, "NOT_FOUND");
        JsonNode invalid = anonymous.get("/api/v1/public/subjects/91450200MA5K00012X").expectProblem(404, "NOT_FOUND");
        assertThat(unknown.path("detail").asString()).isEqualTo(invalid.path("detail").asString());
        anonymous.get("/api/v1/public/subjects/00000000-0000-0000-0000-000000000000").expectProblem(404, "NOT_FOUND");
    }

    @Test
    void mineIsTheEnterprisesOwnPublicDocument() {
        String ent1 = "91450200MA5K00012P";
        Reply registry = Api.gateway().as(Tokens.user("officer-market")).get("/api/v1/subjects/" + ent1);
        if (registry.status() == 404) {
            Fixtures.createSubject(ent1, "柳州" + Fixtures.uniqueFragment() + "机械有限公司");
        }
        var polled = Fixtures.poll(Api.gateway().as(Tokens.user("ent1")), "/api/v1/search/mine", Duration.ofSeconds(5), r -> r.status() == 200);
        assertThat(polled.done()).as("ent1 indexed: %s", polled.reply().text()).isTrue();
        JsonNode mine = polled.reply().json();
        assertThat(mine.path("code").asString()).isEqualTo(ent1);
        assertThat(mine.path("indexedAt").asString()).isNotBlank();
        Api.gateway().get("/api/v1/search/mine").expectProblem(401, "UNAUTHENTICATED");
        Api.service("search").get("/api/v1/search/mine").expectProblem(401, "UNAUTHENTICATED");
        Api.gateway().as(Tokens.user("citizen1")).get("/api/v1/search/mine").expectProblem(404, "NOT_FOUND");
    }

    @Test
    void onlyAdminsRebuild() {
        Api.gateway().post("/api/v1/admin/search:rebuild", "{}").expectProblem(401, "UNAUTHENTICATED");
        Api.gateway().as(Tokens.user("officer-market")).post("/api/v1/admin/search:rebuild", "{}").expectProblem(403, "ACCESS_DENIED");
        Api.service("search").as(Tokens.user("officer-market")).post("/api/v1/admin/search:rebuild", "{}").expectProblem(403, "ACCESS_DENIED");
        Api.gateway().as(Tokens.user("admin1")).get("/api/v1/admin/search/rebuilds/not-a-job").expectProblem(404, "NOT_FOUND");
    }

    private static List<String> codes(Reply r) {
        List<String> out = new ArrayList<>();
        if (r.status() == 200) {
            r.json().path("items").forEach(i -> out.add(i.path("code").asString()));
        }
        return out;
    }

    private static boolean formerIndexed(Reply r, String code, String former) {
        for (JsonNode i : r.json().path("items")) {
            if (code.equals(i.path("code").asString())) {
                for (JsonNode f : i.path("formerNames")) {
                    if (former.equals(f.asString())) {
                        return true;
                    }
                }
            }
        }
        return false;
    }

    /**
     * 300 searches of 50 results at once from 300 callers, through the gateway, more than 2 cores answer in a second:
     * each is answered, either with results or with 503 SEARCH_BUSY and Retry-After once it waited a second for one of
     * search-service's 16 connections to Elasticsearch or 1.5 s for Elasticsearch's answer; none with a 500 (a wait for a connection used to end in one),
     * none refused by the gateway (its bulkhead let 25 through), none timed out at the gateway.
     */
    @Test
    void threeHundredConcurrentSearchesAreAnsweredWithoutAServerError() throws Exception {
        List<Reply> replies = Burst.of(300, 300, n -> Api.gateway()
                .header("X-Forwarded-For", "198.19." + (n / 250) + "." + (n % 250 + 1)).get("/api/v1/search?q=" + q("柳州") + "&size=50"));
        for (Reply r : replies) {
            if (r.status() == 503) {
                // busy is allowed under a burst, and says when to come back; any other 5xx is not
                r.expectProblem(503, "SEARCH_BUSY");
                assertThat(r.header("Retry-After")).containsExactly("1");
            } else {
                r.expect(200);
            }
        }
        assertThat(replies.stream().filter(r -> r.status() == 200).count()).as("served").isGreaterThanOrEqualTo(10);
    }
}
