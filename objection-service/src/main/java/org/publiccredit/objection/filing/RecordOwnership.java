package org.publiccredit.objection.filing;

import org.publiccredit.commons.problem.ApiException;
import org.publiccredit.commons.security.Caller;
import org.publiccredit.commons.security.Role;
import org.publiccredit.objection.cases.CaseAccess;
import org.publiccredit.objection.client.RecordView;
import org.publiccredit.objection.client.Subjects;
import org.springframework.stereotype.Component;

/**
 * Who may file about a record: its subject. An enterprise user for its own code (the record's subjectCode equals
 * the {@code uscc} claim); a citizen for records about his own id number (the {@code id_number} claim looked up in
 * subject-service, never registered: eligibility and template reads and filings write nothing there, and a citizen
 * without a subject cannot be a record's subject). Anyone else: 403 NOT_RECORD_SUBJECT.
 */
@Component
class RecordOwnership {

    private final Subjects subjects;

    RecordOwnership(Subjects subjects) {
        this.subjects = subjects;
    }

    /** The owner key of the caller's cases about this record, or 403. */
    String ownerKeyFor(Caller caller, RecordView record) {
        if (caller.has(Role.ENTERPRISE) && caller.uscc() != null && caller.uscc().equals(record.subjectCode())) {
            return CaseAccess.ownerKey(caller).orElseThrow(RecordOwnership::notSubject);
        }
        if (caller.has(Role.CITIZEN) && caller.idNumber() != null && record.subjectId() != null) {
            String subjectId = subjects.lookupId(caller.idNumber()).orElseThrow(RecordOwnership::notSubject);
            if (subjectId.equals(record.subjectId())) {
                return CaseAccess.ownerKey(caller).orElseThrow(RecordOwnership::notSubject);
            }
        }
        throw notSubject();
    }

    private static ApiException notSubject() {
        return ApiException.forbidden("NOT_RECORD_SUBJECT", "Only the subject of a record may file an objection or a repair about it");
    }
}
