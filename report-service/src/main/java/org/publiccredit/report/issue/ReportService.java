package org.publiccredit.report.issue;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;
import org.publiccredit.commons.id.IdentifierCheck;
import org.publiccredit.commons.id.Identifiers;
import org.publiccredit.commons.problem.ApiException;
import org.publiccredit.commons.problem.FieldProblem;
import org.publiccredit.commons.security.Caller;
import org.publiccredit.commons.security.Role;
import org.publiccredit.report.client.Catalog;
import org.publiccredit.report.client.EvaluationView;
import org.publiccredit.report.client.Records;
import org.publiccredit.report.client.Registration;
import org.publiccredit.report.client.ReportRecord;
import org.publiccredit.report.client.SubjectRef;
import org.publiccredit.report.client.Subjects;
import org.publiccredit.report.registry.IssuedReport;
import org.publiccredit.report.registry.ReportRegistry;
import org.publiccredit.report.registry.Verification;
import org.publiccredit.report.render.ReportDocument;
import org.publiccredit.report.render.ReportRenderer;
import org.publiccredit.report.sign.PadesSigner;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;

/**
 * Issues a report: finds the subject (never registering one), decides the reading by {@link EditionAccess}, notes the
 * feeds' heads (the data cut-off), reads the records (the public view, or the file with the caller's own token so that
 * record-service applies the caller's rights), composes, renders, signs (PAdES) and registers number and SHA-256. A
 * report is handed out only once it is registered, so every report in anyone's hands can be verified.
 */
@Service
class ReportService {

    private static final Logger log = LoggerFactory.getLogger(ReportService.class);

    private final Subjects subjects;
    private final Records records;
    private final RenderGate gate;
    private final ReportRenderer renderer;
    private final PadesSigner signer;
    private final ReportRegistry registry;
    private final java.time.Clock clock;
    private final String platformName;
    private final String verifyUrl;

    ReportService(Subjects subjects, Records records, RenderGate gate, ReportRenderer renderer, PadesSigner signer,
            ReportRegistry registry, java.time.Clock clock, @Value("${platform.reports.platform-name}") String platformName,
            @Value("${platform.reports.verify-url}") String verifyUrl) {
        this.subjects = subjects;
        this.records = records;
        this.gate = gate;
        this.renderer = renderer;
        this.signer = signer;
        this.registry = registry;
        this.clock = clock;
        this.platformName = platformName;
        this.verifyUrl = verifyUrl;
    }

    /**
     * An issued report.
     *
     * @param number its number
     * @param pdf the signed PDF
     * @param sha256 its SHA-256
     */
    record Issued(String number, byte[] pdf, String sha256) {
    }

    Issued issue(String subjectCode, Edition edition, Caller caller, String bearer) {
        long t0 = System.nanoTime();
        SubjectRef subject = find(subjectCode);
        Reading reading = EditionAccess.decide(edition, caller, subject,
                () -> caller.idNumberClaim().flatMap(subjects::find).map(SubjectRef::id));
        // the cut-off is read BEFORE the data: the report reflects at least every change up to these sequences
        long recordHead = records.feedHead();
        long subjectHead = subjects.feedHead();
        List<ReportRecord> read = switch (reading) {
            case Reading.Public p -> records.publicRecords(subject.id());
            case Reading.Own o -> records.file(bearer, true, subject.id()).orElseThrow(() -> ApiException.notFound("Subject"));
            case Reading.InRight r -> records.file(bearer, false, subject.id()).orElseThrow(() -> ApiException.notFound("Subject"));
        };
        if (edition == Edition.PUBLIC) {
            // the public view holds public records only; the filter states the rule where the report relies on it
            read = read.stream().filter(r -> r.publicNow() && "PUBLIC".equals(r.publicReason())).toList();
            if (subject.naturalPerson() && read.isEmpty()) {
                // a person with nothing public looks exactly like an unknown one: nothing can be probed
                throw ApiException.notFound("Subject");
            }
        }
        Registration registration = subject.naturalPerson() ? null : subjects.registration(subject.id()).orElse(null);
        // a person's evaluation is never public: only his own (or a right-holder's) full edition shows it
        EvaluationView evaluation = edition == Edition.PUBLIC && subject.naturalPerson() ? null
                : records.evaluation(subject.id(), edition == Edition.PUBLIC);
        Catalog catalog = records.catalog();
        long t1 = System.nanoTime();
        Instant now = clock.instant();
        String number = ReportNumbers.next(now);
        String url = verifyUrl.replace("{number}", number);
        ReportDocument document = ReportComposer.compose(new ReportComposer.Content(number, edition, reading, subject, registration,
                read, evaluation, catalog, recordHead, subjectHead, now, platformName, url));
        record Made(byte[] pdf, int pages) {
        }
        long[] renderedAt = new long[1];
        Made made = gate.run(() -> {
            ReportRenderer.Rendered rendered = renderer.render(document, now);
            renderedAt[0] = System.nanoTime();
            byte[] signed = signer.sign(rendered.pdf(), new PadesSigner.Details(platformName, "信用报告 " + number + "（"
                    + edition.label() + "）", "中国", now));
            return new Made(signed, rendered.pages());
        });
        long t2 = System.nanoTime();
        String sha = Verification.sha256(made.pdf());
        String roles = caller.anonymous() ? "anonymous"
                : caller.roles().stream().map(Role::realmName).sorted().collect(Collectors.joining(","));
        registry.register(new IssuedReport(number, UUID.fromString(subject.id()), subject.kind(), subject.shownCode(),
                registration != null ? registration.name() : subject.name(), edition.name(), sha, made.pdf().length, made.pages(),
                read.size(), (int) read.stream().filter(r -> !r.publicNow()).count(), recordHead, subjectHead, now,
                caller.subject(), caller.username(), roles.isEmpty() ? "none" : roles, reading.requestedAs(), signer.keys().fingerprint(),
                IssuedReport.ISSUED, null, null, null, 0), signer.keys());
        long t3 = System.nanoTime();
        log.info("issued report {} ({}, {} records, {} pages, {} bytes) as {}: read {} ms, render {} ms, sign {} ms, register {} ms",
                number, edition, read.size(), made.pages(), made.pdf().length, reading.requestedAs(), (t1 - t0) / 1_000_000,
                (renderedAt[0] - t1) / 1_000_000, (t2 - renderedAt[0]) / 1_000_000, (t3 - t2) / 1_000_000);
        return new Issued(number, made.pdf(), sha);
    }

    /** A USCC, an id number or a subject id; anything else is 400, an unknown subject 404. */
    private SubjectRef find(String code) {
        String trimmed = code.strip();
        boolean id = isUuid(trimmed);
        if (!id) {
            IdentifierCheck check = Identifiers.check(trimmed);
            if (!check.valid()) {
                throw ApiException.invalid("VALIDATION_FAILED", "The subject is not a valid USCC, id number or subject id",
                        List.of(new FieldProblem("subject", "IDENTIFIER_INVALID", "not a valid USCC, id number or subject id")));
            }
            trimmed = check.normalized();
        }
        Optional<SubjectRef> found = subjects.find(trimmed);
        return found.filter(s -> s.id() != null).orElseThrow(() -> ApiException.notFound("Subject"));
    }

    private static boolean isUuid(String s) {
        try {
            UUID.fromString(s);
            return s.length() == 36;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }
}
