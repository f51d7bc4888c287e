package org.publiccredit.record.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.Test;
import org.publiccredit.commons.id.IdNumber;
import org.publiccredit.testkit.Api;
import org.publiccredit.testkit.Burst;
import org.publiccredit.testkit.IntegrationTest;
import org.publiccredit.testkit.Reply;
import org.publiccredit.testkit.Tokens;
import tools.jackson.databind.JsonNode;

/** Issue 21: reads resolve without creating; concurrent first pushes; one decision-date rule for push and PATCH. */
@IntegrationTest
class ReadsNeverWriteIT {

    private final Api market = Api.gateway().as(Tokens.user("officer-market"));

    /** A fresh, valid id number of Liuzhou (random birth date and sequence). */
    static String freshIdNumber() {
        LocalDate born = LocalDate.of(1950, 1, 1).plusDays(ThreadLocalRandom.current().nextInt(365 * 50));
        String first17 = "450202" + born.toString().replace("-", "") + Records.digits(3);
        return first17 + IdNumber.checkCharacter(first17);
    }

    /** How many of these identifiers subject-service has a subject for (a look-up: creates nothing). */
    private static int registered(List<String> identifiers) {
        int count = 0;
        for (int from = 0; from < identifiers.size(); from += 1000) {
            List<Map<String, Object>> items = identifiers.subList(from, Math.min(identifiers.size(), from + 1000)).stream()
                    .map(id -> Map.<String, Object>of("identifier", id)).toList();
            JsonNode results = Api.service("subject").as(Tokens.client("svc-record"))
                    .post("/internal/v1/subjects:resolveBatch", Map.of("items", items, "create", false)).expect(200).json()
                    .path("results");
            for (JsonNode r : results) {
                if (!r.path("ref").isMissingNode() && !r.path("ref").isNull()) {
                    count++;
                }
            }
        }
        return count;
    }

    @Test
    void readingTheRecordsOfAThousandUnknownIdNumbersRegistersNoOne() throws InterruptedException {
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < 1000; i++) {
            String id = freshIdNumber();
            assertThat(IdNumber.check(id).valid()).as(id).isTrue();
            ids.add(id);
        }
        assertThat(registered(ids)).isZero();
        String reviewer = Tokens.user("reviewer1");
        // through the gateway for a few (its rate limit allows a user about 50 a second), the rest at record-service
        for (String id : ids.subList(0, 20)) {
            JsonNode page = Api.gateway().as(reviewer).post("/api/v1/subjects/records:lookup", Map.of("idNumber", id)).expect(200).json();
            assertThat(page.path("total").asInt()).isZero();
        }
        List<Reply> replies = Burst.of(ids.size() - 20, 16,
                n -> Api.service("record").as(reviewer).post("/api/v1/subjects/records:lookup", Map.of("idNumber", ids.get(20 + n))));
        assertThat(replies).extracting(Reply::status).containsOnly(200);
        // a department reading an unknown person: not found, and not registered either
        Api.gateway().as(Tokens.user("officer-market")).post("/api/v1/subjects/records:lookup", Map.of("idNumber", freshIdNumber()))
                .expectProblem(404, "NOT_FOUND");
        assertThat(registered(ids)).isZero();
    }

    @Test
    void aCreditCheckOfUnknownPersonsRegistersNoOneAndFindsNothingInForce() {
        List<String> ids = List.of(freshIdNumber(), freshIdNumber());
        JsonNode result = Api.gateway().as(Tokens.client("partner-bank")).post("/api/v1/checks",
                Map.of("scenario", "GOV_PROCUREMENT", "subjects", ids, "purpose", "投标资格审查")).expect(201).json();
        assertThat(registered(ids)).isZero();
        for (JsonNode r : result.path("results")) {
            assertThat(r.path("status").asString()).as("not registered is not a clean subject").isEqualTo("NOT_REGISTERED");
            assertThat(r.path("blackList").size() + r.path("redList").size()).isZero();
        }
        // an organisation's valid code nobody registered: NOT_REGISTERED too; a registered one: CHECKED with its name
        String unregistered = Records.freshUscc();
        JsonNode orgs = Api.gateway().as(Tokens.client("partner-bank")).post("/api/v1/checks",
                Map.of("scenario", "GOV_PROCUREMENT", "subjects", List.of(unregistered, Records.ENT1), "purpose", "投标资格审查")).expect(201).json();
        assertThat(orgs.path("results").get(0).path("status").asString()).isEqualTo("NOT_REGISTERED");
        assertThat(orgs.path("results").get(1).path("status").asString()).isEqualTo("CHECKED");
        assertThat(orgs.path("results").get(1).path("name").asString()).isNotBlank();
    }

    @Test
    void concurrentFirstPushesOfOneNaturalKeyAreOneCreatedTheRestUnchangedNeverA5xx() throws InterruptedException {
        for (int round = 0; round < 5; round++) {
            Map<String, Object> record = Records.penaltyDecided(Records.freshUscc(), 3);
            List<Reply> replies = Burst.of(8, 8, n -> market.post("/api/v1/records", record));
            assertThat(replies).extracting(Reply::status).allSatisfy(s -> assertThat(s).isIn(200, 201));
            List<String> results = replies.stream().map(r -> r.json().path("result").asString()).toList();
            assertThat(results).filteredOn("created"::equals).hasSize(1);
            assertThat(results).filteredOn(r -> !r.equals("created")).allSatisfy(r -> assertThat(r).isIn("unchanged", "updated"));
            assertThat(replies.stream().map(r -> r.json().path("id").asString()).distinct()).hasSize(1);
        }
    }

    @Test
    void aCorrectionKeepsThePushsDecisionDateRule() {
        String id = market.post("/api/v1/records", Records.penaltyDecided(Records.freshUscc(), 3)).expect(201).json()
                .path("id").asString();
        for (String date : List.of("1900-01-01", "-0001-01-01", "1989-12-31")) {
            JsonNode problem = market.patch("/api/v1/records/" + id, Map.of("decisionDate", date, "note", "更正日期"))
                    .expectProblem(400, "VALIDATION_FAILED");
            assertThat(problem.path("errors").get(0).path("field").asString()).isEqualTo("decisionDate");
            assertThat(problem.path("errors").get(0).path("code").asString()).isEqualTo("DECISION_DATE_TOO_OLD");
        }
        market.patch("/api/v1/records/" + id, Map.of("decisionDate", LocalDate.now().plusDays(2).toString(), "note", "更正日期"))
                .expectProblem(400, "VALIDATION_FAILED");
        Map<String, Object> fields = new HashMap<>();
        fields.put("decisionDate", LocalDate.now().minusDays(5).toString());
        fields.put("note", "更正日期");
        JsonNode corrected = market.patch("/api/v1/records/" + id, fields).expect(200).json();
        assertThat(corrected.path("decisionDate").asString()).isEqualTo(LocalDate.now().minusDays(5).toString());
    }
}
