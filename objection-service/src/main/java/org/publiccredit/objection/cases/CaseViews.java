package org.publiccredit.objection.cases;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.publiccredit.objection.attachment.Attachments;
import org.publiccredit.objection.effect.EffectOutbox;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Builds what callers see of a case. The applicant sees the roles of the staff who acted, not their names; staff
 * see the names. Nobody sees the stored files' bytes here, only their descriptions.
 */
@Component
public class CaseViews {

    private final CaseRepository cases;
    private final Attachments attachments;
    private final EffectOutbox effects;
    private final Deadlines deadlines;
    private final JdbcClient jdbc;
    private final Clock clock;

    CaseViews(CaseRepository cases, Attachments attachments, EffectOutbox effects, Deadlines deadlines, JdbcClient jdbc, Clock clock) {
        this.cases = cases;
        this.attachments = attachments;
        this.effects = effects;
        this.deadlines = deadlines;
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /**
     * The record as the case refers to it; {@code subjectId} (subject-service's id, never an id number) lets staff read
     * the record through record-service's {@code /api/v1/subjects/{code}/records}, also when the code is a masked id number.
     */
    public record RecordSummary(String id, String category, String documentNumber, LocalDate decisionDate, String department,
            String subjectCode, String subjectId) {
    }

    /** The next deadline; {@code period} and {@code periodUnit} say what the rule allows ("within 2 working days"). */
    public record DeadlineView(String kind, LocalDate due, boolean overdue, boolean dueSoon, String problem, Integer period,
            String periodUnit) {
    }

    public record ProposalView(Outcome outcome, String reason, Map<String, Object> fields, Instant at, String by) {
    }

    public record DecisionView(Outcome outcome, String reason, Instant at, String by) {
    }

    public record TimelineEntry(Instant at, String action, CaseState from, CaseState to, ActorRole by, String actor, String note) {
    }

    public record SignedText(String templateId, String version, String textSha256, Instant acceptedAt, String acceptedBy) {
    }

    public record EffectView(String effect, String operationId, String status, int attempts, String lastError, Instant doneAt) {
    }

    /** A case as the API shows it. */
    public record CaseView(UUID id, CaseKind kind, CaseState state, int version, RecordSummary record, String reason,
            String obligationsStatement, Instant submittedAt, Instant acceptedAt, Instant assignedAt, ProposalView proposal,
            DecisionView decision, DeadlineView nextDeadline, LocalDate concludeBy, List<TimelineEntry> timeline,
            List<Attachments.Info> attachments, List<SignedText> signedTexts, List<EffectView> effects) {
    }

    public CaseView view(CaseFile c, boolean staff) {
        LocalDate today = Deadlines.localDate(clock.instant());
        Deadline d = c.deadline();
        Deadlines.Period period = d == null ? null : deadlines.period(d.kind());
        DeadlineView deadline = d == null ? null
                : new DeadlineView(d.kind(), d.due(), d.overdue(today), deadlines.dueSoon(d, today), d.problem(),
                        period == null ? null : period.length(), period == null ? null : period.unit());
        RecordRef r = c.record();
        List<TimelineEntry> timeline = cases.history(c.id()).stream()
                .map(h -> new TimelineEntry(h.at(), h.action(), h.from(), h.to(), h.actorRole(),
                        staff || h.actorRole() == ActorRole.APPLICANT ? h.actorUsername() : null, h.note()))
                .toList();
        Proposal p = c.proposal();
        Decision dec = c.decision();
        return new CaseView(c.id(), c.kind(), c.state(), c.version(),
                new RecordSummary(r.recordId(), r.category(), r.documentNumber(), r.decisionDate(), r.department(), r.subjectCode(),
                        r.subjectId()),
                c.reason(), c.obligationsStatement(), c.submittedAt(), c.acceptedAt(), c.assignedAt(),
                p == null ? null : new ProposalView(p.outcome(), p.reason(), p.fields(), p.at(), staff ? p.by() : null),
                dec == null ? null : new DecisionView(dec.outcome(), dec.reason(), dec.at(), staff ? dec.by() : null),
                deadline, c.kind() == CaseKind.OBJECTION && c.state().open() ? deadlines.concludeBy(c) : null, timeline,
                attachments.list(c.id()), signedTexts(c.id()),
                effects.statusOf(c.id()).stream()
                        .map(e -> new EffectView(e.effect(), e.operationId(), e.status(), e.attempts(), e.lastError(), e.doneAt()))
                        .toList());
    }

    private List<SignedText> signedTexts(UUID caseId) {
        return jdbc.sql("""
                SELECT template_id, version, text_sha256, accepted_at, accepted_by FROM template_acceptance
                WHERE case_id = :c ORDER BY template_id
                """).param("c", caseId)
                .query((rs, n) -> new SignedText(rs.getString("template_id"), rs.getString("version"), rs.getString("text_sha256"),
                        CaseRepository.instant(rs, "accepted_at"), rs.getString("accepted_by")))
                .list();
    }
}
