package org.publiccredit.objection.stats;

import java.util.Map;
import org.publiccredit.commons.problem.ApiException;
import org.publiccredit.commons.security.Caller;
import org.publiccredit.commons.security.Role;
import org.publiccredit.objection.cases.CaseAccess;

/**
 * Which cases a caller's statistics cover, from the token only: an admin all of them, a reviewer the cases of
 * their region, an officer the cases about their department's records. Anyone else is refused (403).
 *
 * @param name {@code all}, {@code region} or {@code department}
 * @param value the region prefix or department code (null for all)
 * @param sql the SQL condition on {@code credit_case}
 * @param params its parameters
 */
record StatsScope(String name, String value, String sql, Map<String, Object> params) {

    static StatsScope of(Caller caller) {
        if (caller.has(Role.ADMIN)) {
            return new StatsScope("all", null, "TRUE", Map.of());
        }
        var region = CaseAccess.reviewerRegion(caller);
        if (region.isPresent()) {
            return new StatsScope("region", region.get(), "record_region LIKE :region", Map.of("region", region.get() + "%"));
        }
        var department = CaseAccess.officerDepartment(caller);
        if (department.isPresent()) {
            return new StatsScope("department", department.get(), "record_department = :department",
                    Map.of("department", department.get()));
        }
        throw ApiException.forbidden("ACCESS_DENIED",
                "Case statistics are for admins, reviewers (with a region) and department officers (with a department)");
    }
}
