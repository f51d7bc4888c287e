package org.publiccredit.report.registry;

import java.time.Instant;
import java.util.UUID;
import org.publiccredit.commons.problem.ApiException;

/**
 * A report the platform issued (信用报告), as registered: its number, for whom, which edition, the SHA-256 of the signed
 * PDF, when, at whose request, and whether it was revoked. A small state machine: ISSUED → REVOKED (by an admin, with a
 * reason); anything else is a 409.
 *
 * @param number the report number
 * @param subjectId the subject's id
 * @param subjectKind USCC or ID_NUMBER
 * @param subjectCode the USCC, or the masked id number (never a raw one)
 * @param subjectName the subject's name
 * @param edition PUBLIC or FULL
 * @param sha256 SHA-256 of the signed PDF as delivered, hex
 * @param sizeBytes its size
 * @param pages its page count
 * @param recordCount records in it
 * @param nonPublicCount records in it that are not public (full edition)
 * @param recordFeedSeq record-service feed head at the start (data cut-off)
 * @param subjectFeedSeq subject-service feed head at the start (data cut-off)
 * @param issuedAt when
 * @param requestedBy the caller's {@code sub}, null when anonymous
 * @param requestedByName the caller's user name
 * @param requestedRoles the caller's roles (or anonymous)
 * @param requestedAs in which right the report was made: SUBJECT, REVIEWER, DEPARTMENT:&lt;code&gt;, PUBLIC
 * @param certificate the signing certificate's SHA-256
 * @param state ISSUED or REVOKED
 * @param revokedAt when revoked
 * @param revokedBy who revoked
 * @param revokeReason why
 * @param version optimistic lock
 */
public record IssuedReport(String number, UUID subjectId, String subjectKind, String subjectCode, String subjectName, String edition,
        String sha256, int sizeBytes, int pages, int recordCount, int nonPublicCount, Long recordFeedSeq, Long subjectFeedSeq,
        Instant issuedAt, String requestedBy, String requestedByName, String requestedRoles, String requestedAs, String certificate,
        String state, Instant revokedAt, String revokedBy, String revokeReason, int version) {

    public static final String ISSUED = "ISSUED";
    public static final String REVOKED = "REVOKED";

    public boolean revoked() {
        return REVOKED.equals(state);
    }

    public boolean naturalPerson() {
        return "ID_NUMBER".equals(subjectKind);
    }

    /** ISSUED → REVOKED; a revoked report cannot be revoked again (409 ILLEGAL_TRANSITION). */
    public IssuedReport revoke(String by, String reason, Instant at) {
        if (!ISSUED.equals(state)) {
            throw ApiException.conflict("ILLEGAL_TRANSITION", "Report " + number + " is already revoked")
                    .args(new org.publiccredit.commons.i18n.Ref("reason.ILLEGAL_TRANSITION.revoked", "The report is already revoked"));
        }
        return new IssuedReport(number, subjectId, subjectKind, subjectCode, subjectName, edition, sha256, sizeBytes, pages,
                recordCount, nonPublicCount, recordFeedSeq, subjectFeedSeq, issuedAt, requestedBy, requestedByName, requestedRoles,
                requestedAs, certificate, REVOKED, at, by, reason, version + 1);
    }
}
