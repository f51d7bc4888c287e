package org.publiccredit.record.ingest;

import org.publiccredit.commons.id.IdentifierKind;
import org.publiccredit.record.client.SubjectRef;
import org.publiccredit.record.creditrecord.NaturalKey;
import org.publiccredit.record.creditrecord.Subject;

/**
 * A row that passed validation, waiting to be resolved and stored.
 *
 * @param row its 1-based data row in the upload (1 for a single push)
 * @param valid the validated row
 */
record PendingRow(int row, RowValidator.ValidRow valid) {

    /** Its natural key within the pushing department. */
    NaturalKey key() {
        return new NaturalKey(valid.entry().code(), valid.documentNumber());
    }

    /**
     * The record's subject as subject-service resolved it: the registry's name (the row's name when the registry has
     * none), and the row's name kept as the decision's 行政相对人名称.
     */
    Subject subject(SubjectRef ref) {
        String registered = ref.name() != null && !ref.name().isBlank() ? ref.name() : valid.name();
        boolean uscc = valid.kind() == IdentifierKind.USCC;
        return new Subject(ref.id(), uscc ? "USCC" : "ID_NUMBER", uscc ? valid.identifier() : ref.masked(), registered, valid.name(),
                valid.type() != null ? valid.type() : ref.type(), ref.region());
    }
}
