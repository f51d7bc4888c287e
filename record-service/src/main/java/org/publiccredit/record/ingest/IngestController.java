package org.publiccredit.record.ingest;

import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.util.Locale;
import org.publiccredit.commons.problem.ApiException;
import org.publiccredit.commons.security.Caller;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** Pushes by supplying departments (officers and partner clients; the department is the token's). */
@RestController
class IngestController {

    private final IngestService ingest;

    IngestController(IngestService ingest) {
        this.ingest = ingest;
    }

    @PostMapping("/api/v1/records")
    ResponseEntity<IngestService.Pushed> push(@RequestBody RecordInput input, Caller caller) {
        IngestService.Pushed pushed = ingest.pushOne(caller, input);
        return ResponseEntity.status("created".equals(pushed.result()) ? HttpStatus.CREATED : HttpStatus.OK)
                .header("Location", "/api/v1/records/" + pushed.id()).body(pushed);
    }

    /** NDJSON ({@code application/x-ndjson}) or CSV ({@code text/csv}), read as a stream. */
    @PostMapping("/api/v1/records:batch")
    BatchReport batch(HttpServletRequest request, Caller caller) throws IOException {
        String type = request.getContentType() == null ? "" : request.getContentType().toLowerCase(Locale.ROOT);
        BatchReader.Format format;
        if (type.startsWith("application/x-ndjson") || type.startsWith("application/ndjson")
                || type.startsWith("application/jsonl")) {
            format = BatchReader.Format.NDJSON;
        } else if (type.startsWith("text/csv")) {
            format = BatchReader.Format.CSV;
        } else {
            throw new ApiException(HttpStatus.UNSUPPORTED_MEDIA_TYPE, "UNSUPPORTED_MEDIA_TYPE",
                    "Send application/x-ndjson or text/csv (UTF-8)");
        }
        if (type.contains("charset=") && !type.contains("charset=utf-8")) {
            throw ApiException.invalid("ENCODING_NOT_UTF8", "Only UTF-8 is accepted; convert the file first", java.util.List.of());
        }
        return ingest.batch(caller, request.getInputStream(), format);
    }
}
