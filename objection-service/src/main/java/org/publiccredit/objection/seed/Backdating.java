package org.publiccredit.objection.seed;

import java.time.Clock;
import java.util.UUID;
import org.publiccredit.commons.problem.ApiException;
import org.publiccredit.objection.cases.CaseFile;
import org.publiccredit.objection.cases.CaseRepository;
import org.publiccredit.objection.cases.Deadlines;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Seed-only: moves every time of a case (its own, its history, its files, its signed texts) back by whole days, then
 * its next deadline and a SEED_BACKDATE history line, in one transaction. Exists only with the seed endpoint.
 */
@Service
@ConditionalOnProperty(name = "platform.seed.backdating-enabled", havingValue = "true")
class Backdating {

    private static final String SHIFT = "make_interval(days => :days)";

    private final JdbcClient jdbc;
    private final CaseRepository cases;
    private final Deadlines deadlines;
    private final Clock clock;

    Backdating(JdbcClient jdbc, CaseRepository cases, Deadlines deadlines, Clock clock) {
        this.jdbc = jdbc;
        this.cases = cases;
        this.deadlines = deadlines;
        this.clock = clock;
    }

    /** Moves case {@code id} back by {@code days}; 404 when there is no such case. */
    @Transactional
    void backdate(UUID id, int days) {
        cases.find(id).orElseThrow(() -> ApiException.notFound("Case"));
        shift("UPDATE credit_case SET submitted_at = submitted_at - " + SHIFT + ", accepted_at = accepted_at - " + SHIFT
                + ", assigned_at = assigned_at - " + SHIFT + ", proposed_at = proposed_at - " + SHIFT
                + ", decided_at = decided_at - " + SHIFT + " WHERE id = :id", id, days);
        shift("UPDATE case_history SET at = at - " + SHIFT + " WHERE case_id = :id", id, days);
        shift("UPDATE case_attachment SET uploaded_at = uploaded_at - " + SHIFT + " WHERE case_id = :id", id, days);
        shift("UPDATE template_acceptance SET accepted_at = accepted_at - " + SHIFT + " WHERE case_id = :id", id, days);
        CaseFile moved = cases.find(id).orElseThrow();
        cases.update(moved.withDeadline(deadlines.next(moved)), clock.instant());
        cases.systemNote(id, clock.instant(), "SEED_BACKDATE", "seed data: every time of this case moved back " + days
                + " days (local profile only)");
    }

    private void shift(String sql, UUID id, int days) {
        jdbc.sql(sql).param("days", days).param("id", id).update();
    }
}
