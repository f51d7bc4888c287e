package org.publiccredit.record.ingest;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import org.publiccredit.commons.problem.ApiException;
import org.publiccredit.commons.security.Caller;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.util.InvalidMimeTypeException;
import org.springframework.util.MimeTypeUtils;
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
    @Operation(operationId = "pushRecord", summary = "Push one record (officer or partner; the supplying department is the token's)",
            description = "Idempotent on the natural key (department, category, document number): 201 when new, 200 when the push "
                    + "updated the record or changed nothing (result: created, updated, unchanged).")
    @ApiResponse(responseCode = "201", description = "created")
    @ApiResponse(responseCode = "200", description = "updated or unchanged")
    @ApiResponse(responseCode = "403", description = "DEPARTMENT_REQUIRED, NOT_SUPPLIER")
    @ApiResponse(responseCode = "409", description = "CONCURRENT_MODIFICATION")
    @ApiResponse(responseCode = "503", description = "SUBJECT_SERVICE_UNAVAILABLE")
    ResponseEntity<IngestService.Pushed> push(@RequestBody RecordInput input, Caller caller) {
        IngestService.Pushed pushed = ingest.pushOne(caller, input);
        return ResponseEntity.status("created".equals(pushed.result()) ? HttpStatus.CREATED : HttpStatus.OK)
                .header("Location", "/api/v1/records/" + pushed.id()).body(pushed);
    }

    /** NDJSON ({@code application/x-ndjson}) or CSV ({@code text/csv}), read as a stream. */
    @PostMapping("/api/v1/records:batch")
    @Operation(operationId = "pushRecordBatch", summary = "Push up to 100,000 records in one streamed request (officer or partner)",
            description = "Body: NDJSON (one record object per line, as in pushRecord) or CSV (UTF-8, optional BOM, a header row: "
                    + "category, subjectIdentifier, subjectName, documentNumber, decisionDate and field columns). Rows are read and "
                    + "stored as they arrive; a bad row is rejected alone with its code (MALFORMED_ROW with ROW_TOO_LONG, "
                    + "ROW_TOO_MANY_COLUMNS or the field problems; VALIDATION_FAILED; NOT_SUPPLIER). The report counts created, "
                    + "updated, unchanged and rejected rows.")
    @io.swagger.v3.oas.annotations.parameters.RequestBody(required = true, description = "one record per NDJSON line or CSV row",
            content = {@io.swagger.v3.oas.annotations.media.Content(mediaType = "application/x-ndjson",
                    schema = @io.swagger.v3.oas.annotations.media.Schema(implementation = RecordInput.class)),
                    @io.swagger.v3.oas.annotations.media.Content(mediaType = "text/csv",
                            schema = @io.swagger.v3.oas.annotations.media.Schema(type = "string",
                                    example = "category,subjectIdentifier,subjectName,documentNumber,decisionDate,violationFacts"))})
    @ApiResponse(responseCode = "200", description = "the per-row report")
    @ApiResponse(responseCode = "400", description = "CSV_HEADER_MISSING, CSV_HEADER_INVALID, ENCODING_NOT_UTF8")
    @ApiResponse(responseCode = "403", description = "DEPARTMENT_REQUIRED")
    @ApiResponse(responseCode = "415", description = "UNSUPPORTED_MEDIA_TYPE: not NDJSON or CSV")
    @ApiResponse(responseCode = "503", description = "SUBJECT_SERVICE_UNAVAILABLE: nothing was stored")
    BatchReport batch(HttpServletRequest request, Caller caller) throws IOException {
        String contentType = request.getContentType() == null ? "" : request.getContentType();
        BatchReader.Format format = format(contentType);
        if (!utf8OrUndeclared(contentType)) {
            throw ApiException.invalid("ENCODING_NOT_UTF8", "Only UTF-8 is accepted; convert the file first", java.util.List.of());
        }
        return ingest.batch(caller, request.getInputStream(), format);
    }

    /** The format the content type's essence names (type/subtype, its parameters aside). */
    private static BatchReader.Format format(String contentType) {
        int semicolon = contentType.indexOf(';');
        return switch ((semicolon < 0 ? contentType : contentType.substring(0, semicolon)).trim().toLowerCase(Locale.ROOT)) {
            case "application/x-ndjson", "application/ndjson", "application/jsonl" -> BatchReader.Format.NDJSON;
            case "text/csv" -> BatchReader.Format.CSV;
            default -> throw unsupported();
        };
    }

    /**
     * Whether the declared charset is UTF-8 under any of its names, quoted or not (RFC 9110 8.3.2), or none is declared.
     * A charset Java does not know makes the type unparsable: it is not UTF-8 either.
     */
    private static boolean utf8OrUndeclared(String contentType) {
        try {
            Charset charset = MimeTypeUtils.parseMimeType(contentType).getCharset();
            return charset == null || StandardCharsets.UTF_8.equals(charset);
        } catch (InvalidMimeTypeException unparsable) {
            return !contentType.toLowerCase(Locale.ROOT).contains("charset=");
        }
    }

    private static ApiException unsupported() {
        return new ApiException(HttpStatus.UNSUPPORTED_MEDIA_TYPE, "UNSUPPORTED_MEDIA_TYPE", "Send application/x-ndjson or text/csv (UTF-8)");
    }
}
