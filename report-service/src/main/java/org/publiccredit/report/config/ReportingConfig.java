package org.publiccredit.report.config;

import java.nio.file.Path;
import java.time.Clock;
import org.publiccredit.report.render.ReportFonts;
import org.publiccredit.report.render.ReportRenderer;
import org.publiccredit.report.sign.PadesSigner;
import org.publiccredit.report.sign.SigningKeys;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The renderer (one parsed font per rendering slot) and the signer with the platform's key: from the PEM files named by
 * {@code platform.reports.signing.key-file}/{@code certificate-file} (the Kubernetes Secret), else, where allowed (the
 * local profile), made once in {@code platform.reports.signing.directory} and reused. Without either the service does not start.
 */
@Configuration
class ReportingConfig {

    @Bean
    ReportRenderer reportRenderer(@Value("${platform.reports.max-concurrent:4}") int slots) {
        return new ReportRenderer(ReportFonts.load(slots));
    }

    @Bean
    PadesSigner padesSigner(@Value("${platform.reports.signing.key-file:}") String keyFile,
            @Value("${platform.reports.signing.certificate-file:}") String certificateFile,
            @Value("${platform.reports.signing.generate-if-missing:false}") boolean generate,
            @Value("${platform.reports.signing.directory:}") String directory,
            @Value("${platform.reports.platform-name}") String platformName, Clock clock) {
        if (!keyFile.isBlank() && !certificateFile.isBlank()) {
            return new PadesSigner(SigningKeys.fromFiles(Path.of(keyFile), Path.of(certificateFile)));
        }
        if (generate && !directory.isBlank()) {
            return new PadesSigner(SigningKeys.loadOrCreate(Path.of(directory), platformName + " 信用报告签章（本地）", clock));
        }
        throw new IllegalStateException("no report-signing key: set REPORT_SIGNING_KEY_FILE and REPORT_SIGNING_CERT_FILE "
                + "(the Secret report-signing in Kubernetes)");
    }
}
