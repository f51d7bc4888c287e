package org.publiccredit.report.registry;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;

/**
 * What anyone may learn about an issued report by its number: that it was issued, for whom (a natural person only
 * masked), which edition, when, the SHA-256 of the PDF as issued, and whether it was revoked. Never who asked for it.
 *
 * @param number the report number
 * @param issued always true (an unknown number is a 404)
 * @param edition PUBLIC or FULL
 * @param issuedAt when
 * @param subject for whom
 * @param sha256 SHA-256 of the signed PDF, hex
 * @param status VALID or REVOKED
 * @param revoked whether revoked
 * @param revokedAt when revoked
 * @param revokeReason why
 * @param dataCutOff the feed sequences the report reflects
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record PublicReportView(String number, boolean issued, String edition, Instant issuedAt, Subject subject, String sha256,
        String status, boolean revoked, Instant revokedAt, String revokeReason, DataCutOff dataCutOff) {

    /**
     * The report's subject as the public may see it.
     *
     * @param kind USCC or ID_NUMBER
     * @param code the USCC, or the masked id number
     * @param name the name (a person's masked: first character only)
     */
    public record Subject(String kind, String code, String name) {
    }

    /**
     * The change-feed sequences the report's data reflects.
     *
     * @param recordFeedSeq record-service's feed head when the report began
     * @param subjectFeedSeq subject-service's
     */
    public record DataCutOff(Long recordFeedSeq, Long subjectFeedSeq) {
    }

    static PublicReportView of(IssuedReport r) {
        return new PublicReportView(r.number(), true, r.edition(), r.issuedAt(),
                new Subject(r.subjectKind(), r.subjectCode(), r.naturalPerson() ? maskName(r.subjectName()) : r.subjectName()),
                r.sha256(), r.revoked() ? "REVOKED" : "VALID", r.revoked(), r.revokedAt(), r.revokeReason(),
                new DataCutOff(r.recordFeedSeq(), r.subjectFeedSeq()));
    }

    /** 张三 → 张*, 欧阳小明 → 欧***: a person's name is not published with a report's number. */
    static String maskName(String name) {
        if (name == null || name.isBlank()) {
            return null;
        }
        int first = name.offsetByCodePoints(0, 1);
        return name.substring(0, first) + "*".repeat(Math.max(1, name.codePointCount(first, name.length())));
    }
}
