package org.publiccredit.subject.bulk;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.Charset;
import java.nio.charset.IllegalCharsetNameException;
import java.nio.charset.StandardCharsets;
import java.nio.charset.UnsupportedCharsetException;
import java.util.List;
import org.publiccredit.commons.problem.ApiException;
import org.publiccredit.commons.security.Caller;
import org.publiccredit.subject.registry.SubjectInput;
import org.publiccredit.subject.web.Languages;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

/** Bulk import of subjects: NDJSON or CSV in, streamed row by row; a JSON report out. */
@RestController
@Tag(name = "subjects")
class ImportController {

    static final String NDJSON = "application/x-ndjson";
    /** After a refusal, at most this much of the rest of the body is read and dropped, so the client gets the answer. */
    private static final long DRAIN_LIMIT = 256L * 1024 * 1024;

    private final ImportService imports;

    ImportController(ImportService imports) {
        this.imports = imports;
    }

    @PostMapping(path = "/api/v1/subjects:import", consumes = {NDJSON, "text/csv"}, produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(operationId = "importSubjects", summary = "Import up to 100,000 subjects in one streamed request (officer, partner, admin)",
            description = "Body: NDJSON (one SubjectInput object per line) or CSV (UTF-8, optional BOM, header row with the SubjectInput "
                    + "field names). Rows are read from the stream as they arrive and stored in batches of 1,000, each row entirely or not "
                    + "at all; valid rows are stored whatever other rows hold. Answer: JSON with the totals over all rows (created, "
                    + "updated, unchanged, rejected) and the REJECTED rows (with their error codes and fields) and UPDATED rows, in "
                    + "row order, at most 10,000 listed (rowsTruncated). Importing the same file again answers every row UNCHANGED. "
                    + "Row 100,001 stops the import: 413 problem IMPORT_TOO_MANY_ROWS carrying the report of the rows processed. "
                    + "An unusable CSV header is a 400 problem IMPORT_HEADER_INVALID before any row is stored.")
    @io.swagger.v3.oas.annotations.parameters.RequestBody(required = true, description = "one subject per NDJSON line or CSV row",
            content = {@Content(mediaType = NDJSON, schema = @Schema(implementation = SubjectInput.class)),
                    @Content(mediaType = "text/csv", schema = @Schema(type = "string",
                            example = "code,name,type,region,legalRepresentative,registrationDate,registrationStatus,industry,address"))})
    @ApiResponse(responseCode = "200", description = "the report", content = @Content(schema = @Schema(implementation = ImportReport.class)))
    @ApiResponse(responseCode = "413", description = "IMPORT_TOO_MANY_ROWS, with totals and rows of the part processed")
    ImportReport importSubjects(HttpServletRequest request, Caller caller) throws IOException {
        // the raw header: the request's own encoding is forced to UTF-8 by Boot's CharacterEncodingFilter
        String contentType = request.getHeader("Content-Type");
        checkCharset(contentType == null ? null : MediaType.parseMediaType(contentType).getParameter("charset"));
        boolean csv = request.getContentType() != null && MediaType.parseMediaType(request.getContentType()).isCompatibleWith(MediaType.parseMediaType("text/csv"));
        InputStream body = request.getInputStream();
        ImportService.Result result = imports.run(body, csv, caller, Languages.of(request));
        return switch (result.stop()) {
            case NONE -> result.report();
            case TOO_MANY_ROWS -> {
                drain(body);
                throw stopped(new ApiException(HttpStatus.CONTENT_TOO_LARGE, "IMPORT_TOO_MANY_ROWS", "An import holds at most "
                        + imports.maxRows() + " rows; it stopped at row " + result.stoppedAt() + ". The rows before it were "
                        + "processed as reported; send the rest in another request").args(imports.maxRows(), result.stoppedAt()), result);
            }
            case STORE_FAILED -> throw stopped(new ApiException(HttpStatus.SERVICE_UNAVAILABLE, "IMPORT_INTERRUPTED", "The database "
                    + "refused the batch that starts at row " + result.stoppedAt() + "; that batch and the rows after it were not "
                    + "stored, the rows before it were processed as reported. Send the file again: stored rows will be unchanged")
                    .args(result.stoppedAt()), result);
        };
    }

    /** An import that stopped early still answers what it did: the report of the rows processed, beside the problem. */
    private static ApiException stopped(ApiException problem, ImportService.Result result) {
        return problem.with("totals", result.report().totals())
                .with("rows", result.report().rows())
                .with("rowsTruncated", result.report().rowsTruncated())
                .with("stoppedAtRow", result.stoppedAt());
    }

    private static void checkCharset(String name) {
        if (name == null) {
            return;
        }
        try {
            if (Charset.forName(name.replace("\"", "")).equals(StandardCharsets.UTF_8)) {
                return;
            }
        } catch (IllegalCharsetNameException | UnsupportedCharsetException e) {
            // falls through to the refusal
        }
        throw new ApiException(HttpStatus.UNSUPPORTED_MEDIA_TYPE, "UNSUPPORTED_CHARSET", "Imports are read as UTF-8 only", List.of());
    }

    private static void drain(InputStream body) {
        byte[] sink = new byte[64 * 1024];
        long total = 0;
        try {
            int n;
            while (total < DRAIN_LIMIT && (n = body.read(sink)) >= 0) {
                total += n;
            }
        } catch (IOException e) {
            // the client went away; nothing left to answer
        }
    }
}
