package org.publiccredit.subject;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.publiccredit.testkit.Api;
import org.publiccredit.testkit.IntegrationTest;
import org.publiccredit.testkit.Reply;
import org.publiccredit.testkit.Tokens;
import tools.jackson.databind.JsonNode;

/**
 * Natural persons: never public, masked everywhere, the full number only to an admin with a reason, every reveal and
 * look-up audited, and no raw number in any other answer or in the service log.
 */
@IntegrationTest
class PersonIT {

    private static final Api OFFICER = Api.gateway().as(Tokens.user("officer-market"));
    private static final Api ADMIN = Api.gateway().as(Tokens.user("admin1"));
    private static final Api PARTNER = Api.gateway().as(Tokens.client("partner-tax"));

    /** Every answer of these tests except the reveal, checked for the raw numbers at the end of each test. */
    private final List<Reply> answers = new ArrayList<>();

    private Reply seen(Reply reply) {
        answers.add(reply);
        return reply;
    }

    private void assertNoRawNumberIn(String... numbers) {
        for (Reply r : answers) {
            for (String n : numbers) {
                assertThat(r.text()).as("an answer holds a raw id number").doesNotContain(n);
            }
        }
        ServiceLog.assertNeverContains(numbers);
    }

    private String createPerson(String number) {
        Reply created = seen(OFFICER.post("/api/v1/subjects", Subjects.person(number, Subjects.name("测试人"))).expect(201));
        JsonNode subject = created.json().path("subject");
        assertThat(subject.path("kind").asString()).isEqualTo("ID_NUMBER");
        assertThat(subject.path("type").asString()).isEqualTo("NATURAL_PERSON");
        assertThat(subject.path("masked").asString()).isEqualTo(number.substring(0, 6) + "********" + number.substring(14));
        assertThat(subject.has("code")).isFalse();
        String id = subject.path("id").asString();
        assertThat(created.header("Location")).containsExactly("/api/v1/subjects/" + id);
        return id;
    }

    @Test
    void aPersonIsCreatedIdempotentlyAndIsNeverPublic() {
        String number = Subjects.freshIdNumber();
        String id = createPerson(number);
        Map<String, Object> again = Subjects.person(number, "再次");
        assertThat(seen(OFFICER.post("/api/v1/subjects", again).expect(200)).json().path("subject").path("id").asString()).isEqualTo(id);

        seen(Subjects.anonymous().get("/api/v1/subjects/" + id)).expectProblem(404, "NOT_FOUND");
        seen(Api.gateway().as(Tokens.user("ent1")).get("/api/v1/subjects/" + id)).expectProblem(404, "NOT_FOUND");
        seen(Api.gateway().as(Tokens.user("citizen1")).get("/api/v1/subjects/" + id)).expectProblem(404, "NOT_FOUND");
        seen(PARTNER.get("/api/v1/subjects/" + id)).expectProblem(404, "NOT_FOUND");
        JsonNode officerView = seen(OFFICER.get("/api/v1/subjects/" + id)).expect(200).json();
        assertThat(officerView.path("view").asString()).isEqualTo("FULL");
        assertThat(officerView.path("masked").asString()).endsWith(number.substring(14));
        assertThat(seen(ADMIN.get("/api/v1/subjects/" + id)).expect(200).json().path("view").asString()).isEqualTo("FULL");
        // never by the number in the path: refused as such (URLs are kept in logs), the number goes in a POST body
        seen(OFFICER.get("/api/v1/subjects/" + number)).expectProblem(400, "ID_NUMBER_IN_URL");

        assertThat(Db.query("SELECT id_masked FROM subject WHERE id = ?::uuid", id).getFirst().get("id_masked").toString())
                .doesNotContain(number);
        assertThat(Db.number("SELECT count(*) FROM subject WHERE id = ?::uuid AND (code IS NOT NULL OR id_masked LIKE ?)", id, "%" + number + "%"))
                .isZero();
        assertNoRawNumberIn(number);
    }

    @Test
    void revealIsForAdminsWithAReasonAndAudited() {
        String number = Subjects.freshIdNumber();
        String id = createPerson(number);

        seen(OFFICER.post("/api/v1/subjects/" + id + "/id-number:reveal", Map.of("reason", "核查行政处罚当事人身份")))
                .expectProblem(403, "ACCESS_DENIED");
        seen(Api.gateway().as(Tokens.user("citizen1")).post("/api/v1/subjects/" + id + "/id-number:reveal",
                Map.of("reason", "想看看别人的号码是什么"))).expectProblem(403, "ACCESS_DENIED");
        seen(PARTNER.post("/api/v1/subjects/" + id + "/id-number:reveal", Map.of("reason", "核查行政处罚当事人身份")))
                .expectProblem(403, "ACCESS_DENIED");
        JsonNode tooShort = seen(ADMIN.post("/api/v1/subjects/" + id + "/id-number:reveal", Map.of("reason", "看看")))
                .expectProblem(400, "VALIDATION_FAILED");
        assertThat(tooShort.path("errors").get(0).path("field").asString()).isEqualTo("reason");
        // white space around the reason does not count towards the 10 characters (nine characters here)
        seen(ADMIN.post("/api/v1/subjects/" + id + "/id-number:reveal", Map.of("reason", "        \u3000核查行政处罚当事人 \t")))
                .expectProblem(400, "VALIDATION_FAILED");
        assertThat(Db.number("SELECT count(*) FROM pii_access_audit WHERE subject_id = ?::uuid", id)).isZero();

        String reason = "异议核查：核对行政处罚当事人身份 " + Subjects.name("#");
        Reply revealed = ADMIN.post("/api/v1/subjects/" + id + "/id-number:reveal", Map.of("reason", reason)).expect(200);
        assertThat(revealed.json().path("idNumber").asString()).isEqualTo(number);
        assertThat(revealed.json().path("subjectId").asString()).isEqualTo(id);

        JsonNode audit = seen(ADMIN.get("/api/v1/subjects/" + id + "/pii-access")).expect(200).json();
        assertThat(audit).hasSize(1);
        assertThat(audit.get(0).path("action").asString()).isEqualTo("REVEAL");
        assertThat(audit.get(0).path("actor").asString()).isEqualTo("admin1");
        assertThat(audit.get(0).path("reason").asString()).isEqualTo(reason);
        assertThat(audit.get(0).path("at").asString()).isNotBlank();
        seen(OFFICER.get("/api/v1/subjects/" + id + "/pii-access")).expectProblem(403, "ACCESS_DENIED");
        assertThat(Db.number("SELECT count(*) FROM pii_access_audit WHERE subject_id = ?::uuid AND action = 'REVEAL'", id)).isOne();
        seen(ADMIN.post("/api/v1/subjects/" + Subjects.ensure(Subjects.ENT1) + "/id-number:reveal", Map.of("reason", reason)))
                .expectProblem(404, "NOT_FOUND");
        assertNoRawNumberIn(number);
    }

    @Test
    void lookupByNumberIsForOfficersPartnersAndAdminsWithAPurposeAndAudited() {
        String number = Subjects.freshIdNumber();
        String id = createPerson(number);
        Map<String, Object> request = Map.of("idNumber", number, "purpose", "信用核查：招标投标资格审查");

        seen(Api.gateway().as(Tokens.user("citizen1")).post("/api/v1/subjects/lookup", request)).expectProblem(403, "ACCESS_DENIED");
        seen(Api.gateway().as(Tokens.user("ent1")).post("/api/v1/subjects/lookup", request)).expectProblem(403, "ACCESS_DENIED");
        seen(PARTNER.post("/api/v1/subjects/lookup", Map.of("idNumber", number))).expectProblem(400, "VALIDATION_FAILED");

        JsonNode found = seen(PARTNER.post("/api/v1/subjects/lookup", request)).expect(200).json();
        assertThat(found.path("id").asString()).isEqualTo(id);
        assertThat(found.path("masked").asString()).startsWith(number.substring(0, 6)).endsWith(number.substring(14));
        assertThat(seen(OFFICER.post("/api/v1/subjects/lookup", request)).expect(200).json().path("id").asString()).isEqualTo(id);

        JsonNode audit = seen(ADMIN.get("/api/v1/subjects/" + id + "/pii-access")).expect(200).json();
        assertThat(audit).hasSize(2);
        assertThat(audit.findValuesAsString("action")).containsOnly("LOOKUP");
        assertThat(audit.findValuesAsString("actor")).containsExactlyInAnyOrder("officer-market", "service-account-partner-tax");
        assertThat(audit.findValuesAsString("reason")).containsOnly("信用核查：招标投标资格审查");

        String unknown = Subjects.freshIdNumber();
        seen(PARTNER.post("/api/v1/subjects/lookup", Map.of("idNumber", unknown, "purpose", "信用核查"))).expectProblem(404, "NOT_FOUND");
        assertThat(Db.number("SELECT count(*) FROM pii_access_audit WHERE subject_id IS NULL AND reason = '信用核查' AND at > now() - interval '1 minute'"))
                .as("a look-up that finds nobody is audited too").isPositive();
        JsonNode invalid = seen(PARTNER.post("/api/v1/subjects/lookup", Map.of("idNumber", "450202199001011238", "purpose", "信用核查")))
                .expectProblem(400, "IDENTIFIER_INVALID");
        assertThat(invalid.path("errors").get(0).path("code").asString()).isEqualTo("ID_NUMBER_CHECK_DIGIT");
        assertNoRawNumberIn(number, unknown);
    }

    @Test
    void aCitizenSeesHisOwnSubjectThroughMine() {
        Subjects.ensure(Subjects.CITIZEN1);
        JsonNode mine = seen(Api.gateway().as(Tokens.user("citizen1")).get("/api/v1/subjects/mine")).expect(200).json();
        assertThat(mine.path("kind").asString()).isEqualTo("ID_NUMBER");
        assertThat(mine.path("masked").asString()).isEqualTo("450202********1237");
        assertThat(mine.path("view").asString()).isEqualTo("FULL");
        assertNoRawNumberIn(Subjects.CITIZEN1);
    }

    @Test
    void theAuditCannotBeChangedEvenInTheDatabase() {
        String id = createPerson(Subjects.freshIdNumber());
        ADMIN.post("/api/v1/subjects/" + id + "/id-number:reveal", Map.of("reason", "核查数据质量问题工单")).expect(200);
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> Db.query("DELETE FROM pii_access_audit WHERE subject_id = ?::uuid RETURNING id", id))
                .hasMessageContaining("append-only");
    }
}
