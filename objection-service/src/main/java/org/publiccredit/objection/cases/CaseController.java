package org.publiccredit.objection.cases;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.publiccredit.commons.problem.ApiException;
import org.publiccredit.commons.security.Caller;
import org.publiccredit.objection.attachment.Attachments;
import org.publiccredit.objection.attachment.MultipartParts;
import org.publiccredit.objection.attachment.Purpose;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

/**
 * Cases after filing: the applicant's own list with timelines, work queues, one case, the reviewer's and the
 * department's transitions, and the files.
 */
@RestController
class CaseController {

    private final CaseService service;
    private final CaseViews views;
    private final Queues queues;
    private final Attachments attachments;
    private final CaseRepository cases;
    private final Clock clock;

    CaseController(CaseService service, CaseViews views, Queues queues, Attachments attachments, CaseRepository cases, Clock clock) {
        this.service = service;
        this.views = views;
        this.queues = queues;
        this.attachments = attachments;
        this.cases = cases;
        this.clock = clock;
    }

    record NoteRequest(@Size(max = 2000) String note) {
    }

    // reasons are stripped on arrival: every length check counts what is stored
    record ReasonRequest(@NotBlank @Size(max = 2000) String reason) {
        ReasonRequest {
            reason = reason == null ? null : reason.strip();
        }
    }

    // an optional reason, stripped on arrival like every reason
    record WithdrawRequest(@Size(max = 2000) String reason) {
        WithdrawRequest {
            reason = reason == null ? null : reason.strip();
        }
    }

    record ProposeRequest(@NotNull Outcome outcome, @NotBlank @Size(max = 2000) String reason, @Size(max = 50) Map<String, Object> fields) {
        ProposeRequest {
            reason = reason == null ? null : reason.strip();
        }
    }

    record DecideRequest(@NotNull Outcome outcome, @NotBlank @Size(max = 2000) String reason) {
        DecideRequest {
            reason = reason == null ? null : reason.strip();
        }
    }

    record QueuePage(String queue, String scope, Map<String, Long> counts, List<CaseViews.CaseView> items, int page, int size, long total) {
    }

    /** The caller's own cases (newest first) with their timelines; empty for callers who cannot be applicants. */
    @GetMapping("/api/v1/cases/mine")
    @Operation(operationId = "listMyCases", summary = "The caller's own objections and repairs, newest first, with their timelines",
            description = "Empty for callers who cannot be applicants; X-Total-Count holds the total.")
    ResponseEntity<List<CaseViews.CaseView>> mine(Caller caller, @RequestParam(defaultValue = "0") @Min(0) int page,
            @RequestParam(defaultValue = "20") @Min(1) @Max(100) int size) {
        var owner = CaseAccess.ownerKey(caller);
        if (owner.isEmpty()) {
            return ResponseEntity.ok().header("X-Total-Count", "0").body(List.of());
        }
        List<CaseViews.CaseView> list = service.mine(owner.get(), size, page * size).stream().map(c -> views.view(c, false)).toList();
        return ResponseEntity.ok().header("X-Total-Count", Long.toString(cases.countByOwner(owner.get()))).body(list);
    }

    @GetMapping("/api/v1/cases")
    @Operation(operationId = "listCaseQueue", summary = "A work queue: reviewers see their region's cases, officers their department's",
            description = "queue: open, accept, verify, decide, overdue, dead-effects or done.")
    @ApiResponse(responseCode = "200", description = "a page of the queue")
    @ApiResponse(responseCode = "400", description = "PARAMETER_INVALID: no such queue")
    QueuePage queue(Caller caller, @RequestParam(defaultValue = "open") String queue,
            @RequestParam(defaultValue = "0") @Min(0) int page, @RequestParam(defaultValue = "20") @Min(1) @Max(100) int size) {
        Queues.Page p = queues.page(caller, queue, page, size);
        return new QueuePage(p.queue(), p.scope(), p.counts(), p.items().stream().map(c -> views.view(c, true)).toList(),
                p.page(), p.size(), p.total());
    }

    @GetMapping("/api/v1/cases/{id}")
    @Operation(operationId = "getCase", summary = "One case, to its applicant, the region's reviewers and the supplying department")
    @ApiResponse(responseCode = "200", description = "the case")
    @ApiResponse(responseCode = "404", description = "NOT_FOUND: no such case, or not the caller's to see")
    CaseViews.CaseView one(@PathVariable UUID id, Caller caller) {
        CaseService.Visible v = service.visible(id, caller);
        return views.view(v.file(), v.staff());
    }

    @PostMapping("/api/v1/cases/{id}:accept")
    @Operation(operationId = "acceptCase", summary = "Accept (受理) a submitted case (reviewer of its region)")
    @ApiResponse(responseCode = "200", description = "the case as it now is")
    @ApiResponse(responseCode = "404", description = "NOT_FOUND: no such case, or not the caller's to see")
    @ApiResponse(responseCode = "409", description = "ILLEGAL_TRANSITION, CONCURRENT_UPDATE")
    CaseViews.CaseView accept(@PathVariable UUID id, @Valid @RequestBody(required = false) NoteRequest body, Caller caller) {
        String note = body == null ? null : body.note();
        return show(service.act(id, caller, ActorRole.REVIEWER, (c, a) -> c.accept(a, note, clock.instant())));
    }

    @PostMapping("/api/v1/cases/{id}:refuse")
    @Operation(operationId = "refuseCase", summary = "Refuse to accept (不予受理) a submitted case, with the reason (reviewer of its region)")
    @ApiResponse(responseCode = "200", description = "the case as it now is")
    @ApiResponse(responseCode = "404", description = "NOT_FOUND: no such case, or not the caller's to see")
    @ApiResponse(responseCode = "409", description = "ILLEGAL_TRANSITION, CONCURRENT_UPDATE")
    CaseViews.CaseView refuse(@PathVariable UUID id, @Valid @RequestBody ReasonRequest body, Caller caller) {
        return show(service.act(id, caller, ActorRole.REVIEWER, (c, a) -> c.refuse(a, body.reason(), clock.instant())));
    }

    @PostMapping("/api/v1/cases/{id}:assign")
    @Operation(operationId = "assignCase", summary = "Send an accepted case to the supplying department for verification (reviewer)")
    @ApiResponse(responseCode = "200", description = "the case as it now is")
    @ApiResponse(responseCode = "404", description = "NOT_FOUND: no such case, or not the caller's to see")
    @ApiResponse(responseCode = "409", description = "ILLEGAL_TRANSITION, CONCURRENT_UPDATE")
    CaseViews.CaseView assign(@PathVariable UUID id, @Valid @RequestBody(required = false) NoteRequest body, Caller caller) {
        String note = body == null ? null : body.note();
        return show(service.act(id, caller, ActorRole.REVIEWER, (c, a) -> c.assign(a, note, clock.instant())));
    }

    @PostMapping("/api/v1/cases/{id}:propose")
    @Operation(operationId = "proposeOutcome", summary = "The supplying department's finding: CORRECTED (with the corrected fields), "
            + "DELETED or UPHELD for an objection; APPROVED or DENIED for a repair (officer of that department)")
    @ApiResponse(responseCode = "400", description = "OUTCOME_NOT_ALLOWED, CORRECTION_FIELDS_MISSING, FIELDS_NOT_EXPECTED")
    @ApiResponse(responseCode = "200", description = "the case as it now is")
    @ApiResponse(responseCode = "404", description = "NOT_FOUND: no such case, or not the caller's to see")
    @ApiResponse(responseCode = "409", description = "ILLEGAL_TRANSITION, CONCURRENT_UPDATE")
    CaseViews.CaseView propose(@PathVariable UUID id, @Valid @RequestBody ProposeRequest body, Caller caller) {
        return show(service.act(id, caller, ActorRole.DEPARTMENT,
                (c, a) -> c.propose(a, body.outcome(), body.reason(), body.fields(), clock.instant())));
    }

    @PostMapping("/api/v1/cases/{id}:decide")
    @Operation(operationId = "decideCase", summary = "Conclude a case with its outcome and reason (reviewer of its region); the "
            + "effect on the record follows from the decision, delivered until acknowledged")
    @ApiResponse(responseCode = "400", description = "OUTCOME_NOT_ALLOWED")
    @ApiResponse(responseCode = "200", description = "the case as it now is")
    @ApiResponse(responseCode = "404", description = "NOT_FOUND: no such case, or not the caller's to see")
    @ApiResponse(responseCode = "409", description = "ILLEGAL_TRANSITION, CONCURRENT_UPDATE")
    CaseViews.CaseView decide(@PathVariable UUID id, @Valid @RequestBody DecideRequest body, Caller caller) {
        return show(service.act(id, caller, ActorRole.REVIEWER, (c, a) -> c.decide(a, body.outcome(), body.reason(), clock.instant())));
    }

    /**
     * 撤回申请: the applicant withdraws a case that is not decided; an objection's dispute on the record is cleared through
     * the effect outbox.
     */
    @PostMapping("/api/v1/cases/{id}:withdraw")
    @Operation(operationId = "withdrawCase", summary = "Withdraw (撤回) an undecided case, with an optional reason (its applicant)",
            description = "The case ends WITHDRAWN with outcome WITHDRAWN; an objection's dispute on the record is cleared.")
    @ApiResponse(responseCode = "200", description = "the case as it now is")
    @ApiResponse(responseCode = "403", description = "ACCESS_DENIED: staff of the case may not withdraw it")
    @ApiResponse(responseCode = "404", description = "NOT_FOUND: no such case, or not the caller's to see")
    @ApiResponse(responseCode = "409", description = "CASE_ALREADY_CLOSED: decided or closed; CONCURRENT_UPDATE")
    CaseViews.CaseView withdraw(@PathVariable UUID id, @Valid @RequestBody(required = false) WithdrawRequest body, Caller caller) {
        return show(service.withdraw(id, caller, body == null ? null : body.reason()));
    }

    /** A DEAD effect on the record, delivered again (reviewer of the region; 409 EFFECT_NOT_DEAD otherwise). */
    @PostMapping("/api/v1/cases/{id}/effects/{operationId}:retry")
    @Operation(operationId = "retryCaseEffect", summary = "Deliver a dead effect on the record again (reviewer of the case's region)")
    @ApiResponse(responseCode = "200", description = "the case as it now is")
    @ApiResponse(responseCode = "404", description = "NOT_FOUND: no such case or effect")
    @ApiResponse(responseCode = "409", description = "EFFECT_NOT_DEAD")
    CaseViews.CaseView retryEffect(@PathVariable UUID id, @PathVariable String operationId, Caller caller) {
        return show(service.retryEffect(id, operationId, caller));
    }

    /** More files while the case is SUBMITTED (applicant only), stored in the same transaction as the check. */
    @PostMapping(path = "/api/v1/cases/{id}/attachments", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @Operation(operationId = "addCaseAttachments", summary = "More files for a SUBMITTED case (its applicant): parts files, PDF, PNG "
            + "or JPEG, at most 10 MB each and 5 per case")
    @ApiResponse(responseCode = "201", description = "the case with its files")
    @ApiResponse(responseCode = "404", description = "NOT_FOUND: no such case of the caller's")
    @ApiResponse(responseCode = "409", description = "ILLEGAL_TRANSITION: the case is no longer SUBMITTED")
    @ApiResponse(responseCode = "413", description = "ATTACHMENT_TOO_LARGE")
    @ApiResponse(responseCode = "415", description = "ATTACHMENT_TYPE_NOT_ALLOWED: the content is not PDF, PNG or JPEG")
    @ApiResponse(responseCode = "422", description = "TOO_MANY_ATTACHMENTS")
    ResponseEntity<CaseViews.CaseView> attach(@PathVariable UUID id, Caller caller,
            @RequestPart(name = "files", required = false) List<MultipartFile> files,
            @RequestParam(name = "purpose", defaultValue = "EVIDENCE") Purpose purpose, HttpServletRequest http) {
        MultipartParts.only(http, Set.of("files", "purpose"));
        List<Attachments.Incoming> incoming = new ArrayList<>();
        for (int i = 0; files != null && i < files.size(); i++) {
            incoming.add(new Attachments.Incoming("files[" + i + "]", purpose, files.get(i)));
        }
        return ResponseEntity.status(201).body(show(service.attach(id, caller, incoming)));
    }

    /** A file, to the applicant, the region's reviewers and the supplying department; everybody else gets 404. */
    @GetMapping("/api/v1/cases/{id}/attachments/{attachmentId}")
    @Operation(operationId = "downloadCaseAttachment", summary = "A case's file, to those who may see the case")
    @ApiResponse(responseCode = "200", description = "the file", content = {
            @io.swagger.v3.oas.annotations.media.Content(mediaType = "application/pdf",
                    schema = @io.swagger.v3.oas.annotations.media.Schema(type = "string", format = "binary")),
            @io.swagger.v3.oas.annotations.media.Content(mediaType = "image/png",
                    schema = @io.swagger.v3.oas.annotations.media.Schema(type = "string", format = "binary")),
            @io.swagger.v3.oas.annotations.media.Content(mediaType = "image/jpeg",
                    schema = @io.swagger.v3.oas.annotations.media.Schema(type = "string", format = "binary"))})
    @ApiResponse(responseCode = "404", description = "NOT_FOUND: no such case or file, or not the caller's to see")
    ResponseEntity<byte[]> download(@PathVariable UUID id, @PathVariable UUID attachmentId, Caller caller) {
        service.visible(id, caller);
        Attachments.Content file = attachments.content(id, attachmentId).orElseThrow(() -> ApiException.notFound("Attachment"));
        return ResponseEntity.ok()
                .contentType(MediaType.parseMediaType(file.mediaType()))
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                        .filename(file.fileName(), StandardCharsets.UTF_8).build().toString())
                .header("X-Content-Type-Options", "nosniff")
                .header(HttpHeaders.CACHE_CONTROL, "private, no-store")
                .body(file.bytes());
    }

    private CaseViews.CaseView show(CaseService.Visible v) {
        return views.view(v.file(), v.staff());
    }
}
