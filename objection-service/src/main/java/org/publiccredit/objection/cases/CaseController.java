package org.publiccredit.objection.cases;

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
    QueuePage queue(Caller caller, @RequestParam(defaultValue = "open") String queue,
            @RequestParam(defaultValue = "0") @Min(0) int page, @RequestParam(defaultValue = "20") @Min(1) @Max(100) int size) {
        Queues.Page p = queues.page(caller, queue, page, size);
        return new QueuePage(p.queue(), p.scope(), p.counts(), p.items().stream().map(c -> views.view(c, true)).toList(),
                p.page(), p.size(), p.total());
    }

    @GetMapping("/api/v1/cases/{id}")
    CaseViews.CaseView one(@PathVariable UUID id, Caller caller) {
        CaseService.Visible v = service.visible(id, caller);
        return views.view(v.file(), v.staff());
    }

    @PostMapping("/api/v1/cases/{id}:accept")
    CaseViews.CaseView accept(@PathVariable UUID id, @Valid @RequestBody(required = false) NoteRequest body, Caller caller) {
        String note = body == null ? null : body.note();
        return show(service.act(id, caller, ActorRole.REVIEWER, (c, a) -> c.accept(a, note, clock.instant())));
    }

    @PostMapping("/api/v1/cases/{id}:refuse")
    CaseViews.CaseView refuse(@PathVariable UUID id, @Valid @RequestBody ReasonRequest body, Caller caller) {
        return show(service.act(id, caller, ActorRole.REVIEWER, (c, a) -> c.refuse(a, body.reason(), clock.instant())));
    }

    @PostMapping("/api/v1/cases/{id}:assign")
    CaseViews.CaseView assign(@PathVariable UUID id, @Valid @RequestBody(required = false) NoteRequest body, Caller caller) {
        String note = body == null ? null : body.note();
        return show(service.act(id, caller, ActorRole.REVIEWER, (c, a) -> c.assign(a, note, clock.instant())));
    }

    @PostMapping("/api/v1/cases/{id}:propose")
    CaseViews.CaseView propose(@PathVariable UUID id, @Valid @RequestBody ProposeRequest body, Caller caller) {
        return show(service.act(id, caller, ActorRole.DEPARTMENT,
                (c, a) -> c.propose(a, body.outcome(), body.reason(), body.fields(), clock.instant())));
    }

    @PostMapping("/api/v1/cases/{id}:decide")
    CaseViews.CaseView decide(@PathVariable UUID id, @Valid @RequestBody DecideRequest body, Caller caller) {
        return show(service.act(id, caller, ActorRole.REVIEWER, (c, a) -> c.decide(a, body.outcome(), body.reason(), clock.instant())));
    }

    /** A DEAD effect on the record, delivered again (reviewer of the region; 409 EFFECT_NOT_DEAD otherwise). */
    @PostMapping("/api/v1/cases/{id}/effects/{operationId}:retry")
    CaseViews.CaseView retryEffect(@PathVariable UUID id, @PathVariable String operationId, Caller caller) {
        return show(service.retryEffect(id, operationId, caller));
    }

    /** More files while the case is SUBMITTED (applicant only), stored in the same transaction as the check. */
    @PostMapping(path = "/api/v1/cases/{id}/attachments", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
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
