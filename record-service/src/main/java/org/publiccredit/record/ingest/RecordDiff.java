package org.publiccredit.record.ingest;

import java.time.Instant;
import java.util.List;
import org.publiccredit.commons.problem.FieldProblem;
import org.publiccredit.record.creditrecord.CreditRecord;
import org.publiccredit.record.creditrecord.HistoryEntry;
import org.publiccredit.record.creditrecord.Subject;
import org.publiccredit.record.creditrecord.Transition;

/**
 * What a pushed row does to the record stored under its natural key: create it, leave it (same content), refuse (a
 * closed record), or store a new version with the old one in history. Pure: the caller locks, claims and writes.
 *
 * @param change what happens
 * @param after the record after the push (the stored one when nothing changes)
 * @param history the entry keeping the replaced version (UPDATED only)
 */
record RecordDiff(Change change, CreditRecord after, HistoryEntry history) {

    /** What a push does to the stored record. */
    enum Change {
        /** a first push: the record is new. */
        CREATED,
        /** new content: a new version. */
        UPDATED,
        /** the same content: nothing to write. */
        UNCHANGED,
        /** new content for a record whose state allows no update (revoked, repaired …). */
        REFUSED
    }

    /** A first push, whose record has been inserted (claimed) already. */
    static RecordDiff created(CreditRecord claimed) {
        return new RecordDiff(Change.CREATED, claimed, null);
    }

    /** The row's content compared with the stored record's. */
    static RecordDiff against(CreditRecord stored, PendingRow row, Subject subject, String department, Instant now) {
        RowValidator.ValidRow v = row.valid();
        if (stored.sameContent(subject, v.decisionDate(), v.fields())) {
            return new RecordDiff(Change.UNCHANGED, stored, null);
        }
        if (!stored.state().allows(Transition.UPDATE)) {
            return new RecordDiff(Change.REFUSED, stored, null);
        }
        CreditRecord after = stored.withContent(Transition.UPDATE, subject, v.decisionDate(), v.fields(), null, now);
        HistoryEntry history = new HistoryEntry(stored.id(), stored.version(), stored.state(), stored.decisionDate(), stored.fields(),
                Transition.UPDATE.action(), department, null, null, null, now);
        return new RecordDiff(Change.UPDATED, after, history);
    }

    /** Whether the record must be written (a new record, or a new version). */
    boolean writes() {
        return change == Change.CREATED || change == Change.UPDATED;
    }

    /** The row's line in the report; the warnings go with a stored row only. */
    RowResult result(PendingRow row, List<FieldProblem> warnings) {
        String documentNumber = row.valid().documentNumber();
        return switch (change) {
            case REFUSED -> RowResult.rejected(row.row(), documentNumber, "ILLEGAL_TRANSITION",
                    List.of(new FieldProblem("documentNumber", "ILLEGAL_TRANSITION",
                            "the record is " + after.state() + " and cannot be changed by a push")));
            case CREATED -> stored(row, RowResult.CREATED, warnings);
            case UPDATED -> stored(row, RowResult.UPDATED, warnings);
            case UNCHANGED -> stored(row, RowResult.UNCHANGED, warnings);
        };
    }

    private RowResult stored(PendingRow row, String result, List<FieldProblem> warnings) {
        return new RowResult(row.row(), result, row.valid().documentNumber(), after.id(), after.version(), null, null).warn(warnings);
    }
}
