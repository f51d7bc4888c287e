package org.publiccredit.report.issue;

import java.util.Optional;
import java.util.function.Supplier;
import org.publiccredit.commons.id.Identifiers;
import org.publiccredit.commons.problem.ApiException;
import org.publiccredit.commons.security.Caller;
import org.publiccredit.commons.security.Role;
import org.publiccredit.report.client.SubjectRef;
import org.springframework.http.HttpStatus;

/**
 * Who gets which edition (one rule, one place for reports). The public edition: anyone. The full edition: the subject
 * itself; reviewers and admins; a supplying department's officers and partner clients (record-service then gives them
 * their department's records only, and 404 when they supplied none). Nobody signed in: 401. An enterprise or citizen
 * asking for someone else's full report: 404, as for anything of someone else's. An account with none of these rights: 403.
 */
final class EditionAccess {

    private EditionAccess() {
    }

    /**
     * @param ownSubjectId the subject id of the caller's {@code id_number} claim, looked up only when needed
     */
    static Reading decide(Edition edition, Caller caller, SubjectRef subject, Supplier<Optional<String>> ownSubjectId) {
        if (edition == Edition.PUBLIC) {
            return new Reading.Public();
        }
        if (caller.anonymous()) {
            throw new ApiException(HttpStatus.UNAUTHORIZED, "UNAUTHENTICATED", "A full report needs a signed-in caller")
                    .args(new org.publiccredit.commons.i18n.Ref("reason.UNAUTHENTICATED.full-report", "A full report needs a signed-in caller"));
        }
        if (!subject.naturalPerson() && caller.usccClaim().map(Identifiers::normalize).filter(subject.code()::equals).isPresent()) {
            return new Reading.Own();
        }
        if (subject.naturalPerson() && caller.idNumberClaim().isPresent()
                && ownSubjectId.get().filter(subject.id()::equals).isPresent()) {
            return new Reading.Own();
        }
        if (caller.has(Role.ADMIN)) {
            return new Reading.InRight("ADMIN");
        }
        if (caller.has(Role.REVIEWER)) {
            return new Reading.InRight("REVIEWER");
        }
        if (caller.hasAny(Role.OFFICER, Role.PARTNER) && caller.departmentClaim().isPresent()) {
            return new Reading.InRight("DEPARTMENT:" + caller.departmentClaim().get());
        }
        if (caller.usccClaim().isPresent() || caller.idNumberClaim().isPresent()
                || caller.hasAny(Role.ENTERPRISE, Role.CITIZEN)) {
            throw ApiException.notFound("Subject");
        }
        throw ApiException.forbidden("ACCESS_DENIED", "Your role does not allow a full report")
                .args(new org.publiccredit.commons.i18n.Ref("reason.ACCESS_DENIED.full-report", "Your role does not allow a full report"));
    }
}
