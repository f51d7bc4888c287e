package org.publiccredit.report.registry;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.publiccredit.commons.problem.ApiException;
import org.publiccredit.report.sign.SigningKeys;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

/** The register of issued reports and of the certificates they were signed with (explicit SQL, JdbcClient). */
@Repository
public class ReportRegistry {

    private final JdbcClient jdbc;
    private final Set<String> certificatesStored = ConcurrentHashMap.newKeySet();

    ReportRegistry(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Registers a report (and, the first time, the certificate it was signed with). */
    @Transactional
    public void register(IssuedReport r, SigningKeys keys) {
        if (!certificatesStored.contains(keys.fingerprint())) {
            try {
                jdbc.sql("""
                        INSERT INTO signing_certificate (fingerprint, subject_dn, certificate, not_before, not_after)
                        VALUES (?, ?, ?, ?, ?) ON CONFLICT (fingerprint) DO NOTHING""")
                        .params(keys.fingerprint(), keys.certificate().getSubjectX500Principal().getName(),
                                keys.certificate().getEncoded(), Timestamp.from(keys.certificate().getNotBefore().toInstant()),
                                Timestamp.from(keys.certificate().getNotAfter().toInstant()))
                        .update();
            } catch (java.security.cert.CertificateEncodingException e) {
                throw new IllegalStateException(e);
            }
            certificatesStored.add(keys.fingerprint());
        }
        jdbc.sql("""
                INSERT INTO report (number, subject_id, subject_kind, subject_code, subject_name, edition, sha256, size_bytes, pages,
                    record_count, non_public_count, record_feed_seq, subject_feed_seq, issued_at, requested_by, requested_by_name,
                    requested_roles, requested_as, certificate)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(r.number(), r.subjectId(), r.subjectKind(), r.subjectCode(), r.subjectName(), r.edition(), r.sha256(),
                        r.sizeBytes(), r.pages(), r.recordCount(), r.nonPublicCount(), r.recordFeedSeq(), r.subjectFeedSeq(),
                        Timestamp.from(r.issuedAt()), r.requestedBy(), r.requestedByName(), r.requestedRoles(), r.requestedAs(),
                        r.certificate())
                .update();
    }

    public Optional<IssuedReport> byNumber(String number) {
        return jdbc.sql("SELECT * FROM report WHERE number = ?").param(number).query(ReportRegistry::row).optional();
    }

    public Optional<IssuedReport> bySha256(String sha256) {
        return jdbc.sql("SELECT * FROM report WHERE sha256 = ?").param(sha256).query(ReportRegistry::row).optional();
    }

    /** Whether the platform has signed reports with this certificate (SHA-256 of its DER). */
    public boolean platformCertificate(String fingerprint) {
        return fingerprint != null && jdbc.sql("SELECT count(*) FROM signing_certificate WHERE fingerprint = ?")
                .param(fingerprint).query(Long.class).single() > 0;
    }

    /** Stores a transition, if nobody changed the report meanwhile (409 CONCURRENT_UPDATE otherwise). */
    public void save(IssuedReport after) {
        int n = jdbc.sql("""
                UPDATE report SET state = ?, revoked_at = ?, revoked_by = ?, revoke_reason = ?, version = ?
                WHERE number = ? AND version = ?""")
                .params(after.state(), after.revokedAt() == null ? null : Timestamp.from(after.revokedAt()), after.revokedBy(),
                        after.revokeReason(), after.version(), after.number(), after.version() - 1)
                .update();
        if (n != 1) {
            throw ApiException.conflict("CONCURRENT_UPDATE", "Report " + after.number() + " changed meanwhile; read it again");
        }
    }

    private static IssuedReport row(ResultSet rs, int n) throws SQLException {
        return new IssuedReport(rs.getString("number"), rs.getObject("subject_id", UUID.class), rs.getString("subject_kind"),
                rs.getString("subject_code"), rs.getString("subject_name"), rs.getString("edition"), rs.getString("sha256"),
                rs.getInt("size_bytes"), rs.getInt("pages"), rs.getInt("record_count"), rs.getInt("non_public_count"),
                (Long) rs.getObject("record_feed_seq"), (Long) rs.getObject("subject_feed_seq"), instant(rs, "issued_at"),
                rs.getString("requested_by"), rs.getString("requested_by_name"), rs.getString("requested_roles"),
                rs.getString("requested_as"), rs.getString("certificate"), rs.getString("state"), instant(rs, "revoked_at"),
                rs.getString("revoked_by"), rs.getString("revoke_reason"), rs.getInt("version"));
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        Timestamp t = rs.getTimestamp(column);
        return t == null ? null : t.toInstant();
    }
}
