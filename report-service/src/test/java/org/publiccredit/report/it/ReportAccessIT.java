package org.publiccredit.report.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.publiccredit.testkit.Api;
import org.publiccredit.testkit.IntegrationTest;
import org.publiccredit.testkit.Tokens;
import tools.jackson.databind.JsonNode;

/** Who gets which edition, through the gateway, and what a natural person's report shows (masked only). */
@IntegrationTest
class ReportAccessIT {

    @Test
    void theSubjectItselfGetsItsFullReportAndOthersGetA404() {
        String text = Fixtures.text(Fixtures.report(Api.gateway().as(Tokens.user("ent1")), Fixtures.ENT1, "full").expect(200).bytes());
        assertThat(text).contains("完整版", "信用主体本人", Fixtures.ENT1);
        Fixtures.report(Api.gateway().as(Tokens.user("ent2")), Fixtures.ENT1, "full").expectProblem(404, "NOT_FOUND");
        Fixtures.report(Api.gateway().as(Tokens.user("citizen1")), Fixtures.ENT1, "full").expectProblem(404, "NOT_FOUND");
    }

    @Test
    void aFullReportNeedsACallerAndARight() {
        String subject = Fixtures.freshUscc();
        Fixtures.push("officer-market", Fixtures.penalty(subject, Fixtures.name(), Fixtures.doc("柳市监罚"), 3));
        Fixtures.report(Api.gateway(), subject, "full").expectProblem(401, "UNAUTHENTICATED");
        // a department that supplied nothing about this subject sees nothing of it
        Fixtures.report(Api.gateway().as(Tokens.user("officer-tax")), subject, "full").expectProblem(404, "NOT_FOUND");
        // a service account has no right to anyone's full report
        Fixtures.report(Api.gateway().as(Tokens.client("svc-objection")), subject, "full").expectProblem(403, "ACCESS_DENIED");
        Fixtures.report(Api.gateway().as(Tokens.user("admin1")), subject, "full").expect(200);
    }

    @Test
    void badRequestsAreProblemsAndAnUnknownSubjectIsA404() {
        Fixtures.report(Api.gateway(), Fixtures.ENT1, "FULL").expectProblem(400, "VALIDATION_FAILED");
        Fixtures.report(Api.gateway(), "12345", "public").expectProblem(400, "VALIDATION_FAILED");
        Api.gateway().post("/api/v1/reports", Map.of("edition", "public")).expectProblem(400, "VALIDATION_FAILED");
        Fixtures.report(Api.gateway(), Fixtures.freshUscc(), "public").expectProblem(404, "NOT_FOUND");
    }

    @Test
    void aPersonIsInThePublicEditionOnlyThroughAPublicListAndOnlyMasked() {
        String person = Fixtures.freshIdNumber();
        String masked = person.substring(0, 6) + "********" + person.substring(14);
        String listing = Fixtures.doc("（2026）桂02执");
        Fixtures.push("officer-court", Fixtures.courtDefaulter(person, "张测试", listing));
        var reply = Fixtures.report(Api.gateway(), person, "public").expect(200);
        String text = Fixtures.text(reply.bytes());
        assertThat(text).contains(masked, listing, "失信被执行人").doesNotContain(person);
        JsonNode issued = Api.gateway().get("/api/v1/public/reports/" + Fixtures.number(reply)).expect(200).json();
        assertThat(issued.path("subject").path("code").asString()).isEqualTo(masked);
        assertThat(issued.path("subject").path("name").asString()).isEqualTo("张**");
        assertThat(issued.toString()).doesNotContain(person);

        // a person with nothing public looks like nobody at all
        String other = Fixtures.freshIdNumber();
        Fixtures.push("officer-market", Fixtures.penalty(other, "李测试", Fixtures.doc("柳市监罚"), 2));
        Fixtures.report(Api.gateway(), other, "public").expectProblem(404, "NOT_FOUND");
        Fixtures.report(Api.gateway(), Fixtures.freshIdNumber(), "public").expectProblem(404, "NOT_FOUND");
    }

    @Test
    void aCitizensOwnFullReportShowsItsNumberMasked() {
        String text = Fixtures.text(Fixtures.report(Api.gateway().as(Tokens.user("citizen1")), "450202199001011237", "full")
                .expect(200).bytes());
        assertThat(text).contains("450202********1237", "信用主体本人").doesNotContain("450202199001011237");
    }
}
