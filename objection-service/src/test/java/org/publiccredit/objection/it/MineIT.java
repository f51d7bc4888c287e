package org.publiccredit.objection.it;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.publiccredit.testkit.Api;
import org.publiccredit.testkit.IntegrationTest;
import tools.jackson.databind.JsonNode;

/** {@code GET /api/v1/cases/mine}, the service's protected endpoint, and the public calendar. */
@IntegrationTest
class MineIT {

    @Test
    void mineIsAListForApplicantsAndNeedsAToken() {
        JsonNode mine = Fixtures.as("ent1").get("/api/v1/cases/mine").expect(200).json();
        assertThat(mine.isArray()).isTrue();
        assertThat(Fixtures.as("officer-market").get("/api/v1/cases/mine").expect(200).json().isArray()).isTrue();
        Api.gateway().get("/api/v1/cases/mine").expectProblem(401, "UNAUTHENTICATED");
        Fixtures.as("ent1").get("/api/v1/cases/mine?size=1000").expectProblem(400, "VALIDATION_FAILED");
    }

    @Test
    void theCalendarIsPublicAndAMissingYearSaysSo() {
        JsonNode y = Api.gateway().get("/api/v1/calendar/2026").expect(200).json();
        assertThat(y.path("status").asString()).isEqualTo("OFFICIAL");
        assertThat(y.path("makeUpWorkdays").findValuesAsString("date")).contains("2026-09-20", "2026-10-10");
        Api.gateway().get("/api/v1/calendar/2031").expectProblem(404, "CALENDAR_YEAR_MISSING");
        Api.gateway().get("/api/v1/calendar/abc").expectProblem(400, "PARAMETER_INVALID");
    }

    @Test
    void queuesAreForStaffWithCounts() {
        JsonNode q = Fixtures.as("officer-market").get("/api/v1/cases?queue=overdue").expect(200).json();
        assertThat(q.path("scope").asString()).isEqualTo("department");
        assertThat(q.path("counts").has("due-soon")).isTrue();
        Fixtures.as("reviewer1").get("/api/v1/cases?queue=later").expectProblem(400, "PARAMETER_INVALID");
        Fixtures.as("citizen1").get("/api/v1/cases?queue=new").expectProblem(403, "ACCESS_DENIED");
    }
}
