package org.publiccredit.objection.effect;

import java.time.Instant;
import java.util.UUID;

/** Where the worker writes what became of an effect, so the case's history shows it (implemented by the cases feature). */
public interface CaseJournal {

    void systemNote(UUID caseId, Instant at, String action, String note);
}
