package org.publiccredit.report.registry;

import io.swagger.v3.oas.annotations.Operation;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.io.InputStream;
import org.publiccredit.commons.problem.ApiException;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.util.unit.DataSize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

/** Anyone: look a report up by its number, or have a PDF checked (multipart part {@code file}, or the PDF as the body). */
@RestController
class PublicReportController {

    private final ReportRegistry registry;
    private final Verification verification;
    private final long maxUpload;

    PublicReportController(ReportRegistry registry, Verification verification,
            @Value("${platform.reports.max-upload:20MB}") DataSize maxUpload) {
        this.registry = registry;
        this.verification = verification;
        this.maxUpload = maxUpload.toBytes();
    }

    @GetMapping("/api/v1/public/reports/{number}")
    @Operation(operationId = "getIssuedReport", summary = "Whether a report was issued: for whom (persons masked), when, its SHA-256, "
            + "revoked or not (anyone; unknown: 404 REPORT_NOT_FOUND)")
    PublicReportView report(@PathVariable String number) {
        if (!ReportNumberFormat.plausible(number)) {
            throw notFound();
        }
        return registry.byNumber(number).map(PublicReportView::of).orElseThrow(PublicReportController::notFound);
    }

    @PostMapping(path = "/api/v1/public/reports:verify", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @Operation(operationId = "verifyReportUpload", summary = "Is this PDF a report the platform issued, unaltered, not revoked? "
            + "(multipart part file; anyone)")
    Verification.Result verifyUpload(@RequestPart("file") MultipartFile file) throws IOException {
        if (file.isEmpty()) {
            throw ApiException.invalid("VALIDATION_FAILED", "The part 'file' is empty",
                    java.util.List.of(new org.publiccredit.commons.problem.FieldProblem("file", "FILE_EMPTY", "no bytes")));
        }
        try (InputStream in = file.getInputStream()) {
            return verification.verify(read(in));
        }
    }

    @PostMapping(path = "/api/v1/public/reports:verify", consumes = MediaType.APPLICATION_PDF_VALUE)
    @Operation(operationId = "verifyReport", summary = "Is this PDF (the body) a report the platform issued, unaltered, not revoked?")
    Verification.Result verifyBody(HttpServletRequest request) throws IOException {
        try (InputStream in = request.getInputStream()) {
            byte[] body = read(in);
            if (body.length == 0) {
                throw ApiException.invalid("VALIDATION_FAILED", "The body is empty", java.util.List.of());
            }
            return verification.verify(body);
        }
    }

    /** Reads at most the upload limit (a chunked body declares no length): more is 413 PAYLOAD_TOO_LARGE. */
    private byte[] read(InputStream in) throws IOException {
        byte[] bytes = in.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, maxUpload + 1));
        if (bytes.length > maxUpload) {
            throw new ApiException(HttpStatus.CONTENT_TOO_LARGE, "PAYLOAD_TOO_LARGE",
                    "A report to verify may have at most " + maxUpload + " bytes").args(maxUpload);
        }
        return bytes;
    }

    private static ApiException notFound() {
        return new ApiException(HttpStatus.NOT_FOUND, "REPORT_NOT_FOUND", "No report with this number was issued");
    }
}
