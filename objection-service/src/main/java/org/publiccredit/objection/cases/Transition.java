package org.publiccredit.objection.cases;

import java.util.List;
import org.publiccredit.objection.effect.PlannedEffect;

/**
 * What one transition did: the case after it, the history entry to write, and the effects on the record.
 *
 * @param after the case after the transition (same version; the repository increments it)
 * @param action FILE, ACCEPT, REFUSE, ASSIGN, PROPOSE, DECIDE
 * @param from the state before (null when filed)
 * @param to the state after
 * @param actor who
 * @param note the reason or note shown in the history
 * @param effects effects on the record
 */
public record Transition(CaseFile after, String action, CaseState from, CaseState to, Actor actor, String note,
        List<PlannedEffect> effects) {
}
