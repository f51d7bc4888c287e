package org.publiccredit.objection.filing;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;
import org.publiccredit.commons.i18n.Languages;
import org.publiccredit.commons.problem.ApiException;
import org.publiccredit.commons.problem.FieldProblem;
import org.publiccredit.commons.security.Caller;
import org.publiccredit.objection.attachment.Attachments;
import org.publiccredit.objection.attachment.Purpose;
import org.publiccredit.objection.attachment.Upload;
import org.publiccredit.objection.cases.Actor;
import org.publiccredit.objection.cases.ActorRole;
import org.publiccredit.objection.cases.CaseFile;
import org.publiccredit.objection.cases.CaseKind;
import org.publiccredit.objection.cases.CaseRepository;
import org.publiccredit.objection.cases.CaseService;
import org.publiccredit.objection.cases.Deadlines;
import org.publiccredit.objection.cases.RecordRef;
import org.publiccredit.objection.cases.Transition;
import org.publiccredit.objection.client.RecordView;
import org.publiccredit.objection.client.CategoryNames;
import org.publiccredit.objection.client.Records;
import org.publiccredit.objection.client.Subjects;
import org.publiccredit.objection.repair.RepairEligibility;
import org.publiccredit.objection.repair.RepairTemplates;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Files objections and repairs: the record is read from record-service, the caller must be its subject, a repair
 * must be eligible and carry the signed texts, the files must pass the checks; then case, history, files and
 * signed texts are stored in one transaction. Filing is idempotent per caller and {@code Idempotency-Key}.
 */
@Service
class FilingService {


    private final Records records;
    private final RecordOwnership ownership;
    private final CaseRepository cases;
    private final CaseService caseService;
    private final Deadlines deadlines;
    private final Attachments attachments;
    private final RepairTemplates templates;
    private final Subjects subjects;
    private final CategoryNames categories;
    private final JdbcClient jdbc;
    private final TransactionTemplate tx;
    private final Clock clock;

    FilingService(Records records, RecordOwnership ownership, CaseRepository cases, CaseService caseService, Deadlines deadlines,
            Attachments attachments, RepairTemplates templates, Subjects subjects, CategoryNames categories, JdbcClient jdbc,
            TransactionTemplate tx, Clock clock) {
        this.subjects = subjects;
        this.categories = categories;
        this.records = records;
        this.ownership = ownership;
        this.cases = cases;
        this.caseService = caseService;
        this.deadlines = deadlines;
        this.attachments = attachments;
        this.templates = templates;
        this.jdbc = jdbc;
        this.tx = tx;
        this.clock = clock;
    }

    /** What filing did: a new case ({@code created}) or the one filed earlier with the same key. */
    record Filed(CaseFile file, boolean created) {
    }

    /**
     * What an applicant sends: the case data and the files by purpose, with the applicant's e-mail address (the token's
     * {@code email} claim, or null) and language (from Accept-Language) for the notifications.
     */
    record Filing(CaseKind kind, String recordId, String reason, RepairEligibility.Declaration declaration,
            List<FilingRequests.TemplateAcceptance> acceptedTemplates, List<Attachments.Incoming> files, String email,
            String language) {
    }

    Filed file(Caller caller, String idempotencyKey, Filing filing) {
        if (!IdempotencyKey.isValid(idempotencyKey)) {
            throw IdempotencyKey.invalid();
        }
        if (caller.subject() == null) {
            throw ApiException.forbidden("NOT_RECORD_SUBJECT", "Only the subject of a record may file about it");
        }
        String hash = requestHash(filing);
        Optional<Filed> replay = replay(caller, idempotencyKey, hash);
        if (replay.isPresent()) {
            return replay.get();
        }
        RecordView record = records.find(filing.recordId()).orElseThrow(() -> ApiException.notFound("Record"));
        String ownerKey = ownership.ownerKeyFor(caller, record);
        LocalDate today = Deadlines.localDate(clock.instant());
        List<RepairTemplates.Filled> signed = List.of();
        if (filing.kind() == CaseKind.REPAIR) {
            RepairEligibility.Result eligibility = RepairEligibility.evaluate(record, cases.openCaseExists(record.id()),
                    filing.declaration(), today);
            if (!eligibility.eligible()) {
                throw notEligible(eligibility);
            }
            signed = templates.fill(record, names(record), today);
            checkAccepted(filing.acceptedTemplates(), signed);
        } else {
            if (!"ACTIVE".equals(record.state())) {
                throw ApiException.conflict("RECORD_NOT_OBJECTIONABLE", "An objection can be filed against an active record only (it is "
                        + record.state() + ")");
            }
            if (cases.openCaseExists(record.id())) {
                throw ApiException.conflict("CASE_ALREADY_OPEN", "Another objection or repair of this record is still open");
            }
        }
        List<Upload> uploads = attachments.check(filing.files(), 0);
        Instant now = clock.instant();
        UUID id = UUID.randomUUID();
        RecordRef ref = new RecordRef(record.id(), record.subjectId(), record.subjectCode(), record.subjectKind(),
                record.subjectRegion(), record.department(), record.category(), record.documentNumber(), record.decisionDate());
        Actor applicant = new Actor(ActorRole.APPLICANT, caller.subject(), caller.username());
        Transition t = CaseFile.file(id, filing.kind(), ref, ownerKey, applicant, filing.reason(),
                filing.declaration() == null ? null : filing.declaration().statement(), now);
        CaseFile c = t.after().withDeadline(deadlines.next(t.after()));
        List<RepairTemplates.Filled> texts = signed;
        try {
            tx.executeWithoutResult(s -> {
                cases.insert(c, idempotencyKey, hash, now, new CaseRepository.Filing(
                        record.version() == null ? null : Math.toIntExact(record.version()), filing.email(), filing.language()));
                caseService.record(c, t, now);
                attachments.store(id, uploads, caller.username(), now);
                for (RepairTemplates.Filled f : texts) {
                    jdbc.sql("""
                            INSERT INTO template_acceptance (case_id, template_id, version, text, text_sha256, accepted_at, accepted_by)
                            VALUES (:c, :t, :v, :text, :sha, :at, :by)
                            """)
                            .param("c", id).param("t", f.id().name()).param("v", f.version()).param("text", f.text())
                            .param("sha", f.sha256()).param("at", now.atOffset(ZoneOffset.UTC)).param("by", caller.username())
                            .update();
                }
            });
        } catch (DuplicateKeyException e) {
            // a concurrent request with the same key won, or another case of the record was opened meanwhile
            return replay(caller, idempotencyKey, hash).orElseThrow(() -> ApiException.conflict("CASE_ALREADY_OPEN",
                    "Another objection or repair of this record is still open"));
        }
        return new Filed(cases.find(id).orElseThrow(), true);
    }

    private Optional<Filed> replay(Caller caller, String key, String hash) {
        return cases.findByIdempotencyKey(caller.subject(), key).map(existing -> {
            if (!existing.requestHash().equals(hash)) {
                throw new ApiException(HttpStatus.UNPROCESSABLE_CONTENT, "IDEMPOTENCY_KEY_REUSED",
                        "This Idempotency-Key was used for a different request; use a new key for a new filing",
                        List.of(new FieldProblem("Idempotency-Key", "IDEMPOTENCY_KEY_REUSED", "already used for another request")));
            }
            return new Filed(existing.file(), false);
        });
    }

    /**
     * 422 REPAIR_NOT_ELIGIBLE, nothing stored: every failed condition in {@code errors} (its message already in the
     * applicant's language), the reasons joined in the detail, the date the period passes and every condition.
     */
    private static ApiException notEligible(RepairEligibility.Result r) {
        List<FieldProblem> errors = r.failed().stream().map(c -> new FieldProblem(c.condition().name(), c.code(), c.message())).toList();
        String reasons = String.join(Languages.english(Languages.current()) ? "; " : "；", errors.stream().map(FieldProblem::message).toList());
        return new ApiException(HttpStatus.UNPROCESSABLE_CONTENT, "REPAIR_NOT_ELIGIBLE", "The record cannot be repaired now: " + reasons,
                errors).args(reasons).with("eligibleFrom", r.eligibleFrom()).with("conditions", r.checks());
    }

    private static void checkAccepted(List<FilingRequests.TemplateAcceptance> accepted, List<RepairTemplates.Filled> required) {
        List<FieldProblem> missing = new ArrayList<>();
        for (RepairTemplates.Filled f : required) {
            boolean ok = accepted != null && accepted.stream()
                    .anyMatch(a -> a.id() == f.id() && f.version().equals(a.version()));
            if (!ok) {
                missing.add(FieldProblem.of("acceptedTemplates", "TEMPLATE_NOT_ACCEPTED", null, f.title(), f.version()));
            }
        }
        if (!missing.isEmpty()) {
            throw new ApiException(HttpStatus.UNPROCESSABLE_CONTENT, "TEMPLATES_NOT_ACCEPTED",
                    "A repair needs the applicant's acceptance of the current 信用修复申请书 and 守信承诺书 (GET /api/v1/repairs/templates)",
                    missing);
        }
    }

    /** A digest of what was asked for, so that a reused key with a different request is recognised. */
    static String requestHash(Filing f) {
        StringBuilder s = new StringBuilder().append(f.kind()).append('\n').append(f.recordId()).append('\n').append(f.reason()).append('\n');
        if (f.declaration() != null) {
            s.append(f.declaration().fulfilled()).append('\n').append(f.declaration().statement()).append('\n');
        }
        if (f.acceptedTemplates() != null) {
            s.append(f.acceptedTemplates().stream().map(a -> a.id() + "@" + a.version()).sorted().collect(Collectors.joining(","))).append('\n');
        }
        for (Attachments.Incoming in : f.files()) {
            s.append(in.purpose()).append(':').append(in.file().getSize()).append(':').append(in.file().getOriginalFilename()).append('\n');
        }
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(s.toString().getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Purposes counted for the declaration. */
    static int proofCount(List<Attachments.Incoming> files) {
        return (int) files.stream().filter(f -> f.purpose() == Purpose.PROOF).count();
    }

    /** Eligibility before filing (no declaration yet), for the caller's own record. */
    Map.Entry<RecordView, RepairEligibility.Result> eligibility(Caller caller, String recordId) {
        RecordView record = records.find(recordId).orElseThrow(() -> ApiException.notFound("Record"));
        ownership.ownerKeyFor(caller, record);
        return Map.entry(record, RepairEligibility.evaluate(record, cases.openCaseExists(record.id()), null,
                Deadlines.localDate(clock.instant())));
    }

    /** The texts to sign for the caller's own record. */
    List<RepairTemplates.Filled> templates(Caller caller, String recordId) {
        RecordView record = records.find(recordId).orElseThrow(() -> ApiException.notFound("Record"));
        ownership.ownerKeyFor(caller, record);
        return templates.fill(record, names(record), Deadlines.localDate(clock.instant()));
    }

    /** The subject's registered name and the category's Chinese name for the signed texts (null where unknown). */
    private RepairTemplates.Names names(RecordView record) {
        return new RepairTemplates.Names(subjects.registeredName(record.subjectId()).orElse(null),
                categories.name(record.category(), "zh-CN").orElse(null));
    }
}
