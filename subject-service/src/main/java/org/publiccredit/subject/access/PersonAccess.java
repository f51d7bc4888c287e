package org.publiccredit.subject.access;

import jakarta.servlet.http.HttpServletRequest;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.publiccredit.commons.id.IdNumber;
import org.publiccredit.commons.id.IdentifierCheck;
import org.publiccredit.commons.problem.ApiException;
import org.publiccredit.commons.problem.FieldProblem;
import org.publiccredit.commons.security.Caller;
import org.publiccredit.subject.pii.PiiCrypto;
import org.publiccredit.subject.registry.Subject;
import org.publiccredit.subject.registry.SubjectService;
import org.publiccredit.subject.registry.SubjectValidator;
import org.publiccredit.subject.registry.SubjectView;
import org.publiccredit.subject.web.Languages;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Look-up and reveal of natural persons' id numbers, each audited in the same transaction as the read. */
@Service
class PersonAccess {

    private static final Logger log = LoggerFactory.getLogger(PersonAccess.class);

    record Revealed(UUID subjectId, String idNumber, Instant at) {
        @Override
        public String toString() {
            return "Revealed[" + subjectId + "]";
        }
    }

    private final SubjectService subjects;
    private final PiiCrypto crypto;
    private final AccessAudit audit;
    private final Clock clock;

    PersonAccess(SubjectService subjects, PiiCrypto crypto, AccessAudit audit, Clock clock) {
        this.subjects = subjects;
        this.crypto = crypto;
        this.audit = audit;
        this.clock = clock;
    }

    /** The person's full view, or empty; the look-up is audited either way (and committed: no exception rolls it back). */
    @Transactional
    Optional<SubjectView> lookup(String idNumber, String purpose, Caller caller, HttpServletRequest http) {
        IdentifierCheck check = IdNumber.check(idNumber, clock);
        if (!check.valid()) {
            List<FieldProblem> problems = new ArrayList<>();
            SubjectValidator.addIdentifierErrors(problems, "idNumber", check, Languages.of(http));
            throw ApiException.invalid("IDENTIFIER_INVALID", "The id number is not valid", problems);
        }
        Optional<Subject> person = subjects.byIdNumber(IdNumber.parse(idNumber, clock));
        audit.record(AccessAudit.Action.LOOKUP, caller, person.map(Subject::id).orElse(null), purpose);
        return person.map(s -> SubjectView.of(s, SubjectView.Level.FULL));
    }

    @Transactional
    Revealed reveal(String id, String reason, Caller caller) {
        Subject person = person(id);
        String number;
        try {
            number = crypto.decrypt(person.idEncrypted(), person.idHash());
        } catch (PiiCrypto.PiiIntegrityException e) {
            log.error("stored id number of subject {} failed its integrity check: {}", person.id(), e.getMessage());
            throw new ApiException(HttpStatus.INTERNAL_SERVER_ERROR, "PII_INTEGRITY_FAILURE",
                    "The stored id number failed its integrity check; it is not shown");
        }
        audit.record(AccessAudit.Action.REVEAL, caller, person.id(), reason);
        return new Revealed(person.id(), number, clock.instant());
    }

    List<AccessAudit.Entry> audit(String id, int limit) {
        return audit.forSubject(person(id).id(), limit);
    }

    private Subject person(String id) {
        UUID uuid;
        try {
            uuid = UUID.fromString(id);
        } catch (IllegalArgumentException e) {
            throw ApiException.notFound("Subject");
        }
        return subjects.byId(uuid).filter(Subject::person).orElseThrow(() -> ApiException.notFound("Subject"));
    }
}
