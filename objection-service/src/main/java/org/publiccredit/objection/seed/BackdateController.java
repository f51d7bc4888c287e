package org.publiccredit.objection.seed;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import java.time.Clock;
import java.util.UUID;
import org.publiccredit.commons.problem.ApiException;
import org.publiccredit.commons.security.Caller;
import org.publiccredit.commons.security.Role;
import org.publiccredit.objection.cases.CaseFile;
import org.publiccredit.objection.cases.CaseRepository;
import org.publiccredit.objection.cases.Deadlines;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * Seed-only: moves every time of a case back by whole days so that demo data can show overdue cases. It exists
 * only when {@code platform.seed.backdating-enabled} is true (the local profile; never in k8s), answers only admins,
 * and leaves a SEED_BACKDATE line in the case's history, so a backdated case never passes for a real one.
 */
@RestController
@ConditionalOnProperty(name = "platform.seed.backdating-enabled", havingValue = "true")
class BackdateController {

    private final JdbcClient jdbc;
    private final CaseRepository cases;
    private final Deadlines deadlines;
    private final Clock clock;

    BackdateController(JdbcClient jdbc, CaseRepository cases, Deadlines deadlines, Clock clock) {
        this.jdbc = jdbc;
        this.cases = cases;
        this.deadlines = deadlines;
        this.clock = clock;
    }

    record BackdateRequest(@Min(1) @Max(365) int days) {
    }

    @PostMapping("/api/v1/cases/{id}:backdate")
    @Transactional
    ResponseEntity<Void> backdate(@PathVariable UUID id, @Valid @RequestBody BackdateRequest body, Caller caller) {
        if (!caller.has(Role.ADMIN)) {
            throw ApiException.forbidden("ACCESS_DENIED", "Only an admin may backdate seed data");
        }
        cases.find(id).orElseThrow(() -> ApiException.notFound("Case"));
        String shift = "make_interval(days => :days)";
        jdbc.sql("UPDATE credit_case SET submitted_at = submitted_at - " + shift + ", accepted_at = accepted_at - " + shift
                + ", assigned_at = assigned_at - " + shift + ", proposed_at = proposed_at - " + shift
                + ", decided_at = decided_at - " + shift + " WHERE id = :id")
                .param("days", body.days()).param("id", id).update();
        jdbc.sql("UPDATE case_history SET at = at - " + shift + " WHERE case_id = :id").param("days", body.days()).param("id", id).update();
        jdbc.sql("UPDATE case_attachment SET uploaded_at = uploaded_at - " + shift + " WHERE case_id = :id")
                .param("days", body.days()).param("id", id).update();
        jdbc.sql("UPDATE template_acceptance SET accepted_at = accepted_at - " + shift + " WHERE case_id = :id")
                .param("days", body.days()).param("id", id).update();
        CaseFile moved = cases.find(id).orElseThrow();
        cases.update(moved.withDeadline(deadlines.next(moved)), clock.instant());
        cases.systemNote(id, clock.instant(), "SEED_BACKDATE", "seed data: every time of this case moved back " + body.days()
                + " days (local profile only)");
        return ResponseEntity.noContent().build();
    }
}
