package org.publiccredit.objection.stats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.publiccredit.commons.problem.ApiException;
import org.publiccredit.commons.security.Caller;
import org.publiccredit.commons.security.Role;

/** Who sees which cases' statistics, and the refusals. */
class StatsScopeTest {

    static Caller caller(Set<Role> roles, String uscc, String department, String region) {
        return new Caller("sub", "user", "portal", roles, uscc, department, null, region);
    }

    @Test
    void adminsSeeEveryCase() {
        StatsScope s = StatsScope.of(caller(Set.of(Role.ADMIN), null, null, null));
        assertThat(s.name()).isEqualTo("all");
        assertThat(s.sql()).isEqualTo("TRUE");
    }

    @Test
    void reviewersSeeTheirRegion() {
        StatsScope s = StatsScope.of(caller(Set.of(Role.REVIEWER), null, null, "4502"));
        assertThat(s.name()).isEqualTo("region");
        assertThat(s.params()).isEqualTo(Map.of("region", "4502%"));
    }

    @Test
    void officersSeeTheirDepartment() {
        StatsScope s = StatsScope.of(caller(Set.of(Role.OFFICER), null, "market", null));
        assertThat(s.name()).isEqualTo("department");
        assertThat(s.params()).isEqualTo(Map.of("department", "market"));
    }

    @Test
    void everybodyElseIsRefused() {
        for (Caller c : new Caller[] {
                caller(Set.of(Role.ENTERPRISE), "91450200MA5K00012P", null, null),
                caller(Set.of(Role.CITIZEN), null, null, null),
                caller(Set.of(Role.PARTNER), null, "bank", null),
                caller(Set.of(Role.REVIEWER), null, null, null),
                caller(Set.of(Role.REVIEWER), null, null, "45%"),
                caller(Set.of(Role.OFFICER), null, null, null),
                Caller.ANONYMOUS}) {
            assertThatThrownBy(() -> StatsScope.of(c)).as(c.toString()).isInstanceOfSatisfying(ApiException.class, e -> {
                assertThat(e.status().value()).isEqualTo(403);
                assertThat(e.code()).isEqualTo("ACCESS_DENIED");
            });
        }
    }
}
