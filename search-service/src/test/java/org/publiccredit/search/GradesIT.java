package org.publiccredit.search;

import static org.assertj.core.api.Assertions.assertThat;
import static org.publiccredit.search.Fixtures.q;

import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.publiccredit.commons.id.Regions;
import org.publiccredit.commons.id.Uscc;
import org.publiccredit.testkit.Api;
import org.publiccredit.testkit.IntegrationTest;
import org.publiccredit.testkit.Reply;
import org.publiccredit.testkit.Tokens;
import tools.jackson.databind.JsonNode;

/**
 * Credit grades in search (facet, filter, profile), grade statistics and graded supervision samples (issue 23), through
 * the gateway against the running stack. The population is made here: twelve organisations of industry T in a county no
 * demo data uses, some clean, some with a serious penalty, some court defaulters; their grades are whatever record-service
 * decides (read from their profiles once indexed), so the tests do not depend on the evaluation rules.
 */
@IntegrationTest
class GradesIT {

    private static final String INDUSTRY = "T";
    private static final String[] PREFECTURES = {"4505", "4506", "4507", "4508", "4509", "4510", "4511", "4512", "4513", "4514"};
    private static final Duration INDEXED = Duration.ofSeconds(30);

    private static String region;
    /** code → grade, as the profiles show them. */
    private static final Map<String, String> GRADES = new LinkedHashMap<>();
    private static final Map<String, String> NAMES = new HashMap<>();

    private static Api as(String user) {
        return Api.gateway().as(Tokens.user(user)).header("X-Forwarded-For", "10.23." + ThreadLocalRandom.current().nextInt(1, 250) + ".7");
    }

    @BeforeAll
    static void population() {
        ThreadLocalRandom r = ThreadLocalRandom.current();
        // a county of a prefecture whose counties commons does not list (any county code of it is valid), which no demo data uses
        region = PREFECTURES[r.nextInt(PREFECTURES.length)] + (21 + r.nextInt(9));
        assertThat(Regions.known(region)).isTrue();
        assertThat(Regions.countiesOf(region.substring(0, 4))).isEmpty();
        List<String> codes = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            String code = code(region);
            String name = "来宾" + Fixtures.uniqueFragment() + "国际合作有限公司";
            Reply created = as("officer-market").post("/api/v1/subjects", Map.of("code", code, "name", name, "type", "ENTERPRISE",
                    "industry", INDUSTRY));
            assertThat(created.status()).as("subject: %s", created.text()).isIn(200, 201);
            NAMES.put(code, name);
            codes.add(code);
            if (i % 4 == 1) {
                as("officer-market").post("/api/v1/records", seriousPenalty(code, name)).expect(201);
            } else if (i % 4 == 2) {
                as("officer-court").post("/api/v1/records", courtDefaulter(code, name)).expect(201);
            }
        }
        for (String code : codes) {
            var graded = Fixtures.poll(Fixtures.anonymous(), "/api/v1/public/subjects/" + code, INDEXED,
                    p -> p.status() == 200 && !p.json().path("evaluation").path("grade").asString().isEmpty()
                            // the index's grade (what the filter and facet use) caught up with the evaluation read now
                            && p.json().path("grade").asString().equals(p.json().path("evaluation").path("grade").asString())
                            && p.json().path("records").size() == expectedCategories(codes.indexOf(code)));
            assertThat(graded.done()).as("%s indexed with its grade (record-service's evaluation in its summary): %s", code,
                    graded.reply().text()).isTrue();
            GRADES.put(code, graded.reply().json().path("evaluation").path("grade").asString());
        }
    }

    private static int expectedCategories(int i) {
        return i % 4 == 1 || i % 4 == 2 ? 1 : 0;
    }

    private static String code(String county) {
        ThreadLocalRandom r = ThreadLocalRandom.current();
        String chars = "0123456789ABCDEFGHJKLMNPQRTUWXY";
        StringBuilder org = new StringBuilder(8);
        for (int i = 0; i < 8; i++) {
            org.append(chars.charAt(r.nextInt(chars.length())));
        }
        return Uscc.of('9', '1', county, org.toString()).value();
    }

    private static Map<String, Object> record(String category, String code, String name, int daysAgo, Map<String, Object> fields) {
        LocalDate decided = LocalDate.now(ZoneId.of("Asia/Shanghai")).minusDays(daysAgo);
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("category", category);
        body.put("subject", Map.of("identifier", code, "name", name, "type", "ENTERPRISE"));
        body.put("documentNumber", "来宾评价〔" + System.nanoTime() + "〕号");
        body.put("decisionDate", decided.toString());
        body.put("fields", fields);
        return body;
    }

    private static Map<String, Object> seriousPenalty(String code, String name) {
        Map<String, Object> f = new LinkedHashMap<>();
        f.put("violationType", "其他");
        f.put("violationFacts", "无证经营");
        f.put("penaltyBasis", "《无证无照经营查处办法》第十三条");
        f.put("penaltyCategory", "责令停产停业");
        f.put("penaltyContent", "责令停业整顿");
        f.put("severity", "严重");
        f.put("penaltyValidUntil", LocalDate.now().plusMonths(6).toString());
        f.put("authority", "来宾市市场监督管理局");
        f.put("authorityUscc", "91450200MA5K00012P");
        f.put("dataSource", "来宾市市场监督管理局");
        f.put("dataSourceUscc", "91450200MA5K00012P");
        return record("ADM_PENALTY", code, name, 20, f);
    }

    private static Map<String, Object> courtDefaulter(String code, String name) {
        return record("COURT_DEFAULTER", code, name, 10, Map.of("court", "来宾市中级人民法院", "obligation", "支付货款人民币五万元",
                "dishonestBehaviour", "有履行能力而拒不履行生效法律文书确定义务"));
    }

    private static String ours() {
        return "region=" + region + "&industry=" + INDUSTRY;
    }

    private static Map<String, Long> countByGrade(Map<String, String> grades) {
        Map<String, Long> out = new HashMap<>();
        grades.values().forEach(g -> out.merge(g, 1L, Long::sum));
        return out;
    }

    // ------------------------------------------------------------------ search: facet, filter, profile

    @Test
    void theGradeIsAFacetAFilterAndPartOfTheProfile() {
        String code = GRADES.keySet().iterator().next();
        String grade = GRADES.get(code);
        String name = NAMES.get(code);
        Api anonymous = Fixtures.anonymous();

        JsonNode page = anonymous.get("/api/v1/search?q=" + q(name) + "&grade=" + grade.toLowerCase()).expect(200).json();
        assertThat(Fixtures.hasCode(anonymous.get("/api/v1/search?q=" + q(name) + "&grade=" + grade), code)).isTrue();
        assertThat(page.path("items").get(0).path("grade").asString()).isEqualTo(grade);
        assertThat(page.path("items").get(0).path("industry").asString()).isEqualTo(INDUSTRY);
        String other = grade.equals("A") ? "B,C,D" : "A";
        assertThat(Fixtures.hasCode(anonymous.get("/api/v1/search?q=" + q(name) + "&grade=" + other), code)).as("not %s", other).isFalse();

        // filters only: our county and industry, every organisation of the population, facet counts per grade
        JsonNode all = anonymous.get("/api/v1/search?" + ours() + "&size=50").expect(200).json();
        Set<String> found = new TreeSet<>();
        all.path("items").forEach(i -> found.add(i.path("code").asString()));
        assertThat(found).containsAll(GRADES.keySet());
        Map<String, Long> facet = new HashMap<>();
        all.path("facets").path("grade").forEach(f -> facet.put(f.path("value").asString(), f.path("count").asLong()));
        if (all.path("total").asLong() == GRADES.size()) {
            assertThat(facet).isEqualTo(countByGrade(GRADES));
        }
        for (Map.Entry<String, Long> f : countByGrade(GRADES).entrySet()) {
            assertThat(facet.getOrDefault(f.getKey(), 0L)).as("facet %s", f.getKey()).isGreaterThanOrEqualTo(f.getValue());
            JsonNode filtered = anonymous.get("/api/v1/search?" + ours() + "&size=50&grade=" + f.getKey()).expect(200).json();
            filtered.path("items").forEach(i -> assertThat(i.path("grade").asString()).isEqualTo(f.getKey()));
            assertThat(filtered.path("total").asLong()).isEqualTo(facet.get(f.getKey()));
        }

        JsonNode profile = anonymous.get("/api/v1/public/subjects/" + code).expect(200).json();
        JsonNode evaluation = profile.path("evaluation");
        assertThat(evaluation.path("grade").asString()).isEqualTo(grade);
        assertThat(evaluation.path("reasons").isArray()).isTrue();
        assertThat(evaluation.path("rulesVersion").asString()).isNotBlank();
        assertThat(profile.path("industry").asString()).isEqualTo(INDUSTRY);
    }

    @Test
    void badGradeAndIndustryFiltersAreProblemsNamingTheField() {
        Api anonymous = Fixtures.anonymous();
        JsonNode bad = anonymous.get("/api/v1/search?region=4502&grade=E").expectProblem(400, "VALIDATION_FAILED");
        assertThat(bad.path("errors").get(0).path("field").asString()).isEqualTo("grade");
        bad = anonymous.get("/api/v1/search?q=%E6%9F%B3&industry=Z9").expectProblem(400, "VALIDATION_FAILED");
        assertThat(bad.path("errors").get(0).path("field").asString()).isEqualTo("industry");
        assertThat(anonymous.get("/api/v1/search?grade=C,D").status()).as("a grade alone is a filter").isEqualTo(200);
    }

    // ------------------------------------------------------------------ statistics

    @Test
    void gradeStatisticsAddUpToTheTotalAndAreForStaffOnly() {
        JsonNode stats = as("officer-market").get("/api/v1/stats/grades?" + ours()).expect(200).json();
        assertThat(stats.path("filters").path("region").asString()).isEqualTo(region);
        assertThat(stats.path("filters").path("industry").asString()).isEqualTo(INDUSTRY);
        assertThat(stats.path("asOf").asString()).endsWith("Z");
        long sum = 0;
        for (String g : List.of("A", "B", "C", "D", "none")) {
            assertThat(stats.path("grades").has(g)).as(g).isTrue();
            sum += stats.path("grades").path(g).asLong();
        }
        assertThat(sum).isEqualTo(stats.path("total").asLong());
        assertThat(stats.path("total").asLong()).isGreaterThanOrEqualTo(GRADES.size());
        if (stats.path("total").asLong() == GRADES.size()) {
            countByGrade(GRADES).forEach((g, n) -> assertThat(stats.path("grades").path(g).asLong()).as(g).isEqualTo(n));
        }

        JsonNode everyone = as("reviewer1").get("/api/v1/stats/grades").expect(200).json();
        long all = 0;
        for (var g : everyone.path("grades").properties()) {
            all += g.getValue().asLong();
        }
        assertThat(all).isEqualTo(everyone.path("total").asLong());
        assertThat(everyone.path("total").asLong()).isGreaterThanOrEqualTo(stats.path("total").asLong());
        as("admin1").get("/api/v1/stats/grades?region=45&type=ENTERPRISE").expect(200);

        Fixtures.anonymous().get("/api/v1/stats/grades").expectProblem(401, "UNAUTHENTICATED");
        as("ent1").get("/api/v1/stats/grades").expectProblem(403, "ACCESS_DENIED");
        as("citizen1").get("/api/v1/stats/grades").expectProblem(403, "ACCESS_DENIED");
        JsonNode bad = as("admin1").get("/api/v1/stats/grades?region=45020&industry=Z&type=NATURAL_PERSON").expectProblem(400, "VALIDATION_FAILED");
        List<String> fields = new ArrayList<>();
        bad.path("errors").forEach(e -> fields.add(e.path("field").asString()));
        assertThat(fields).containsExactly("region", "industry", "type");
    }

    // ------------------------------------------------------------------ supervision samples

    private static Map<String, Object> sample(Map<String, Object> rates, Long seed) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("purpose", "2026年第四季度双随机抽查（集成测试）");
        body.put("filters", Map.of("region", region, "industry", INDUSTRY));
        if (rates != null) {
            body.put("rates", rates);
        }
        if (seed != null) {
            body.put("seed", seed);
        }
        return body;
    }

    private static List<String> codes(JsonNode sample) {
        List<String> out = new ArrayList<>();
        sample.path("subjects").forEach(s -> out.add(s.path("code").asString()));
        return out;
    }

    private static long expected(long population, double rate) {
        if (population == 0 || rate == 0) {
            return 0;
        }
        return Math.min(population, Math.max(1, Math.round(rate * population)));
    }

    @Test
    void theSameSeedDrawsTheSameSubjectsAndTheRatesAreRespectedPerGrade() {
        Map<String, Object> rates = Map.of("A", 0.5, "B", 0.5, "C", 0.5, "D", 0.5);
        Reply first = as("officer-market").post("/api/v1/supervision/samples", sample(rates, 20261206L));
        assertThat(first.status()).as(first.text()).isEqualTo(201);
        JsonNode a = first.json();
        assertThat(first.header("Location")).containsExactly("/api/v1/supervision/samples/" + a.path("id").asString());
        JsonNode b = as("officer-market").post("/api/v1/supervision/samples", sample(rates, 20261206L)).expect(201).json();
        assertThat(b.path("id").asString()).isNotEqualTo(a.path("id").asString());
        assertThat(codes(b)).as("the same seed over the same population").isEqualTo(codes(a));
        assertThat(a.path("seed").asLong()).isEqualTo(20261206L);

        long drawnTotal = 0;
        for (String g : List.of("A", "B", "C", "D")) {
            long population = a.path("population").path(g).asLong();
            long drawn = a.path("drawn").path(g).asLong();
            assertThat(a.path("rates").path(g).asDouble()).isEqualTo(0.5);
            assertThat(drawn).as("grade %s: round(0.5 × %d), at least 1", g, population).isEqualTo(expected(population, 0.5));
            long listed = 0;
            for (JsonNode s : a.path("subjects")) {
                listed += s.path("grade").asString().equals(g) ? 1 : 0;
            }
            assertThat(listed).as("subjects of grade %s", g).isEqualTo(drawn);
            drawnTotal += drawn;
        }
        assertThat(a.path("subjects").size()).isEqualTo(drawnTotal);
        assertThat(codes(a)).doesNotHaveDuplicates();
        for (JsonNode s : a.path("subjects")) {
            assertThat(s.path("region").asString()).isEqualTo(region);
            assertThat(s.path("name").asString()).isNotBlank();
        }
        JsonNode stats = as("officer-market").get("/api/v1/stats/grades?" + ours()).expect(200).json();
        for (String g : List.of("A", "B", "C", "D", "none")) {
            assertThat(a.path("population").path(g).asLong()).as("population %s = statistics", g).isEqualTo(stats.path("grades").path(g).asLong());
        }
        assertThat(a.path("askedBy").asString()).isEqualTo("officer-market");
        assertThat(a.path("department").asString()).isNotBlank();
        assertThat(a.path("purpose").asString()).isEqualTo("2026年第四季度双随机抽查（集成测试）");

        // another seed: (very likely) other subjects — of five seeds at least one differs
        boolean differs = false;
        for (long seed = 1; seed <= 5 && !differs; seed++) {
            differs = !codes(as("officer-market").post("/api/v1/supervision/samples", sample(rates, seed)).expect(201).json()).equals(codes(a));
        }
        assertThat(differs).as("other seeds draw other subjects").isTrue();

        // every subject at rate 1: the whole population of each grade
        JsonNode everything = as("admin1").post("/api/v1/supervision/samples", sample(Map.of("A", 1.0, "B", 1.0, "C", 1.0, "D", 1.0), null))
                .expect(201).json();
        assertThat(everything.path("seed").isNumber()).as("a seed chosen and recorded").isTrue();
        assertThat(new TreeSet<>(codes(everything))).containsAll(GRADES.keySet());
        // no rate: nothing of that grade
        JsonNode onlyD = as("admin1").post("/api/v1/supervision/samples", sample(Map.of("A", 0, "B", 0, "C", 0, "D", 1), 3L)).expect(201).json();
        onlyD.path("subjects").forEach(s -> assertThat(s.path("grade").asString()).isEqualTo("D"));
        assertThat(onlyD.path("drawn").path("D").asLong()).isEqualTo(onlyD.path("population").path("D").asLong());
    }

    @Test
    void aSizeIsSharedAcrossTheGrades() {
        Map<String, Object> body = sample(null, 11L);
        body.put("size", 5);
        JsonNode s = as("officer-market").post("/api/v1/supervision/samples", body).expect(201).json();
        long drawable = 0;
        for (String g : List.of("A", "B", "C", "D")) {
            drawable += s.path("rates").path(g).asDouble() > 0 ? s.path("population").path(g).asLong() : 0;
        }
        assertThat(s.path("subjects").size()).isEqualTo((int) Math.min(5, drawable));
        assertThat(s.path("size").asInt()).isEqualTo(5);
        assertThat(s.path("rates").path("D").asDouble()).as("the configured rate").isEqualTo(0.20);
    }

    @Test
    void aSampleIsReadAgainByItsDepartmentAndAdminsOnly() {
        JsonNode drawn = as("officer-market").post("/api/v1/supervision/samples", sample(null, 7L)).expect(201).json();
        String path = "/api/v1/supervision/samples/" + drawn.path("id").asString();
        JsonNode again = as("officer-market").get(path).expect(200).json();
        assertThat(codes(again)).isEqualTo(codes(drawn));
        assertThat(again.path("seed").asLong()).isEqualTo(7L);
        assertThat(again.path("createdAt").asString()).isEqualTo(drawn.path("createdAt").asString());
        as("admin1").get(path).expect(200);
        as("officer-tax").get(path).expectProblem(404, "NOT_FOUND");
        as("reviewer1").get(path).expectProblem(403, "ACCESS_DENIED");
        as("ent1").get(path).expectProblem(403, "ACCESS_DENIED");
        Fixtures.anonymous().get(path).expectProblem(401, "UNAUTHENTICATED");
        as("officer-market").get("/api/v1/supervision/samples/not-a-sample").expectProblem(404, "NOT_FOUND");

        JsonNode mine = as("officer-market").get("/api/v1/supervision/samples?size=50").expect(200).json();
        assertThat(ids(mine)).contains(drawn.path("id").asString());
        mine.path("items").forEach(i -> {
            assertThat(i.path("department").asString()).isEqualTo(drawn.path("department").asString());
            assertThat(i.has("subjects")).as("a list leaves the subjects out").isFalse();
        });
        assertThat(ids(as("officer-tax").get("/api/v1/supervision/samples?size=50").expect(200).json())).doesNotContain(drawn.path("id").asString());
        assertThat(ids(as("admin1").get("/api/v1/supervision/samples?size=50").expect(200).json())).contains(drawn.path("id").asString());
        as("officer-market").get("/api/v1/supervision/samples?size=101").expectProblem(400, "VALIDATION_FAILED");
        as("reviewer1").get("/api/v1/supervision/samples").expectProblem(403, "ACCESS_DENIED");
    }

    private static List<String> ids(JsonNode page) {
        List<String> out = new ArrayList<>();
        page.path("items").forEach(i -> out.add(i.path("id").asString()));
        return out;
    }

    @Test
    void aSampleTooLargeIsRefusedWithItsCount() {
        // every organisation of the platform at rate 1: more than a sample may hold (the local profile caps it at 1,000)
        JsonNode p = as("officer-market").post("/api/v1/supervision/samples", Map.of("purpose", "全量抽查", "rates",
                Map.of("A", 1, "B", 1, "C", 1, "D", 1))).expectProblem(400, "SAMPLE_TOO_LARGE");
        assertThat(p.path("count").asLong()).isGreaterThan(p.path("max").asLong());
        assertThat(p.path("detail").asString()).contains(p.path("count").asString()).contains(p.path("max").asString());
    }

    @Test
    void badSamplesAreProblemsNamingEveryField() {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("purpose", "  ");
        body.put("filters", Map.of("region", "4502x", "industry", "Z"));
        body.put("rates", Map.of("A", 1.5, "E", 0.1));
        body.put("size", 0);
        JsonNode p = as("officer-market").post("/api/v1/supervision/samples", body).expectProblem(400, "VALIDATION_FAILED");
        Set<String> fields = new TreeSet<>();
        p.path("errors").forEach(e -> fields.add(e.path("field").asString()));
        assertThat(fields).containsExactlyInAnyOrder("purpose", "filters.region", "filters.industry", "rates", "rates.A", "size");
        as("officer-market").post("/api/v1/supervision/samples", Map.of("purpose", "x".repeat(501))).expectProblem(400, "VALIDATION_FAILED");
        as("officer-market").post("/api/v1/supervision/samples", Map.of("purpose", "抽查", "filters", Map.of("type", "ROBOT")))
                .expectProblem(400, "VALIDATION_FAILED");
        as("officer-market").post("/api/v1/supervision/samples", Map.of("purpose", "抽查", "seed", 1.5)).expectProblem(400, "VALIDATION_FAILED");
        as("ent1").post("/api/v1/supervision/samples", sample(null, 1L)).expectProblem(403, "ACCESS_DENIED");
        as("reviewer1").post("/api/v1/supervision/samples", sample(null, 1L)).expectProblem(403, "ACCESS_DENIED");
        Fixtures.anonymous().post("/api/v1/supervision/samples", sample(null, 1L)).expectProblem(401, "UNAUTHENTICATED");
    }
}
