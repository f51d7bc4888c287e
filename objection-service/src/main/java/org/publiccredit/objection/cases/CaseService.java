package org.publiccredit.objection.cases;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.function.BiFunction;
import org.publiccredit.commons.problem.ApiException;
import org.publiccredit.commons.problem.FieldProblem;
import org.publiccredit.objection.attachment.Attachments;
import org.publiccredit.objection.attachment.Upload;
import org.publiccredit.commons.security.Caller;
import org.publiccredit.objection.client.RecordEffect;
import org.publiccredit.objection.effect.EffectOutbox;
import org.publiccredit.objection.notify.CaseChanged;
import org.publiccredit.objection.notify.CaseEvent;
import org.publiccredit.objection.notify.Notifications;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Runs transitions: loads the case, decides the caller's role on it (none: 404), lets the aggregate check role and
 * state, then writes the new state, the history line, the next deadline and the effects on the record in one
 * transaction, and announces the change after commit.
 */
@Service
public class CaseService {

    private final CaseRepository cases;
    private final EffectOutbox outbox;
    private final Deadlines deadlines;
    private final ApplicationEventPublisher events;
    private final Attachments attachments;
    private final Notifications notifications;
    private final Clock clock;

    CaseService(CaseRepository cases, EffectOutbox outbox, Deadlines deadlines, ApplicationEventPublisher events,
            Attachments attachments, Notifications notifications, Clock clock) {
        this.attachments = attachments;
        this.notifications = notifications;
        this.cases = cases;
        this.outbox = outbox;
        this.deadlines = deadlines;
        this.events = events;
        this.clock = clock;
    }

    /** A case the caller may see, with their roles on it; 404 otherwise (someone else's case looks absent). */
    public record Visible(CaseFile file, Set<ActorRole> roles) {
        public boolean staff() {
            return roles.contains(ActorRole.REVIEWER) || roles.contains(ActorRole.DEPARTMENT);
        }
    }

    @Transactional(readOnly = true)
    public Visible visible(UUID id, Caller caller) {
        CaseFile c = cases.find(id).orElseThrow(() -> ApiException.notFound("Case"));
        Set<ActorRole> roles = CaseAccess.rolesOn(c, caller);
        if (roles.isEmpty()) {
            throw ApiException.notFound("Case");
        }
        return new Visible(c, roles);
    }

    /** Applies one transition as the caller in role {@code needed}. */
    @Transactional
    public Visible act(UUID id, Caller caller, ActorRole needed, BiFunction<CaseFile, Actor, Transition> action) {
        Visible v = visible(id, caller);
        Actor actor = CaseAccess.actorFor(v.roles(), needed, caller);
        Instant now = clock.instant();
        Transition t = action.apply(v.file(), actor);
        CaseFile after = t.after().withDeadline(deadlines.next(t.after()));
        cases.update(after, now);
        record(after, t, now);
        return new Visible(cases.find(id).orElseThrow(), v.roles());
    }

    /**
     * The applicant withdraws a case that is not decided. The case row is locked; an objection's dispute that has not
     * reached record-service yet is cancelled, one that has (or is on its way) is cleared by a CLEAR_DISPUTE effect
     * queued behind it.
     */
    @Transactional
    public Visible withdraw(UUID id, Caller caller, String reason) {
        cases.lock(id);
        Visible v = visible(id, caller);
        Actor actor = CaseAccess.actorFor(v.roles(), ActorRole.APPLICANT, caller);
        Instant now = clock.instant();
        CaseFile c = v.file();
        boolean disputeStands = actor.role() == ActorRole.APPLICANT && c.state().open() && disputeStands(c, now);
        Transition t = c.withdraw(actor, reason, disputeStands, now);
        apply(t, now);
        return new Visible(cases.find(id).orElseThrow(), v.roles());
    }

    /**
     * Ends an open case as moot (outcome WITHDRAWN_MOOT) because its record changed by another path (called by the feed
     * follower). {@code recordMayBeDisputed}: the record is (or may become) DISPUTED by this case's
     * own dispute, so the dispute is cleared. Locks the case row; a case decided meanwhile is left alone.
     *
     * @return false when the case was no longer open (nothing done)
     */
    @Transactional
    public boolean endAsMoot(UUID id, String reason, boolean recordMayBeDisputed) {
        cases.lock(id);
        CaseFile c = cases.find(id).orElseThrow(() -> ApiException.notFound("Case"));
        if (!c.state().open()) {
            return false;
        }
        Instant now = clock.instant();
        boolean disputeStands = disputeStands(c, now) && recordMayBeDisputed;
        apply(c.endAsMoot(reason, disputeStands, now), now);
        return true;
    }

    /** Whether the objection's own DISPUTE is (or will be) on the record, after cancelling it where it is still undelivered. */
    private boolean disputeStands(CaseFile c, Instant now) {
        if (c.kind() != CaseKind.OBJECTION) {
            return false;
        }
        outbox.cancelUndelivered(c.id(), RecordEffect.DISPUTE, now);
        return outbox.mayReachRecord(c.id(), RecordEffect.DISPUTE);
    }

    private void apply(Transition t, Instant now) {
        CaseFile after = t.after().withDeadline(deadlines.next(t.after()));
        cases.update(after, now);
        record(after, t, now);
    }

    /**
     * Adds files while the case is SUBMITTED (applicant only). The case row is locked so that concurrent uploads
     * cannot pass the per-case limit together; files and history line commit together.
     */
    @Transactional
    public Visible attach(UUID id, Caller caller, List<Attachments.Incoming> files) {
        cases.lock(id);
        Visible v = visible(id, caller);
        Actor actor = CaseAccess.actorFor(v.roles(), ActorRole.APPLICANT, caller);
        v.file().checkCanAttach(actor);
        if (files.isEmpty()) {
            throw ApiException.invalid("ATTACHMENT_MISSING", "Send at least one file in the part 'files'",
                    List.of(new FieldProblem("files", "ATTACHMENT_MISSING", "required")));
        }
        List<Upload> uploads = attachments.check(files, attachments.count(id));
        Instant now = clock.instant();
        attachments.store(id, uploads, caller.username(), now);
        cases.addHistory(id, now, new Transition(v.file(), "ATTACH", v.file().state(), v.file().state(), actor,
                uploads.size() + " file(s) added", List.of()));
        return v;
    }

    /**
     * Puts a DEAD effect of the case back in the worker's queue (a reviewer of the case's region, once record-service
     * is fixed); 409 EFFECT_NOT_DEAD for an effect in any other status, 404 for an effect the case does not have.
     */
    @Transactional
    public Visible retryEffect(UUID id, String operationId, Caller caller) {
        cases.lock(id);
        Visible v = visible(id, caller);
        if (!v.roles().contains(ActorRole.REVIEWER)) {
            throw ApiException.forbidden("ACCESS_DENIED", "Only the reviewer of the case's region may retry its effects");
        }
        Instant now = clock.instant();
        switch (outbox.retryDead(id, operationId, now)) {
            case UNKNOWN -> throw ApiException.notFound("Effect");
            case NOT_DEAD -> throw ApiException.conflict("EFFECT_NOT_DEAD", "Only an effect in status DEAD can be retried");
            case RETRYING -> cases.addHistory(id, now, new Transition(v.file(), "EFFECT_RETRY", v.file().state(), v.file().state(),
                    CaseAccess.actorFor(v.roles(), ActorRole.REVIEWER, caller), "effect " + operationId + " queued again", List.of()));
        }
        return v;
    }

    /** Writes the history line and the effects of a transition, and announces it (inside the caller's transaction). */
    public void record(CaseFile after, Transition t, Instant now) {
        cases.addHistory(after.id(), now, t);
        if (!t.effects().isEmpty()) {
            outbox.enqueue(after.id(), after.record().recordId(), t.effects(), now);
        }
        Decision d = after.decision();
        notifications.plan(new CaseEvent(after.id(), after.kind().name(), t.action(), t.from() == null ? null : t.from().name(),
                t.to().name(), d == null || d.outcome() == null ? null : d.outcome().name(), d == null ? t.note() : d.reason(),
                after.record().department(),
                after.record().category(), after.record().documentNumber(),
                after.deadline() == null ? null : after.deadline().kind(), after.deadline() == null ? null : after.deadline().due()), now);
        events.publishEvent(new CaseChanged(after.id(), after.kind().name(), t.from() == null ? null : t.from().name(),
                t.to().name(), after.ownerKey()));
    }

    @Transactional(readOnly = true)
    public List<CaseFile> mine(String ownerKey, int limit, int offset) {
        return cases.findByOwner(ownerKey, limit, offset);
    }
}
