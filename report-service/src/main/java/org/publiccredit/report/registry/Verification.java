package org.publiccredit.report.registry;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Optional;
import org.publiccredit.report.render.ReportRenderer;
import org.publiccredit.report.sign.SignatureCheck;
import org.springframework.stereotype.Service;

/**
 * Whether a file is a report the platform issued, unaltered, and still in force. The register decides: the file's
 * SHA-256 must be the one registered when the report was issued, so one changed byte anywhere fails. The signature
 * is checked as well (covers the whole file, verifies, made with a platform certificate), so the answer can say what
 * kind of file it is when the hash is unknown.
 */
@Service
public class Verification {

    private final ReportRegistry registry;

    Verification(ReportRegistry registry) {
        this.registry = registry;
    }

    /**
     * The verdict.
     *
     * @param valid issued by the platform, unaltered, not revoked
     * @param status VALID; REVOKED (genuine but revoked); ALTERED (names a registered report but is not the issued file);
     *               UNKNOWN (not a report of this platform)
     * @param sha256 the SHA-256 of the file received
     * @param report the registered report (for VALID, REVOKED and ALTERED)
     * @param signature what the file's signature says
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Result(boolean valid, String status, String sha256, PublicReportView report, Signature signature) {
    }

    /**
     * The file's signature.
     *
     * @param present whether it has one
     * @param valid whether it verifies and covers the whole file
     * @param platformCertificate whether it was made with a certificate the platform signs reports with
     * @param signedAt the time it states
     */
    public record Signature(boolean present, boolean valid, boolean platformCertificate, Instant signedAt) {
    }

    public Result verify(byte[] file) {
        String sha = sha256(file);
        SignatureCheck.Result check = SignatureCheck.check(file, ReportRenderer.NUMBER_KEY);
        Signature signature = new Signature(check.present(), check.valid(), registry.platformCertificate(check.signerFingerprint()),
                check.signedAt());
        Optional<IssuedReport> issued = registry.bySha256(sha);
        if (issued.isPresent()) {
            IssuedReport r = issued.get();
            boolean genuine = signature.valid() && signature.platformCertificate();
            String status = !genuine ? "ALTERED" : r.revoked() ? "REVOKED" : "VALID";
            return new Result(genuine && !r.revoked(), status, sha, PublicReportView.of(r), signature);
        }
        Optional<IssuedReport> named = check.reportNumber() == null ? Optional.empty() : registry.byNumber(check.reportNumber());
        return named.map(r -> new Result(false, "ALTERED", sha, PublicReportView.of(r), signature))
                .orElseGet(() -> new Result(false, "UNKNOWN", sha, null, signature));
    }

    public static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
