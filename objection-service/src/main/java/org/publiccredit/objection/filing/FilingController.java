package org.publiccredit.objection.filing;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import java.net.URI;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.publiccredit.commons.security.Caller;
import org.publiccredit.objection.attachment.Attachments;
import org.publiccredit.objection.attachment.MultipartParts;
import org.publiccredit.objection.attachment.Purpose;
import org.publiccredit.objection.cases.CaseKind;
import org.publiccredit.objection.cases.CaseViews;
import org.publiccredit.objection.client.RecordView;
import org.publiccredit.objection.repair.RepairEligibility;
import org.publiccredit.objection.repair.RepairTemplates;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

/**
 * Filing: {@code POST /api/v1/objections} and {@code POST /api/v1/repairs} (JSON, or multipart with the JSON in part
 * {@code case} and files in parts {@code files} (evidence), {@code proof} and {@code authorisation}); a repair's
 * eligibility and the texts to sign, before filing.
 */
@RestController
class FilingController {

    private static final String IDEMPOTENCY_KEY = IdempotencyKey.HEADER;
    private static final Set<String> OBJECTION_PARTS = Set.of("case", "files", "authorisation");
    private static final Set<String> REPAIR_PARTS = Set.of("case", "files", "proof", "authorisation");

    private final FilingService filing;
    private final CaseViews views;

    FilingController(FilingService filing, CaseViews views) {
        this.filing = filing;
        this.views = views;
    }

    record EligibilityView(String recordId, String category, boolean eligible, LocalDate minPublicityUntil, LocalDate eligibleFrom,
            List<RepairEligibility.Check> conditions) {
    }

    record TemplatesView(String recordId, String version, List<RepairTemplates.Filled> templates) {
    }

    @PostMapping(path = "/api/v1/objections", consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(operationId = "fileObjection", summary = "File an objection (异议) about one of the caller's own records",
            description = "JSON, or multipart/form-data with the JSON in part case and files in parts files (evidence) and "
                    + "authorisation (an agent's). Idempotent on the Idempotency-Key header (visible ASCII, at most 100).")
    @ApiResponse(responseCode = "201", description = "filed", content = @io.swagger.v3.oas.annotations.media.Content(
            mediaType = "application/json", schema = @io.swagger.v3.oas.annotations.media.Schema(implementation = CaseViews.CaseView.class)))
    @ApiResponse(responseCode = "200", description = "the same Idempotency-Key and request again: the case filed the first time",
            content = @io.swagger.v3.oas.annotations.media.Content(mediaType = "application/json",
                    schema = @io.swagger.v3.oas.annotations.media.Schema(implementation = CaseViews.CaseView.class)))
    @ApiResponse(responseCode = "400", description = "IDEMPOTENCY_KEY_INVALID")
    @ApiResponse(responseCode = "403", description = "NOT_RECORD_SUBJECT")
    @ApiResponse(responseCode = "404", description = "NOT_FOUND: no such record")
    @ApiResponse(responseCode = "413", description = "ATTACHMENT_TOO_LARGE")
    @ApiResponse(responseCode = "415", description = "ATTACHMENT_TYPE_NOT_ALLOWED")
    @ApiResponse(responseCode = "409", description = "RECORD_NOT_OBJECTIONABLE, CASE_ALREADY_OPEN")
    @ApiResponse(responseCode = "422", description = "IDEMPOTENCY_KEY_REUSED, TOO_MANY_ATTACHMENTS")
    ResponseEntity<?> objection(Caller caller, @RequestHeader(IDEMPOTENCY_KEY) String key,
            @Valid @RequestBody FilingRequests.ObjectionRequest body) {
        return answer(filing.file(caller, key, objection(body, List.of())));
    }

    @PostMapping(path = "/api/v1/objections", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @Operation(operationId = "fileObjection", summary = "File an objection (异议) about one of the caller's own records",
            description = "JSON, or multipart/form-data with the JSON in part case and files in parts files (evidence) and "
                    + "authorisation (an agent's). Idempotent on the Idempotency-Key header (visible ASCII, at most 100).")
    @ApiResponse(responseCode = "201", description = "filed", content = @io.swagger.v3.oas.annotations.media.Content(
            mediaType = "application/json", schema = @io.swagger.v3.oas.annotations.media.Schema(implementation = CaseViews.CaseView.class)))
    @ApiResponse(responseCode = "200", description = "the same Idempotency-Key and request again: the case filed the first time",
            content = @io.swagger.v3.oas.annotations.media.Content(mediaType = "application/json",
                    schema = @io.swagger.v3.oas.annotations.media.Schema(implementation = CaseViews.CaseView.class)))
    @ApiResponse(responseCode = "400", description = "IDEMPOTENCY_KEY_INVALID")
    @ApiResponse(responseCode = "403", description = "NOT_RECORD_SUBJECT")
    @ApiResponse(responseCode = "404", description = "NOT_FOUND: no such record")
    @ApiResponse(responseCode = "413", description = "ATTACHMENT_TOO_LARGE")
    @ApiResponse(responseCode = "415", description = "ATTACHMENT_TYPE_NOT_ALLOWED")
    @ApiResponse(responseCode = "409", description = "RECORD_NOT_OBJECTIONABLE, CASE_ALREADY_OPEN")
    @ApiResponse(responseCode = "422", description = "IDEMPOTENCY_KEY_REUSED, TOO_MANY_ATTACHMENTS")
    ResponseEntity<?> objectionWithFiles(Caller caller, @RequestHeader(IDEMPOTENCY_KEY) String key,
            @Valid @RequestPart("case") FilingRequests.ObjectionRequest body,
            @RequestPart(name = "files", required = false) List<MultipartFile> files,
            @RequestPart(name = "authorisation", required = false) List<MultipartFile> authorisation, HttpServletRequest http) {
        MultipartParts.only(http, OBJECTION_PARTS);
        return answer(filing.file(caller, key, objection(body, incoming(files, null, authorisation))));
    }

    @PostMapping(path = "/api/v1/repairs", consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(operationId = "fileRepair", summary = "Apply for credit repair (信用修复) of one of the caller's own records",
            description = "JSON, or multipart/form-data with the JSON in part case and files in parts files, proof (that the "
                    + "obligations were fulfilled) and authorisation. Needs the current templates accepted (getRepairTemplates). "
                    + "Idempotent on the Idempotency-Key header.")
    @ApiResponse(responseCode = "201", description = "filed", content = @io.swagger.v3.oas.annotations.media.Content(
            mediaType = "application/json", schema = @io.swagger.v3.oas.annotations.media.Schema(implementation = CaseViews.CaseView.class)))
    @ApiResponse(responseCode = "200", description = "the same Idempotency-Key and request again: the case filed the first time",
            content = @io.swagger.v3.oas.annotations.media.Content(mediaType = "application/json",
                    schema = @io.swagger.v3.oas.annotations.media.Schema(implementation = CaseViews.CaseView.class)))
    @ApiResponse(responseCode = "400", description = "IDEMPOTENCY_KEY_INVALID")
    @ApiResponse(responseCode = "403", description = "NOT_RECORD_SUBJECT")
    @ApiResponse(responseCode = "404", description = "NOT_FOUND: no such record")
    @ApiResponse(responseCode = "413", description = "ATTACHMENT_TOO_LARGE")
    @ApiResponse(responseCode = "415", description = "ATTACHMENT_TYPE_NOT_ALLOWED")
    @ApiResponse(responseCode = "409", description = "CASE_ALREADY_OPEN")
    @ApiResponse(responseCode = "422", description = "REPAIR_NOT_ELIGIBLE (with eligibleFrom and conditions), TEMPLATES_NOT_ACCEPTED, "
            + "IDEMPOTENCY_KEY_REUSED, TOO_MANY_ATTACHMENTS")
    ResponseEntity<?> repair(Caller caller, @RequestHeader(IDEMPOTENCY_KEY) String key,
            @Valid @RequestBody FilingRequests.RepairRequest body) {
        return answer(filing.file(caller, key, repair(body, List.of())));
    }

    @PostMapping(path = "/api/v1/repairs", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @Operation(operationId = "fileRepair", summary = "Apply for credit repair (信用修复) of one of the caller's own records",
            description = "JSON, or multipart/form-data with the JSON in part case and files in parts files, proof (that the "
                    + "obligations were fulfilled) and authorisation. Needs the current templates accepted (getRepairTemplates). "
                    + "Idempotent on the Idempotency-Key header.")
    @ApiResponse(responseCode = "201", description = "filed", content = @io.swagger.v3.oas.annotations.media.Content(
            mediaType = "application/json", schema = @io.swagger.v3.oas.annotations.media.Schema(implementation = CaseViews.CaseView.class)))
    @ApiResponse(responseCode = "200", description = "the same Idempotency-Key and request again: the case filed the first time",
            content = @io.swagger.v3.oas.annotations.media.Content(mediaType = "application/json",
                    schema = @io.swagger.v3.oas.annotations.media.Schema(implementation = CaseViews.CaseView.class)))
    @ApiResponse(responseCode = "400", description = "IDEMPOTENCY_KEY_INVALID")
    @ApiResponse(responseCode = "403", description = "NOT_RECORD_SUBJECT")
    @ApiResponse(responseCode = "404", description = "NOT_FOUND: no such record")
    @ApiResponse(responseCode = "413", description = "ATTACHMENT_TOO_LARGE")
    @ApiResponse(responseCode = "415", description = "ATTACHMENT_TYPE_NOT_ALLOWED")
    @ApiResponse(responseCode = "409", description = "CASE_ALREADY_OPEN")
    @ApiResponse(responseCode = "422", description = "REPAIR_NOT_ELIGIBLE (with eligibleFrom and conditions), TEMPLATES_NOT_ACCEPTED, "
            + "IDEMPOTENCY_KEY_REUSED, TOO_MANY_ATTACHMENTS")
    ResponseEntity<?> repairWithFiles(Caller caller, @RequestHeader(IDEMPOTENCY_KEY) String key,
            @Valid @RequestPart("case") FilingRequests.RepairRequest body,
            @RequestPart(name = "files", required = false) List<MultipartFile> files,
            @RequestPart(name = "proof", required = false) List<MultipartFile> proof,
            @RequestPart(name = "authorisation", required = false) List<MultipartFile> authorisation, HttpServletRequest http) {
        MultipartParts.only(http, REPAIR_PARTS);
        return answer(filing.file(caller, key, repair(body, incoming(files, proof, authorisation))));
    }

    /** Each eligibility condition for the caller's own record, with the date the minimum publicity period passes. */
    @GetMapping("/api/v1/repairs/eligibility")
    @Operation(operationId = "getRepairEligibility", summary = "Whether one of the caller's own records can be repaired now, condition "
            + "by condition, and from when")
    @ApiResponse(responseCode = "200", description = "each condition, and the date the record becomes eligible")
    @ApiResponse(responseCode = "403", description = "NOT_RECORD_SUBJECT")
    @ApiResponse(responseCode = "404", description = "NOT_FOUND: no such record")
    EligibilityView eligibility(Caller caller, @RequestParam("record") @NotBlank @Pattern(regexp = FilingRequests.RECORD_ID) String record) {
        var e = filing.eligibility(caller, record);
        RecordView r = e.getKey();
        return new EligibilityView(r.id(), r.category(), e.getValue().eligible(), r.minPublicityUntil(), e.getValue().eligibleFrom(),
                e.getValue().checks());
    }

    /** The 信用修复申请书 and 守信承诺书 filled in for the caller's own record, with the version to accept. */
    @GetMapping("/api/v1/repairs/templates")
    @Operation(operationId = "getRepairTemplates", summary = "The 信用修复申请书 and 守信承诺书 filled in for one of the caller's own "
            + "records, with the version to accept")
    @ApiResponse(responseCode = "200", description = "the texts to accept")
    @ApiResponse(responseCode = "403", description = "NOT_RECORD_SUBJECT")
    @ApiResponse(responseCode = "404", description = "NOT_FOUND: no such record")
    TemplatesView templates(Caller caller, @RequestParam("record") @NotBlank @Pattern(regexp = FilingRequests.RECORD_ID) String record) {
        return new TemplatesView(record, RepairTemplates.VERSION, filing.templates(caller, record));
    }

    private ResponseEntity<CaseViews.CaseView> answer(FilingService.Filed filed) {
        return ResponseEntity.status(filed.created() ? HttpStatus.CREATED : HttpStatus.OK)
                .location(URI.create("/api/v1/cases/" + filed.file().id()))
                .body(views.view(filed.file(), false));
    }

    private static FilingService.Filing objection(FilingRequests.ObjectionRequest body, List<Attachments.Incoming> files) {
        Contact contact = Contact.current();
        return new FilingService.Filing(CaseKind.OBJECTION, body.recordId(), body.reason(), null, null, files, contact.email(),
                contact.language());
    }

    private static FilingService.Filing repair(FilingRequests.RepairRequest body, List<Attachments.Incoming> files) {
        Contact contact = Contact.current();
        return new FilingService.Filing(CaseKind.REPAIR, body.recordId(), body.reason(),
                new RepairEligibility.Declaration(body.obligationsFulfilled(), body.obligationsStatement(), FilingService.proofCount(files)),
                body.acceptedTemplates(), files, contact.email(), contact.language());
    }

    private static List<Attachments.Incoming> incoming(List<MultipartFile> evidence, List<MultipartFile> proof,
            List<MultipartFile> authorisation) {
        List<Attachments.Incoming> all = new ArrayList<>();
        add(all, "files", Purpose.EVIDENCE, evidence);
        add(all, "proof", Purpose.PROOF, proof);
        add(all, "authorisation", Purpose.AUTHORISATION, authorisation);
        return all;
    }

    private static void add(List<Attachments.Incoming> all, String part, Purpose purpose, List<MultipartFile> files) {
        if (files == null) {
            return;
        }
        for (int i = 0; i < files.size(); i++) {
            all.add(new Attachments.Incoming(part + "[" + i + "]", purpose, files.get(i)));
        }
    }
}
