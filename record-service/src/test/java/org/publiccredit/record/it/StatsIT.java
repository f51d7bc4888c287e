package org.publiccredit.record.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.publiccredit.commons.calendar.PlatformZone;
import org.publiccredit.testkit.Api;
import org.publiccredit.testkit.IntegrationTest;
import org.publiccredit.testkit.Tokens;
import tools.jackson.databind.JsonNode;

/**
 * Department statistics through the gateway: 双公示 timeliness counts the categories the catalog marks
 * {@code doublePublicity} (a penalty), not the others (a safety black-list entry); officers see their own department.
 */
@IntegrationTest
class StatsIT {

    private final Api emergency = Api.gateway().as(Tokens.user("officer-emergency"));

    private JsonNode month(Api who) {
        String month = YearMonth.now(PlatformZone.ZONE).toString();
        return who.get("/api/v1/stats/departments?month=" + month).expect(200).json();
    }

    private static JsonNode row(JsonNode stats, String department) {
        for (JsonNode r : stats.path("departments")) {
            if (department.equals(r.path("department").asString())) {
                return r;
            }
        }
        return null;
    }

    private static long doublePublicity(JsonNode row) {
        return row == null ? 0 : row.path("doublePublicityRecords").asLong();
    }

    @Test
    void timelinessCountsTheCatalogsDoublePublicityCategoriesOnly() {
        long before = doublePublicity(row(month(emergency), "emergency"));
        LocalDate today = LocalDate.now(PlatformZone.ZONE);
        Map<String, Object> penalty = Records.record("ADM_PENALTY", Records.freshUscc(), Records.doc("柳应急罚"), today,
                Records.penaltyFields());
        emergency.post("/api/v1/records", penalty).expect(201);
        emergency.post("/api/v1/records", Records.record("SAFETY_SERIOUS", Records.freshUscc(), Records.doc("柳应急黑"), today,
                Map.of("violationFacts", "发生较大生产安全事故", "authority", "柳州市应急管理局"))).expect(201);

        JsonNode stats = month(emergency);
        JsonNode mine = row(stats, "emergency");
        assertThat(doublePublicity(mine)).as("the penalty counts, the black-list entry does not").isEqualTo(before + 1);
        assertThat(mine.path("timely").asLong()).isPositive();
        assertThat(stats.path("departments").size()).as("an officer sees his own department only").isEqualTo(1);
        assertThat(row(month(Api.gateway().as(Tokens.user("reviewer1"))), "emergency")).as("reviewers see all").isNotNull();

        emergency.get("/api/v1/stats/departments?month=2026-13").expectProblem(400, "VALIDATION_FAILED");
        Api.gateway().as(Tokens.user("ent1")).get("/api/v1/stats/departments?month=2026-11").expect(403);
    }
}
