package org.publiccredit.report.issue;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.publiccredit.commons.security.Caller;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;

/** Anyone asks for a public report; the subject itself and those with rights for a full one. The answer is the signed PDF. */
@RestController
class ReportController {

    static final String NUMBER_HEADER = "X-Report-Number";

    private final ReportService reports;

    ReportController(ReportService reports) {
        this.reports = reports;
    }

    /**
     * What report.
     *
     * @param subject a USCC, an id number (in the body, never in a URL) or a subject id
     * @param edition {@code public} or {@code full}
     */
    record ReportRequest(@NotBlank @Size(max = 64) String subject, @NotNull @Pattern(regexp = "public|full") String edition) {
        @Override
        public String toString() {
            return "ReportRequest[subject=<masked>, edition=" + edition + "]";
        }
    }

    @PostMapping(path = "/api/v1/reports", produces = MediaType.APPLICATION_PDF_VALUE)
    @Operation(operationId = "issueReport", summary = "A signed credit report (信用报告) as PDF; its number in X-Report-Number",
            description = "public: anyone, public records only. full: the subject itself (uscc / id_number claim), reviewers, admins, "
                    + "a supplying department (its own records). Someone else's full report: 404; no token: 401; no right: 403.")
    @ApiResponse(responseCode = "200", description = "the signed PDF", content = @Content(mediaType = "application/pdf"))
    ResponseEntity<byte[]> report(@Valid @RequestBody ReportRequest request, Caller caller,
            @RequestHeader(value = HttpHeaders.AUTHORIZATION, required = false) String authorization) {
        ReportService.Issued issued = reports.issue(request.subject(), Edition.of(request.edition()), caller,
                caller.anonymous() ? null : authorization);
        return ResponseEntity.ok()
                .contentType(MediaType.APPLICATION_PDF)
                .header(NUMBER_HEADER, issued.number())
                .header("X-Report-SHA256", issued.sha256())
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                        .filename("credit-report-" + issued.number() + ".pdf").build().toString())
                .header(HttpHeaders.CACHE_CONTROL, "no-store")
                .header("X-Content-Type-Options", "nosniff")
                .body(issued.pdf());
    }
}
