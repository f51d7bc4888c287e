package org.publiccredit.record.audit;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.LocalDate;
import java.util.function.BiConsumer;
import org.publiccredit.commons.security.Caller;
import org.springframework.http.HttpHeaders;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Who looked at whom: a subject's own access log (查询记录) and the admins' audit lists with CSV export. The admin role is
 * required by SecurityConfig for {@code /api/v1/audit/**}; the access log is the caller's own, from the token's claims.
 */
@RestController
class AuditController {

    private final AccessLog accessLog;
    private final AuditLists lists;

    AuditController(AccessLog accessLog, AuditLists lists) {
        this.accessLog = accessLog;
        this.lists = lists;
    }

    @GetMapping("/api/v1/subjects/mine/access-log")
    @Operation(operationId = "getMyAccessLog", summary = "Who checked or read the caller's own file (查询记录), newest first "
            + "(enterprise by its uscc claim, citizen by id_number)",
            description = "Each credit check that included the subject (scenario, purpose) and each read of its file beyond the public "
                    + "view by someone else. Who is the department or the partner's client, never the officer's own name.")
    @ApiResponse(responseCode = "200", description = "a page of the log")
    @ApiResponse(responseCode = "400", description = "VALIDATION_FAILED: page or size out of range")
    @ApiResponse(responseCode = "404", description = "SUBJECT_NOT_REGISTERED: the account acts for no subject")
    AuditPage<AccessLog.Entry> mine(@RequestParam(required = false) String page, @RequestParam(required = false) String size,
            Caller caller) {
        AuditParams p = AuditParams.parse(null, null, null, null, null, page, size, null, null);
        return accessLog.mine(caller, p.page(), p.size());
    }

    @GetMapping("/api/v1/audit/checks")
    @Operation(operationId = "listAuditChecks", summary = "Recorded credit checks by subject, client, department and time (admin), "
            + "a page of JSON or, with format=csv or Accept: text/csv, all of them as CSV",
            description = "from/to: days (Asia/Shanghai, to included) or instants with offset. subject: a USCC or an id number.")
    @ApiResponse(responseCode = "200", description = "a page of checks, or the CSV (UTF-8 with BOM, a header row, a row per check)")
    @ApiResponse(responseCode = "400", description = "VALIDATION_FAILED: a bad date, subject, page, size or format")
    AuditPage<AuditLists.CheckRow> checks(@RequestParam(required = false) String subject, @RequestParam(required = false) String client,
            @RequestParam(required = false) String department, @RequestParam(required = false) String from,
            @RequestParam(required = false) String to, @RequestParam(required = false) String page,
            @RequestParam(required = false) String size, @RequestParam(required = false) String format,
            @RequestHeader(name = HttpHeaders.ACCEPT, required = false) String accept, HttpServletResponse response) throws IOException {
        AuditParams p = AuditParams.parse(subject, client, department, from, to, page, size, format, accept);
        if (p.csv()) {
            csv(response, "credit-checks", p, lists::checksCsv);
            return null;
        }
        return lists.checks(p);
    }

    @GetMapping("/api/v1/audit/reads")
    @Operation(operationId = "listAuditReads", summary = "Recorded reads of files beyond the public view by subject, client, department "
            + "and time (admin), a page of JSON or, with format=csv or Accept: text/csv, all of them as CSV")
    @ApiResponse(responseCode = "200", description = "a page of reads, or the CSV (UTF-8 with BOM, a header row, a row per read)")
    @ApiResponse(responseCode = "400", description = "VALIDATION_FAILED: a bad date, subject, page, size or format")
    AuditPage<AuditLists.ReadRow> reads(@RequestParam(required = false) String subject, @RequestParam(required = false) String client,
            @RequestParam(required = false) String department, @RequestParam(required = false) String from,
            @RequestParam(required = false) String to, @RequestParam(required = false) String page,
            @RequestParam(required = false) String size, @RequestParam(required = false) String format,
            @RequestHeader(name = HttpHeaders.ACCEPT, required = false) String accept, HttpServletResponse response) throws IOException {
        AuditParams p = AuditParams.parse(subject, client, department, from, to, page, size, format, accept);
        if (p.csv()) {
            csv(response, "file-reads", p, lists::readsCsv);
            return null;
        }
        return lists.reads(p);
    }

    private static void csv(HttpServletResponse response, String name, AuditParams p, BiConsumer<AuditParams, java.io.OutputStream> export)
            throws IOException {
        response.setStatus(200);
        response.setContentType("text/csv;charset=UTF-8");
        response.setHeader(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"" + name + "-" + LocalDate.now(AuditParams.ZONE) + ".csv\"");
        response.setHeader(HttpHeaders.CACHE_CONTROL, "no-store");
        var out = response.getOutputStream();
        export.accept(p, out);
        out.flush();
    }
}
