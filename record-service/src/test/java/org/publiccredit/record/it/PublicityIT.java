package org.publiccredit.record.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.publiccredit.testkit.Api;
import org.publiccredit.testkit.IntegrationTest;
import org.publiccredit.testkit.Tokens;
import tools.jackson.databind.JsonNode;

@IntegrationTest
class PublicityIT {

    private final Api market = Api.gateway().as(Tokens.user("officer-market"));

    private String push(Object record) {
        return market.post("/api/v1/records", record).expect(201).json().path("id").asString();
    }

    private static List<String> ids(JsonNode page, String field) {
        return page.path("items").valueStream().map(i -> i.path(field).asString()).toList();
    }

    @Test
    void aPenaltyDecidedFourYearsAgoIsNotPublicOneDecidedLastWeekIs() {
        String subject = Records.freshUscc();
        String old = push(Records.penaltyDecided(subject, 4 * 365 + 1));
        String recent = push(Records.penaltyDecided(subject, 7));
        JsonNode page = Api.gateway().get("/api/v1/public/subjects/" + subject + "/records").expect(200).json();
        assertThat(ids(page, "recordId")).containsExactly(recent);
        JsonNode all = Api.gateway().as(Tokens.user("reviewer1")).get("/api/v1/subjects/" + subject + "/records").expect(200).json();
        assertThat(all.path("items").valueStream().map(i -> i.path("id").asString() + ":" + i.path("publicReason").asString()))
                .containsExactlyInAnyOrder(old + ":EXPIRED", recent + ":PUBLIC");
    }

    /** 信用修复管理办法 (2026): 轻微 not published, 一般 at most one year, 严重 at most three; read back through the gateway. */
    @Test
    void eachClassOfPenaltyIsPublicForItsOwnWindow() {
        String subject = Records.freshUscc();
        java.time.LocalDate today = java.time.LocalDate.now(java.time.ZoneId.of("Asia/Shanghai"));
        java.util.function.BiFunction<java.time.LocalDate, Map<String, Object>, String> penalty = (decided, extra) -> {
            Map<String, Object> fields = Records.penaltyFields();
            fields.putAll(extra);
            return push(Records.record("ADM_PENALTY", subject, Records.doc("柳市监罚"), decided, fields));
        };
        String ordinaryLastDay = penalty.apply(today.minusYears(1).plusDays(1), Map.of());
        String ordinaryOver = penalty.apply(today.minusYears(1), Map.of());
        String minor = penalty.apply(today.minusDays(1), Map.of("procedure", "简易程序"));
        String serious = penalty.apply(today.minusYears(2), Map.of("penaltyCategory", "吊销许可证件"));
        String statedSerious = penalty.apply(today.minusYears(2), Map.of("severity", "严重"));

        JsonNode page = Api.gateway().get("/api/v1/public/subjects/" + subject + "/records").expect(200).json();
        assertThat(ids(page, "recordId")).containsExactlyInAnyOrder(ordinaryLastDay, serious, statedSerious);
        JsonNode all = Api.gateway().as(Tokens.user("reviewer1")).get("/api/v1/subjects/" + subject + "/records").expect(200).json();
        assertThat(all.path("items").valueStream().map(i -> i.path("id").asString() + ":" + i.path("severity").asString() + ":"
                + i.path("publicReason").asString())).containsExactlyInAnyOrder(ordinaryLastDay + ":一般:PUBLIC",
                ordinaryOver + ":一般:EXPIRED", minor + ":轻微:NOT_PUBLISHED_BY_RULE", serious + ":严重:PUBLIC",
                statedSerious + ":严重:PUBLIC");
    }

    @Test
    void aReviewerReachesTheSubjectsOfHisRegionOnly() {
        String liuzhou = Records.freshUscc(); // 450202…
        push(Records.penaltyDecided(liuzhou, 2));
        Api.gateway().as(Tokens.user("reviewer1")).get("/api/v1/subjects/" + liuzhou + "/records").expect(200);
        Api.gateway().as(Tokens.user("reviewer2")).get("/api/v1/subjects/" + liuzhou + "/records").expectProblem(404, "NOT_FOUND");
        Api.gateway().as(Tokens.user("admin1")).get("/api/v1/subjects/" + liuzhou + "/records").expect(200);
        // ent2 is a Wuzhou enterprise (4504): its reviewer reads its file, Liuzhou's does not
        Api.gateway().as(Tokens.user("reviewer2")).get("/api/v1/subjects/91450403MA5K000470/records").expect(200);
        Api.gateway().as(Tokens.user("reviewer1")).get("/api/v1/subjects/91450403MA5K000470/records").expectProblem(404, "NOT_FOUND");
    }

    @Test
    void theSubjectItselfSeesAllItsRecordsAndOthersGetA404() {
        String old = push(Records.penaltyDecided(Records.ENT1, 4 * 365 + 3));
        // ent1's file grows with every test run (the portal's tests file about ent1 too): look through every page
        assertThat(ownRecords(Tokens.user("ent1"), Records.ENT1).filter(i -> i.path("id").asString().equals(old)))
                .singleElement().satisfies(i -> assertThat(i.path("publicReason").asString()).isEqualTo("EXPIRED"));
        String other = Records.freshUscc();
        push(Records.penaltyDecided(other, 2));
        Api.gateway().as(Tokens.user("ent1")).get("/api/v1/subjects/" + other + "/records").expectProblem(404, "NOT_FOUND");
        Api.gateway().as(Tokens.user("ent2")).get("/api/v1/subjects/" + Records.ENT1 + "/records").expectProblem(404, "NOT_FOUND");
        Api.gateway().as(Tokens.user("citizen1")).get("/api/v1/subjects/" + other + "/records").expectProblem(404, "NOT_FOUND");
        // a department sees only its own records: tax has none for this subject
        Api.gateway().as(Tokens.user("officer-tax")).get("/api/v1/subjects/" + other + "/records").expectProblem(404, "NOT_FOUND");
        assertThat(market.get("/api/v1/subjects/" + other + "/records").expect(200).json().path("total").asInt()).isEqualTo(1);
        Api.gateway().get("/api/v1/subjects/" + other + "/records").expectProblem(401, "UNAUTHENTICATED");
    }

    @Test
    void aCitizensRecordIsNotPublicButTheCitizenSeesItWithAMaskedNumber() {
        String id = push(Records.penaltyDecided(Records.CITIZEN1, 3));
        java.util.List<JsonNode> mine = ownRecords(Tokens.user("citizen1"), Records.CITIZEN1).toList();
        JsonNode record = mine.stream().filter(i -> i.path("id").asString().equals(id)).findFirst().orElseThrow();
        assertThat(record.path("publicNow").asBoolean()).isFalse();
        assertThat(record.path("publicReason").asString()).isEqualTo("NATURAL_PERSON_NOT_PUBLIC");
        assertThat(record.path("subjectCode").asString()).isEqualTo("450202********1237");
        assertThat(mine.toString()).doesNotContain(Records.CITIZEN1);
        // an id number is never taken in a URL, whoever asks: the person's file is read with the number in a POST body
        Api.gateway().get("/api/v1/public/subjects/" + Records.CITIZEN1 + "/records").expectProblem(400, "ID_NUMBER_IN_URL");
        Api.gateway().as(Tokens.user("admin1")).get("/api/v1/subjects/" + Records.CITIZEN1 + "/records")
                .expectProblem(400, "ID_NUMBER_IN_URL");
        Api.gateway().as(Tokens.user("ent1")).post("/api/v1/subjects/records:lookup", Map.of("idNumber", Records.CITIZEN1))
                .expectProblem(404, "NOT_FOUND");
        Api.gateway().as(Tokens.user("admin1")).post("/api/v1/subjects/records:lookup", Map.of("idNumber", "450202199001011230"))
                .expectProblem(400, "VALIDATION_FAILED");
        JsonNode own = Api.gateway().as(Tokens.user("citizen1")).post("/api/v1/subjects/records:lookup",
                Map.of("idNumber", Records.CITIZEN1, "size", 5)).expect(200).json();
        JsonNode staff = Api.gateway().as(Tokens.user("admin1")).post("/api/v1/subjects/records:lookup",
                Map.of("idNumber", Records.CITIZEN1, "size", 5)).expect(200).json();
        assertThat(staff.path("total").asInt()).isEqualTo(own.path("total").asInt()).isPositive();
    }

    @Test
    void mineIsTheCallersOwnFileWithTheCodeFromTheTokenAndNobodyElses() {
        String ent1Record = push(Records.penaltyDecided(Records.ENT1, 5));
        String citizenRecord = push(Records.penaltyDecided(Records.CITIZEN1, 4));
        JsonNode ent1 = Api.gateway().as(Tokens.user("ent1")).get("/api/v1/subjects/mine/records?size=100").expect(200).json();
        JsonNode byCode = Api.gateway().as(Tokens.user("ent1")).get("/api/v1/subjects/" + Records.ENT1 + "/records?size=100")
                .expect(200).json();
        assertThat(ids(ent1, "id")).contains(ent1Record).isEqualTo(ids(byCode, "id"));
        assertThat(ent1.path("total").asInt()).isEqualTo(byCode.path("total").asInt());
        JsonNode citizen = Api.gateway().as(Tokens.user("citizen1")).get("/api/v1/subjects/mine/records?size=100").expect(200).json();
        assertThat(ids(citizen, "id")).contains(citizenRecord).doesNotContain(ent1Record);
        assertThat(citizen.toString()).doesNotContain(Records.CITIZEN1);
        // the category filter and paging work as on the path with the code
        assertThat(Api.gateway().as(Tokens.user("ent1")).get("/api/v1/subjects/mine/records?category=NOPE").expect(200).json()
                .path("total").asInt()).isZero();
        Api.gateway().as(Tokens.user("ent1")).get("/api/v1/subjects/mine/records?size=101").expectProblem(400, "VALIDATION_FAILED");
        // refusals: nobody signed in; accounts that act for no subject (a department, a reviewer)
        Api.gateway().get("/api/v1/subjects/mine/records").expectProblem(401, "UNAUTHENTICATED");
        market.get("/api/v1/subjects/mine/records").expectProblem(404, "SUBJECT_NOT_REGISTERED");
        Api.gateway().as(Tokens.user("reviewer1")).get("/api/v1/subjects/mine/records").expectProblem(404, "SUBJECT_NOT_REGISTERED");
    }

    @Test
    void oneOfMineByIdIsTheItemOfTheListAndAnybodyElsesIsA404() {
        String id = push(Records.penaltyDecided(Records.ENT1, 6));
        Api ent1 = Api.gateway().as(Tokens.user("ent1"));
        JsonNode record = ent1.get("/api/v1/subjects/mine/records/" + id).expect(200).json();
        JsonNode inList = ent1.get("/api/v1/subjects/mine/records?size=100").expect(200).json().path("items").valueStream()
                .filter(i -> i.path("id").asString().equals(id)).findFirst().orElseThrow();
        assertThat(record).isEqualTo(inList);
        assertThat(record.path("subjectCode").asString()).isEqualTo(Records.ENT1);
        assertThat(record.path("publicNow").asBoolean()).isTrue();
        assertThat(record.path("publicReason").asString()).isEqualTo("PUBLIC");
        assertThat(record.has("fields")).isTrue();
        Api.gateway().as(Tokens.user("ent2")).get("/api/v1/subjects/mine/records/" + id).expectProblem(404, "NOT_FOUND");
        Api.gateway().as(Tokens.user("citizen1")).get("/api/v1/subjects/mine/records/" + id).expectProblem(404, "NOT_FOUND");
        Api.gateway().get("/api/v1/subjects/mine/records/" + id).expectProblem(401, "UNAUTHENTICATED");
        ent1.get("/api/v1/subjects/mine/records/" + java.util.UUID.randomUUID()).expectProblem(404, "NOT_FOUND");
        ent1.get("/api/v1/subjects/mine/records/not-a-uuid").expectProblem(404, "NOT_FOUND");
        market.get("/api/v1/subjects/mine/records/" + id).expectProblem(404, "SUBJECT_NOT_REGISTERED");
    }

    @Test
    void theCatalogIsPublicAndOnlyAdminsEditItWithHistory() {
        JsonNode catalog = Api.gateway().get("/api/v1/catalog").expect(200).json();
        assertThat(catalog.path("entries").valueStream().map(e -> e.path("code").asString())).contains("ADM_PENALTY", "PROCUREMENT_BAN");
        JsonNode entry = Api.gateway().get("/api/v1/catalog/CONTRACT_HONORED").expect(200).json();
        Api.gateway().get("/api/v1/catalog/NOPE").expectProblem(404, "NOT_FOUND");
        market.put("/api/v1/catalog/CONTRACT_HONORED", entry).expectProblem(403, "ACCESS_DENIED");
        Api admin = Api.gateway().as(Tokens.user("admin1"));
        int before = Api.gateway().get("/api/v1/catalog/CONTRACT_HONORED/history").expect(200).json().path("revisions").size();
        // a record of the category: the changed rule is announced on the feed for it (the readers summarise it again)
        String honoured = push(Records.record("CONTRACT_HONORED", Records.freshUscc(), Records.doc("柳市监守"), java.time.LocalDate.now().minusDays(3),
                Map.of("validUntil", java.time.LocalDate.now().plusYears(1).toString(), "authority", "柳州市市场监督管理局")));
        Api indexer = Api.service("record").as(Tokens.client("internal-indexer"));
        long head = indexer.get("/internal/v1/changes?after=0&limit=1").expect(200).json().path("headSeq").asLong();
        ((tools.jackson.databind.node.ObjectNode) entry).put("nameEn", "Contract-honouring enterprise " + Records.digits(4));
        JsonNode revision = admin.put("/api/v1/catalog/CONTRACT_HONORED", entry).expect(200).json();
        java.util.List<String> announced = new java.util.ArrayList<>();
        for (long after = head; ; ) {
            JsonNode page = indexer.get("/internal/v1/changes?after=" + after + "&limit=1000").expect(200).json();
            page.path("changes").forEach(c -> {
                if (c.path("kind").asString().equals("RULE_CHANGED")) {
                    announced.add(c.path("entityId").asString());
                }
            });
            if (!page.path("hasMore").asBoolean()) {
                break;
            }
            after = page.path("lastSeq").asLong();
        }
        assertThat(announced).as("the category's records announced on the feed").contains(honoured);
        assertThat(revision.path("source").asString()).isEqualTo("admin:admin1");
        assertThat(Api.gateway().get("/api/v1/catalog/CONTRACT_HONORED/history").expect(200).json().path("revisions").size())
                .isEqualTo(before + 1);
        ((tools.jackson.databind.node.ObjectNode) entry).put("code", "OTHER");
        admin.put("/api/v1/catalog/CONTRACT_HONORED", entry).expectProblem(400, "CATALOG_CODE_MISMATCH");
    }

    /** Every record of the subject's file as the caller sees it, page after page (at most 100 pages of 100). */
    private static java.util.stream.Stream<JsonNode> ownRecords(String token, String code) {
        java.util.List<JsonNode> all = new java.util.ArrayList<>();
        for (int page = 0; page < 100; page++) {
            // a person's own file by "mine": an id number never goes in a URL
            String path = code.equals(Records.CITIZEN1) ? "/api/v1/subjects/mine/records" : "/api/v1/subjects/" + code + "/records";
            JsonNode body = Api.gateway().as(token).get(path + "?size=100&page=" + page).expect(200).json();
            body.path("items").valueStream().forEach(all::add);
            if (body.path("items").size() < 100) {
                break;
            }
        }
        return all.stream();
    }
}
