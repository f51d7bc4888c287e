package org.publiccredit.objection.cases;

import static org.publiccredit.objection.cases.CaseState.ACCEPTED;
import static org.publiccredit.objection.cases.CaseState.SUBMITTED;
import static org.publiccredit.objection.cases.CaseState.VERIFYING;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.publiccredit.commons.problem.ApiException;
import org.publiccredit.commons.problem.FieldProblem;
import org.publiccredit.objection.client.RecordEffect;
import org.publiccredit.objection.effect.PlannedEffect;

/**
 * A case: an objection (异议) or a repair application (信用修复) about one record, as an explicit state machine.
 * Each transition checks the actor's role on the case (403 ACCESS_DENIED) and the current state
 * (409 ILLEGAL_TRANSITION) and returns a {@link Transition}; nothing here touches the database or the network.
 *
 * @param id the case id
 * @param kind objection or repair
 * @param state the current state
 * @param version optimistic-locking version
 * @param record what the case keeps of its record
 * @param ownerKey the applicant as owner: {@code uscc:<code>} for an enterprise, {@code user:<sub>} for a citizen
 * @param applicantId the applicant's token subject
 * @param applicantUsername the applicant's login name
 * @param reason the applicant's reason
 * @param obligationsStatement repairs: the applicant's declaration of how the obligations were fulfilled
 * @param submittedAt when filed
 * @param acceptedAt when accepted
 * @param assignedAt when handed to the supplying department
 * @param proposal the department's finding
 * @param decision how it closed
 * @param deadline the next deadline (null when closed)
 */
public record CaseFile(UUID id, CaseKind kind, CaseState state, int version, RecordRef record, String ownerKey,
        String applicantId, String applicantUsername, String reason, String obligationsStatement, Instant submittedAt,
        Instant acceptedAt, Instant assignedAt, Proposal proposal, Decision decision, Deadline deadline) {

    /** A new case in SUBMITTED. */
    public static Transition file(UUID id, CaseKind kind, RecordRef record, String ownerKey, Actor applicant, String reason,
            String obligationsStatement, Instant now) {
        requireRole(applicant, ActorRole.APPLICANT, "file");
        requireText("reason", reason);
        CaseFile c = new CaseFile(id, kind, SUBMITTED, 0, record, ownerKey, applicant.userId(), applicant.username(),
                reason.strip(), obligationsStatement, now, null, null, null, null, null);
        return new Transition(c, "FILE", null, SUBMITTED, applicant, null, List.of());
    }

    /** 受理: SUBMITTED → ACCEPTED; an accepted objection marks the record DISPUTED. */
    public Transition accept(Actor actor, String note, Instant now) {
        requireRole(actor, ActorRole.REVIEWER, "accept");
        requireState("accept", SUBMITTED);
        CaseFile after = with(ACCEPTED, now, assignedAt, proposal, decision);
        List<PlannedEffect> effects = kind == CaseKind.OBJECTION
                ? List.of(new PlannedEffect(RecordEffect.DISPUTE, Map.of("note", "objection accepted")))
                : List.of();
        return new Transition(after, "ACCEPT", state, ACCEPTED, actor, blankToNull(note), effects);
    }

    /** 不予受理: SUBMITTED → NOT_ACCEPTED, with the reason. */
    public Transition refuse(Actor actor, String reason, Instant now) {
        requireRole(actor, ActorRole.REVIEWER, "refuse");
        requireText("reason", reason);
        requireState("refuse", SUBMITTED);
        CaseFile after = with(CaseState.NOT_ACCEPTED, acceptedAt, assignedAt, proposal,
                new Decision(null, reason.strip(), now, actor.username()));
        return new Transition(after, "REFUSE", state, CaseState.NOT_ACCEPTED, actor, reason.strip(), List.of());
    }

    /**
     * Hands the case to the supplying department: an objection goes ACCEPTED → VERIFYING; a repair stays ACCEPTED,
     * now assigned (the department's review moves it to REVIEWED).
     */
    public Transition assign(Actor actor, String note, Instant now) {
        requireRole(actor, ActorRole.REVIEWER, "assign");
        requireState("assign", ACCEPTED);
        if (assignedAt != null) {
            throw illegal("assign", "it is already assigned to the supplying department");
        }
        CaseState to = kind == CaseKind.OBJECTION ? VERIFYING : ACCEPTED;
        CaseFile after = with(to, acceptedAt, now, proposal, decision);
        String text = "assigned to department " + record.department() + (blankToNull(note) != null ? ": " + note.strip() : "");
        return new Transition(after, "ASSIGN", state, to, actor, text, List.of());
    }

    /**
     * The department's finding. Objection (VERIFYING, once): the proposed outcome, with the corrected fields for
     * CORRECTED; the state stays VERIFYING until the reviewer concludes. Repair (ACCEPTED and assigned): → REVIEWED.
     */
    public Transition propose(Actor actor, Outcome outcome, String reason, Map<String, Object> fields, Instant now) {
        requireRole(actor, ActorRole.DEPARTMENT, "propose");
        requireOutcome(outcome);
        requireText("reason", reason);
        Map<String, Object> corrected = fields == null ? Map.of() : fields;
        if (kind == CaseKind.OBJECTION) {
            requireState("propose", VERIFYING);
            if (proposal != null) {
                throw illegal("propose", "the department has already proposed " + proposal.outcome());
            }
            if (outcome == Outcome.CORRECTED && corrected.isEmpty()) {
                throw ApiException.invalid("CORRECTION_FIELDS_MISSING", "A correction needs the corrected fields",
                        List.of(new FieldProblem("fields", "CORRECTION_FIELDS_MISSING", "required for CORRECTED")));
            }
            if (outcome != Outcome.CORRECTED && !corrected.isEmpty()) {
                throw ApiException.invalid("FIELDS_NOT_EXPECTED", "Corrected fields belong to a CORRECTED proposal only",
                        List.of(new FieldProblem("fields", "FIELDS_NOT_EXPECTED", "only for CORRECTED")));
            }
            CaseFile after = with(VERIFYING, acceptedAt, assignedAt, new Proposal(outcome, reason.strip(), corrected, now,
                    actor.username()), decision);
            return new Transition(after, "PROPOSE", state, VERIFYING, actor, "proposed " + outcome + ": " + reason.strip(), List.of());
        }
        requireState("propose", ACCEPTED);
        if (assignedAt == null) {
            throw illegal("propose", "it has not been assigned to the supplying department yet");
        }
        if (!corrected.isEmpty()) {
            throw ApiException.invalid("FIELDS_NOT_EXPECTED", "A repair review carries no record fields",
                    List.of(new FieldProblem("fields", "FIELDS_NOT_EXPECTED", "only for objections proposed CORRECTED")));
        }
        CaseFile after = with(CaseState.REVIEWED, acceptedAt, assignedAt, new Proposal(outcome, reason.strip(), Map.of(), now,
                actor.username()), decision);
        return new Transition(after, "PROPOSE", state, CaseState.REVIEWED, actor, "reviewed, recommends " + outcome + ": "
                + reason.strip(), List.of());
    }

    /**
     * The reviewer's decision. Objection (VERIFYING with the department's proposal) → CONCLUDED, applying the outcome
     * to the record (CORRECTED only when the department proposed the correction). Repair (REVIEWED) → APPROVED or
     * DENIED; approval marks the record REPAIRED.
     */
    public Transition decide(Actor actor, Outcome outcome, String reason, Instant now) {
        requireRole(actor, ActorRole.REVIEWER, "decide");
        requireOutcome(outcome);
        requireText("reason", reason);
        String why = reason.strip();
        if (kind == CaseKind.OBJECTION) {
            requireState("decide", VERIFYING);
            if (proposal == null) {
                throw illegal("decide", "the supplying department has not proposed an outcome yet");
            }
            if (outcome == Outcome.CORRECTED && proposal.outcome() != Outcome.CORRECTED) {
                throw illegal("decide CORRECTED", "the department proposed " + proposal.outcome()
                        + " and supplied no corrected fields");
            }
            PlannedEffect effect = switch (outcome) {
                case CORRECTED -> new PlannedEffect(RecordEffect.CORRECT, Map.of("fields", proposal.fields(), "note", why));
                case DELETED -> new PlannedEffect(RecordEffect.REVOKE, Map.of("reason", why));
                default -> new PlannedEffect(RecordEffect.CLEAR_DISPUTE, Map.of("note", why));
            };
            CaseFile after = with(CaseState.CONCLUDED, acceptedAt, assignedAt, proposal, new Decision(outcome, why, now,
                    actor.username()));
            return new Transition(after, "DECIDE", state, CaseState.CONCLUDED, actor, outcome + ": " + why, List.of(effect));
        }
        requireState("decide", CaseState.REVIEWED);
        CaseState to = outcome == Outcome.APPROVED ? CaseState.APPROVED : CaseState.DENIED;
        CaseFile after = with(to, acceptedAt, assignedAt, proposal, new Decision(outcome, why, now, actor.username()));
        List<PlannedEffect> effects = outcome == Outcome.APPROVED
                ? List.of(new PlannedEffect(RecordEffect.REPAIR, Map.of("note", why)))
                : List.of();
        return new Transition(after, "DECIDE", state, to, actor, outcome + ": " + why, effects);
    }

    /**
     * 撤回: the applicant withdraws a case that is not decided (any open state) → WITHDRAWN, outcome WITHDRAWN. A decided
     * or closed case is 409 CASE_ALREADY_CLOSED. When the objection's dispute stands on the record ({@code disputeStands}:
     * delivered, or on its way and no longer cancellable), the record's dispute is cleared through the effect outbox.
     */
    public Transition withdraw(Actor actor, String reason, boolean disputeStands, Instant now) {
        requireRole(actor, ActorRole.APPLICANT, "withdraw");
        requireOpen("withdraw");
        String why = blankToNull(reason);
        CaseFile after = with(CaseState.WITHDRAWN, acceptedAt, assignedAt, proposal,
                new Decision(Outcome.WITHDRAWN, why == null ? "申请人撤回申请" : why, now, actor.username()));
        return new Transition(after, "WITHDRAW", state, CaseState.WITHDRAWN, actor, why, clearDispute(disputeStands, "case withdrawn"));
    }

    /**
     * The case ends by itself (WITHDRAWN, outcome WITHDRAWN_MOOT) because its record was revoked, corrected or repaired
     * by another path; {@code reason} says which (e.g. 记录已被撤销). A still disputed record has its dispute cleared.
     */
    public Transition endAsMoot(String reason, boolean disputeStands, Instant now) {
        requireOpen("end as moot");
        requireText("reason", reason);
        Actor system = new Actor(ActorRole.SYSTEM, "objection-service", null);
        CaseFile after = with(CaseState.WITHDRAWN, acceptedAt, assignedAt, proposal,
                new Decision(Outcome.WITHDRAWN_MOOT, reason.strip(), now, "objection-service"));
        return new Transition(after, "MOOT", state, CaseState.WITHDRAWN, system, reason.strip(),
                clearDispute(disputeStands, "case ended: " + reason.strip()));
    }

    private List<PlannedEffect> clearDispute(boolean disputeStands, String note) {
        return kind == CaseKind.OBJECTION && disputeStands
                ? List.of(new PlannedEffect(RecordEffect.CLEAR_DISPUTE, Map.of("note", note)))
                : List.of();
    }

    private void requireOpen(String action) {
        if (!state.open()) {
            throw ApiException.conflict("CASE_ALREADY_CLOSED", "Cannot " + action + " this "
                    + kind.name().toLowerCase(java.util.Locale.ROOT) + ": it is already decided or closed (" + state + ")");
        }
    }

    /** Attachments may be added by the applicant while the case is SUBMITTED. */
    public void checkCanAttach(Actor actor) {
        requireRole(actor, ActorRole.APPLICANT, "attach files to");
        requireState("attach files to", SUBMITTED);
    }

    public CaseFile withDeadline(Deadline next) {
        return new CaseFile(id, kind, state, version, record, ownerKey, applicantId, applicantUsername, reason,
                obligationsStatement, submittedAt, acceptedAt, assignedAt, proposal, decision, next);
    }

    private CaseFile with(CaseState to, Instant accepted, Instant assigned, Proposal p, Decision d) {
        return new CaseFile(id, kind, to, version, record, ownerKey, applicantId, applicantUsername, reason,
                obligationsStatement, submittedAt, accepted, assigned, p, d, deadline);
    }

    private void requireState(String action, CaseState expected) {
        if (state != expected) {
            throw illegal(action, "it is " + state + " (needs " + expected + ")");
        }
    }

    private ApiException illegal(String action, String why) {
        return ApiException.conflict("ILLEGAL_TRANSITION", "Cannot " + action + " this " + kind.name().toLowerCase(java.util.Locale.ROOT)
                + ": " + why);
    }

    private void requireOutcome(Outcome outcome) {
        if (outcome == null || !Outcome.allowedFor(kind).contains(outcome)) {
            throw ApiException.invalid("OUTCOME_NOT_ALLOWED", "The outcome must be one of " + Outcome.allowedFor(kind).stream()
                    .map(Enum::name).sorted().toList() + " for " + kind,
                    List.of(new FieldProblem("outcome", "OUTCOME_NOT_ALLOWED", "not an outcome of a " + kind)));
        }
    }

    private static void requireRole(Actor actor, ActorRole role, String action) {
        if (actor == null || actor.role() != role) {
            throw ApiException.forbidden("ACCESS_DENIED", "Only the " + role.name().toLowerCase(java.util.Locale.ROOT)
                    + " of this case may " + action + " it");
        }
    }

    private static void requireText(String field, String value) {
        if (value == null || value.isBlank()) {
            throw ApiException.invalid("VALIDATION_FAILED", "The request has invalid fields",
                    List.of(new FieldProblem(field, "FIELD_NOT_BLANK", "is required")));
        }
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
