package org.publiccredit.subject;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.publiccredit.testkit.Api;
import org.publiccredit.testkit.IntegrationTest;
import org.publiccredit.testkit.Reply;
import org.publiccredit.testkit.Tokens;
import tools.jackson.databind.JsonNode;

/** The registry API through the gateway with real tokens: writes, idempotency, views by role, refusals. */
@IntegrationTest
class SubjectApiIT {

    private static final Api OFFICER = Api.gateway().as(Tokens.user("officer-market"));
    private static final Api PARTNER = Api.gateway().as(Tokens.client("partner-bank"));

    @Test
    void postCreatesThenIsIdempotentOnTheCodeAndANameChangeKeepsTheFormerName() {
        String code = Subjects.freshUscc('1');
        Map<String, Object> body = Subjects.enterprise(code, Subjects.name("柳州测试机械有限公司"));

        Reply created = OFFICER.post("/api/v1/subjects", body).expect(201);
        assertThat(created.header("Location")).containsExactly("/api/v1/subjects/" + code);
        JsonNode subject = created.json().path("subject");
        assertThat(created.json().path("outcome").asString()).isEqualTo("CREATED");
        assertThat(subject.path("view").asString()).isEqualTo("FULL");
        assertThat(subject.path("type").asString()).isEqualTo("ENTERPRISE");
        assertThat(subject.path("region").asString()).isEqualTo(code.substring(2, 8));
        assertThat(subject.path("registrationStatus").asString()).isEqualTo("ACTIVE");
        assertThat(subject.path("registrationStatusLabel").asString()).isEqualTo("存续");
        assertThat(subject.path("verified").asBoolean()).as("market registers enterprises").isTrue();
        assertThat(subject.path("version").asLong()).isZero();

        Reply same = OFFICER.post("/api/v1/subjects", body).expect(200);
        assertThat(same.json().path("outcome").asString()).isEqualTo("UNCHANGED");
        assertThat(same.json().path("subject").path("version").asLong()).isZero();

        String oldName = (String) body.get("name");
        body.put("name", Subjects.name("柳州测试重工有限公司"));
        Reply renamed = OFFICER.post("/api/v1/subjects", body).expect(200);
        assertThat(renamed.json().path("outcome").asString()).isEqualTo("UPDATED");
        JsonNode after = renamed.json().path("subject");
        assertThat(after.path("version").asLong()).isEqualTo(1);
        assertThat(after.path("formerNames")).hasSize(1);
        assertThat(after.path("formerNames").get(0).path("name").asString()).isEqualTo(oldName);
        assertThat(after.path("formerNames").get(0).path("until").asString())
                .isEqualTo(LocalDate.now(ZoneId.of("Asia/Shanghai")).toString());

        JsonNode publicView = Subjects.anonymous().get("/api/v1/subjects/" + code).expect(200).json();
        assertThat(publicView.path("name").asString()).isEqualTo(body.get("name"));
        assertThat(publicView.path("formerNames").get(0).path("name").asString()).isEqualTo(oldName);
    }

    @Test
    void putUpdatesByIdOrCodeAndRefusesAnotherIdentifier() {
        String code = Subjects.freshUscc('1');
        Map<String, Object> body = Subjects.enterprise(code, Subjects.name("柳州测试贸易有限公司"));
        String id = OFFICER.post("/api/v1/subjects", body).expect(201).json().path("subject").path("id").asString();

        body.put("address", "柳州市鱼峰区新地址2号");
        Reply byId = OFFICER.put("/api/v1/subjects/" + id, body).expect(200);
        assertThat(byId.json().path("outcome").asString()).isEqualTo("UPDATED");
        assertThat(byId.json().path("subject").path("address").asString()).isEqualTo("柳州市鱼峰区新地址2号");
        assertThat(OFFICER.put("/api/v1/subjects/" + code, body).expect(200).json().path("outcome").asString()).isEqualTo("UNCHANGED");

        body.put("code", Subjects.freshUscc('1'));
        OFFICER.put("/api/v1/subjects/" + code, body).expectProblem(400, "IDENTIFIER_MISMATCH");
        OFFICER.put("/api/v1/subjects/" + Subjects.freshUscc('1'), body).expectProblem(404, "NOT_FOUND");
    }

    @Test
    void aStatedTypeMustAgreeWithTheCode() {
        Map<String, Object> soleTrader = Subjects.enterprise(Subjects.freshUscc('2'), Subjects.name("柳州测试小吃店"));
        soleTrader.put("type", "ENTERPRISE");
        JsonNode problem = OFFICER.post("/api/v1/subjects", soleTrader).expectProblem(400, "SUBJECT_TYPE_MISMATCH");
        assertThat(problem.path("errors").get(0).path("field").asString()).isEqualTo("type");

        soleTrader.put("type", "个体工商户");
        assertThat(OFFICER.post("/api/v1/subjects", soleTrader).expect(201).json().path("subject").path("type").asString())
                .isEqualTo("INDIVIDUAL_BUSINESS");
        Map<String, Object> coop = Subjects.enterprise(Subjects.freshUscc('3'), Subjects.name("柳州测试种植专业合作社"));
        assertThat(OFFICER.post("/api/v1/subjects", coop).expect(201).json().path("subject").path("typeLabel").asString())
                .isEqualTo("农民专业合作社");
    }

    @Test
    void aRegistrationDateBeforeThe1949FoundingIsRefusedOnEveryWritePath() {
        for (String date : new String[] {"-0001-01-01", "1900-01-01", "1949-09-30"}) {
            Map<String, Object> subject = Subjects.enterprise(Subjects.freshUscc('1'), Subjects.name("柳州测试日期有限公司"));
            subject.put("registrationDate", date);
            JsonNode problem = OFFICER.post("/api/v1/subjects", subject).expectProblem(400, "VALIDATION_FAILED");
            assertThat(problem.path("errors").findValuesAsString("code")).as(date).containsExactly("DATE_TOO_OLD");
        }
        Map<String, Object> subject = Subjects.enterprise(Subjects.freshUscc('1'), Subjects.name("柳州测试日期有限公司"));
        subject.put("registrationDate", "1949-10-01");
        OFFICER.post("/api/v1/subjects", subject).expect(201);
    }

    @Test
    void badInputIsAProblemWithEveryFieldNeverA500() {
        Map<String, Object> bad = Subjects.enterprise("91450200MA5K00012X", "");
        bad.put("registrationDate", "yesterday");
        bad.put("industry", "Z");
        JsonNode problem = OFFICER.post("/api/v1/subjects", bad).expectProblem(400, "IDENTIFIER_INVALID");
        assertThat(problem.path("errors").findValuesAsString("code"))
                .containsExactlyInAnyOrder("USCC_CHECK_DIGIT", "FIELD_REQUIRED", "DATE_INVALID", "INDUSTRY_UNKNOWN");
        OFFICER.post("/api/v1/subjects", "{not json").expectProblem(400, "MALFORMED_BODY");
        OFFICER.post("/api/v1/subjects", Map.of("name", "无代码")).expectProblem(400, "IDENTIFIER_INVALID");
        OFFICER.post("/api/v1/subjects", Subjects.enterprise(Subjects.freshUscc('1'), "长".repeat(70_000)))
                .expectProblem(413, "PAYLOAD_TOO_LARGE");
    }

    @Test
    void citizensAndEnterprisesCannotWriteSubjects() {
        Map<String, Object> body = Subjects.enterprise(Subjects.freshUscc('1'), Subjects.name("柳州测试"));
        Api.gateway().as(Tokens.user("citizen1")).post("/api/v1/subjects", body).expectProblem(403, "ACCESS_DENIED");
        Api.gateway().as(Tokens.user("ent1")).post("/api/v1/subjects", body).expectProblem(403, "ACCESS_DENIED");
        Api.gateway().as(Tokens.user("ent1")).put("/api/v1/subjects/" + Subjects.ENT1, body).expectProblem(403, "ACCESS_DENIED");
        Api.gateway().as(Tokens.user("reviewer1")).post("/api/v1/subjects", body).expectProblem(403, "ACCESS_DENIED");
        Subjects.anonymous().post("/api/v1/subjects", body).expectProblem(401, "UNAUTHENTICATED");
        Subjects.anonymous().get("/api/v1/subjects/" + body.get("code")).expectProblem(404, "NOT_FOUND");
    }

    @Test
    void thePublicViewForAnyoneTheFullViewForOfficersAndTheOwnEnterprise() {
        Subjects.ensure(Subjects.ENT1);
        Subjects.ensure(Subjects.ENT2);

        JsonNode anonymous = Subjects.anonymous().get("/api/v1/subjects/" + Subjects.ENT1).expect(200).json();
        assertThat(anonymous.path("view").asString()).isEqualTo("PUBLIC");
        assertThat(anonymous.has("verified")).isFalse();
        assertThat(anonymous.has("source")).isFalse();

        Api ent1 = Api.gateway().as(Tokens.user("ent1"));
        assertThat(ent1.get("/api/v1/subjects/" + Subjects.ENT1).expect(200).json().path("view").asString()).isEqualTo("FULL");
        assertThat(ent1.get("/api/v1/subjects/" + Subjects.ENT2).expect(200).json().path("view").asString()).isEqualTo("PUBLIC");
        JsonNode mine = ent1.get("/api/v1/subjects/mine").expect(200).json();
        assertThat(mine.path("code").asString()).isEqualTo(Subjects.ENT1);
        assertThat(mine.path("view").asString()).isEqualTo("FULL");

        assertThat(Api.gateway().as(Tokens.user("officer-tax")).get("/api/v1/subjects/" + Subjects.ENT2).expect(200).json()
                .path("view").asString()).isEqualTo("FULL");
        assertThat(Api.gateway().as(Tokens.user("admin1")).get("/api/v1/subjects/" + Subjects.ENT2).expect(200).json()
                .path("view").asString()).isEqualTo("FULL");
        assertThat(PARTNER.get("/api/v1/subjects/" + Subjects.ENT1).expect(200).json().path("view").asString()).isEqualTo("PUBLIC");
        // the id works as well as the code
        String id = anonymous.path("id").asString();
        assertThat(Subjects.anonymous().get("/api/v1/subjects/" + id).expect(200).json().path("code").asString()).isEqualTo(Subjects.ENT1);
        Subjects.anonymous().get("/api/v1/subjects/not-a-code").expectProblem(404, "NOT_FOUND");
    }

    @Test
    void mineWithoutARegisteredSubjectIsAProblem() {
        Api.gateway().as(Tokens.user("officer-market")).get("/api/v1/subjects/mine").expectProblem(404, "SUBJECT_NOT_REGISTERED");
        Subjects.anonymous().get("/api/v1/subjects/mine").expectProblem(401, "UNAUTHENTICATED");
    }

    @Test
    void aPartnerCreatesUnverifiedSubjectsAndCannotChangeVerifiedOnes() {
        String code = Subjects.freshUscc('1');
        Map<String, Object> body = Subjects.enterprise(code, Subjects.name("柳州测试物流有限公司"));
        JsonNode created = PARTNER.post("/api/v1/subjects", body).expect(201).json().path("subject");
        assertThat(created.path("verified").asBoolean()).isFalse();
        assertThat(created.path("source").asString()).isEqualTo("bank");

        body.put("legalRepresentative", "新法人");
        assertThat(PARTNER.post("/api/v1/subjects", body).expect(200).json().path("outcome").asString()).isEqualTo("UPDATED");
        assertThat(OFFICER.post("/api/v1/subjects", body).expect(200).json().path("subject").path("verified").asBoolean())
                .as("the registration authority confirms it").isTrue();
        body.put("legalRepresentative", "再换法人");
        PARTNER.post("/api/v1/subjects", body).expectProblem(409, "SUBJECT_VERIFIED");
        body.put("legalRepresentative", "新法人");
        assertThat(PARTNER.post("/api/v1/subjects", body).expect(200).json().path("outcome").asString())
                .as("the same data is no change").isEqualTo("UNCHANGED");
    }
}
