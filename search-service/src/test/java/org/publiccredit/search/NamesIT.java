package org.publiccredit.search;

import static org.assertj.core.api.Assertions.assertThat;
import static org.publiccredit.search.Fixtures.q;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.publiccredit.search.names.NameText;
import org.publiccredit.testkit.Api;
import org.publiccredit.testkit.IntegrationTest;
import org.publiccredit.testkit.Tokens;
import tools.jackson.databind.JsonNode;

/**
 * Names through the gateway: short names (简称) are set by the registration authority only and found like names; the
 * suggestion box completes names, short names, pinyin and initials; codes are found with their separators.
 */
@IntegrationTest
class NamesIT {

    private final Api anonymous = Fixtures.anonymous();
    private static final Api REGISTRY = Api.gateway().as(Tokens.user("officer-market"));
    private static final Api PARTNER = Api.gateway().as(Tokens.client("partner-tax"));

    private static Map<String, Object> subject(String code, String name, List<String> shortNames) {
        return shortNames == null ? Map.of("code", code, "name", name, "type", "ENTERPRISE")
                : Map.of("code", code, "name", name, "type", "ENTERPRISE", "shortNames", shortNames);
    }

    @Test
    void onlyTheRegistrationAuthoritySetsShortNamesAndAWriteWithoutThemKeepsThem() {
        String code = Fixtures.newCode();
        String name = "柳州" + Fixtures.uniqueFragment() + "机械有限公司";
        PARTNER.post("/api/v1/subjects", subject(code, name, null)).expect(201);
        PARTNER.put("/api/v1/subjects/" + code, subject(code, name, List.of("冒名简称"))).expectProblem(403, "SHORT_NAMES_REGISTRATION_ONLY");
        String row = "{\"code\":\"" + code + "\",\"name\":\"" + name + "\",\"shortNames\":[\"冒名简称\"]}\n";
        JsonNode report = PARTNER.post("/api/v1/subjects:import", "application/x-ndjson", row.getBytes(StandardCharsets.UTF_8)).expect(200).json();
        assertThat(report.path("totals").path("rejected").asInt()).isEqualTo(1);
        assertThat(report.toString()).contains("SHORT_NAMES_REGISTRATION_ONLY");

        String shortName = Fixtures.uniqueFragment();
        JsonNode set = REGISTRY.put("/api/v1/subjects/" + code, subject(code, name, List.of(shortName, " " + shortName + " "))).expect(200).json();
        assertThat(set.path("subject").path("shortNames").toString()).isEqualTo("[\"" + shortName + "\"]");
        // a partner's write that does not name short names keeps them
        REGISTRY.put("/api/v1/subjects/" + code, subject(code, name, null)).expect(200);
        assertThat(REGISTRY.get("/api/v1/subjects/" + code).expect(200).json().path("shortNames").toString()).contains(shortName);
        REGISTRY.put("/api/v1/subjects/" + code, subject(code, name, List.of("a".repeat(51)))).expectProblem(400, "VALIDATION_FAILED");

        var found = Fixtures.poll(anonymous, "/api/v1/search?q=" + q(shortName), Duration.ofSeconds(5),
                r -> Fixtures.hasCode(r, code));
        assertThat(found.done()).as("found by its short name: %s", found.reply().text()).isTrue();
        assertThat(found.reply().json().path("items").get(0).path("code").asString()).isEqualTo(code);

        REGISTRY.put("/api/v1/subjects/" + code, subject(code, name, List.of())).expect(200);
        assertThat(REGISTRY.get("/api/v1/subjects/" + code).expect(200).json().path("shortNames").toString()).isEqualTo("[]");
    }

    @Test
    void suggestionsCompleteNamesShortNamesPinyinAndInitials() {
        String code = Fixtures.newCode();
        String trade = Fixtures.uniqueFragment();
        String name = "广西" + trade + "机械股份有限公司";
        String shortName = Fixtures.uniqueFragment();
        REGISTRY.post("/api/v1/subjects", subject(code, name, List.of(shortName))).expect(201);
        String pinyin = String.join("", NameText.pinyin(NameText.normalize("广西" + trade + "机械")));

        var byName = Fixtures.poll(anonymous, "/api/v1/search/suggest?q=" + q("广西" + trade), Duration.ofSeconds(5),
                r -> r.status() == 200 && r.text().contains(code));
        assertThat(byName.done()).as("suggested by its name: %s", byName.reply().text()).isTrue();
        JsonNode first = byName.reply().json().path("items").get(0);
        assertThat(first.path("name").asString()).isEqualTo(name);
        assertThat(first.path("profile").asString()).isEqualTo("/api/v1/public/subjects/" + code);
        assertThat(anonymous.get("/api/v1/search/suggest?q=" + q(trade.substring(0, 2))).expect(200).text())
                .as("the name without its place").contains(code);
        assertThat(anonymous.get("/api/v1/search/suggest?q=" + q(shortName)).expect(200).text()).contains(code);
        assertThat(anonymous.get("/api/v1/search/suggest?size=20&q=" + pinyin.substring(0, pinyin.length() - 2)).expect(200).text())
                .as("a pinyin prefix").contains(code);

        anonymous.get("/api/v1/search/suggest").expectProblem(400, "SEARCH_QUERY_EMPTY");
        anonymous.get("/api/v1/search/suggest?q=%E6%9F%B3&size=21").expectProblem(400, "VALIDATION_FAILED");
        anonymous.get("/api/v1/search/suggest?q=%E6%9F%B3&size=x").expectProblem(400, "PARAMETER_INVALID");
        anonymous.get("/api/v1/search/suggest?q=" + q("柳\u0007")).expectProblem(400, "SEARCH_QUERY_INVALID");
        assertThat(anonymous.get("/api/v1/search/suggest?q=" + q("（）")).expect(200).json().path("items").size()).isZero();
    }

    @Test
    void tiesGoToActiveAndVerifiedSubjects() {
        String name = "柳州" + Fixtures.uniqueFragment() + "商贸有限公司";
        String cancelled = Fixtures.newCode();
        String unverified = Fixtures.newCode();
        String active = Fixtures.newCode();
        REGISTRY.post("/api/v1/subjects", Map.of("code", cancelled, "name", name, "type", "ENTERPRISE", "registrationStatus", "注销")).expect(201);
        PARTNER.post("/api/v1/subjects", subject(unverified, name, null)).expect(201);
        REGISTRY.post("/api/v1/subjects", subject(active, name, null)).expect(201);
        var found = Fixtures.poll(anonymous, "/api/v1/search?q=" + q(name), Duration.ofSeconds(5),
                r -> Fixtures.hasCode(r, cancelled) && Fixtures.hasCode(r, unverified) && Fixtures.hasCode(r, active));
        assertThat(found.done()).as("all three indexed: %s", found.reply().text()).isTrue();
        JsonNode items = found.reply().json().path("items");
        assertThat(List.of(items.get(0).path("code").asString(), items.get(1).path("code").asString(), items.get(2).path("code").asString()))
                .as("one name, three subjects: active and verified first; then the deregistered (verified) and the unverified alike")
                .startsWith(active).contains(cancelled, unverified);
    }

    @Test
    void codesAreFoundWithSeparatorsFullWidthAndByTheirOrganisationCode() {
        String code = Fixtures.newCode();
        Fixtures.createSubject(code, "柳州" + Fixtures.uniqueFragment() + "物流有限公司");
        var indexed = Fixtures.poll(anonymous, "/api/v1/search?q=" + code, Duration.ofSeconds(5), r -> Fixtures.hasCode(r, code));
        assertThat(indexed.done()).isTrue();
        StringBuilder fullWidth = new StringBuilder();
        code.chars().forEach(c -> fullWidth.append((char) (c + 0xFEE0)));
        for (String typed : List.of(code.substring(0, 8) + "-" + code.substring(8), code.substring(0, 4) + " " + code.substring(4),
                fullWidth.toString(), code.substring(8, 17), code.substring(8, 16) + "-" + code.charAt(16))) {
            JsonNode items = anonymous.get("/api/v1/search?q=" + q(typed)).expect(200).json().path("items");
            assertThat(items.get(0).path("code").asString()).as("searched as %s", typed).isEqualTo(code);
        }
    }
}
