package org.publiccredit.objection.cases;

import java.time.Instant;

/** One line of a case's history: who did what when, from which state to which, with the note. */
public record HistoryEntry(Instant at, String action, CaseState from, CaseState to, ActorRole actorRole, String actorId,
        String actorUsername, String note) {
}
