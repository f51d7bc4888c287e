package org.publiccredit.record.publicity;

import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.publiccredit.commons.id.IdentifierCheck;
import org.publiccredit.commons.id.IdentifierKind;
import org.publiccredit.commons.id.Identifiers;
import org.publiccredit.commons.problem.ApiException;
import org.publiccredit.commons.security.Caller;
import org.publiccredit.commons.security.Role;
import org.publiccredit.record.client.SubjectResolver;
import org.publiccredit.record.creditrecord.CreditRecord;
import org.publiccredit.record.creditrecord.RecordRepository;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * Who sees which records of a subject. Anyone: the public ones (through {@link PublicityPolicy}). The subject itself
 * (enterprise {@code uscc} claim, citizen {@code id_number} claim), reviewers and admins: all, with the reason. A supplying
 * department: its own. Anyone else: 404, so nothing can be probed. Non-public reads by others than the subject are audited.
 */
@Service
public class SubjectRecords {

    private final RecordRepository records;
    private final SubjectResolver resolver;
    private final RecordViews views;
    private final JdbcClient jdbc;

    SubjectRecords(RecordRepository records, SubjectResolver resolver, RecordViews views, JdbcClient jdbc) {
        this.records = records;
        this.resolver = resolver;
        this.views = views;
        this.jdbc = jdbc;
    }

    /**
     * A page of views.
     *
     * @param items this page
     * @param page 0-based page
     * @param size page size
     * @param total all matching
     * @param <T> the view type
     */
    public record Page<T>(List<T> items, int page, int size, int total) {
    }

    /** Public records of a USCC or subject id; a natural person's id number is not looked up anonymously. */
    public Page<PublicRecordView> publicRecords(String code, String category, int page, int size) {
        List<CreditRecord> all = byPublicCode(code);
        List<PublicRecordView> visible = all.stream()
                .filter(r -> category == null || category.equals(r.category()))
                .map(views::publicView).filter(v -> v != null).toList();
        return page(visible, page, size);
    }

    /**
     * The caller's own records, as {@link #recordsFor} answers the subject itself: the code is the token's {@code uscc}
     * claim, else its {@code id_number} claim. A token with neither is not a subject's: 404 SUBJECT_NOT_REGISTERED
     * (as subject-service's {@code /subjects/mine}).
     */
    public Page<RecordView> mine(Caller caller, String category, int page, int size) {
        return recordsFor(caller, mineCode(caller), category, page, size);
    }

    /**
     * One record of the caller's own file, as one item of {@link #mine}. The ownership rule is mine's: the token's
     * {@code uscc} claim (the record's subject code), else its {@code id_number} claim (the record's subject, looked up as
     * {@link #recordsFor} does). Another subject's record, an unknown id and a malformed id are all 404 NOT_FOUND alike,
     * so nothing can be probed. Like the list, the subject reading its own file is not audited.
     */
    public RecordView mineById(Caller caller, String recordId) {
        String code = mineCode(caller);
        UUID id = recordUuid(recordId);
        IdentifierCheck check = Identifiers.check(code);
        boolean ownEnterprise = check.valid() && check.kind() == IdentifierKind.USCC
                && caller.usccClaim().map(u -> Identifiers.normalize(u).equals(check.normalized())).orElse(false);
        boolean ownPerson = check.valid() && check.kind() == IdentifierKind.ID_NUMBER
                && caller.idNumberClaim().map(u -> Identifiers.normalize(u).equals(check.normalized())).orElse(false);
        if (!ownEnterprise && !ownPerson) {
            throw ApiException.notFound("Record");
        }
        CreditRecord r = records.find(id).orElseThrow(() -> ApiException.notFound("Record"));
        boolean own = ownEnterprise
                ? check.normalized().equals(r.subject().code())
                : resolver.lookup(check.normalized()).map(ref -> r.subject().id().equals(ref.id())).orElse(false);
        if (!own) {
            throw ApiException.notFound("Record");
        }
        return views.view(r);
    }

    /**
     * A reviewer (信用办) reaches the subjects of his region: the {@code region} claim (2, 4 or 6 digits) opens the
     * subject's division code (the records' subject region, else the one inside the USCC or id number). A reviewer
     * without a region claim reaches the whole platform (a provincial office).
     */
    static boolean withinRegion(Caller caller, List<CreditRecord> records, IdentifierCheck check) {
        Optional<String> claim = caller.regionClaim().filter(r -> !r.isBlank());
        if (claim.isEmpty()) {
            return true;
        }
        String region = records.stream().map(r -> r.subject().region()).filter(r -> r != null && !r.isBlank()).findFirst()
                .orElse(null);
        if (region == null && check.valid()) {
            String n = check.normalized();
            region = check.kind() == IdentifierKind.USCC ? n.substring(2, 8) : n.substring(0, 6);
        }
        return region != null && region.startsWith(claim.get().strip());
    }

    /** The code of the caller's own file: the {@code uscc} claim, else the {@code id_number} claim. */
    static String mineCode(Caller caller) {
        return caller.usccClaim().or(caller::idNumberClaim).orElseThrow(() -> new ApiException(HttpStatus.NOT_FOUND,
                "SUBJECT_NOT_REGISTERED", "Your account does not act for a subject (no uscc or id_number claim)"));
    }

    public Page<RecordView> recordsFor(Caller caller, String code, String category, int page, int size) {
        IdentifierCheck check = Identifiers.check(code);
        boolean staff = caller.hasAny(Role.REVIEWER, Role.ADMIN);
        boolean ownEnterprise = check.valid() && check.kind() == IdentifierKind.USCC
                && caller.usccClaim().map(u -> Identifiers.normalize(u).equals(check.normalized())).orElse(false);
        boolean ownPerson = check.valid() && check.kind() == IdentifierKind.ID_NUMBER
                && caller.idNumberClaim().map(u -> Identifiers.normalize(u).equals(check.normalized())).orElse(false);
        Optional<String> department = caller.hasAny(Role.OFFICER, Role.PARTNER) ? caller.departmentClaim() : Optional.empty();
        if (!staff && !ownEnterprise && !ownPerson && department.isEmpty()) {
            throw ApiException.notFound("Subject");
        }
        List<CreditRecord> all;
        if (check.valid() && check.kind() == IdentifierKind.USCC) {
            all = records.findBySubjectCode(check.normalized());
        } else if (check.valid() && check.kind() == IdentifierKind.ID_NUMBER) {
            // a read never registers anyone: an unknown person simply has no records
            all = resolver.lookup(check.normalized()).map(ref -> records.findBySubjectId(ref.id())).orElse(List.of());
        } else {
            all = records.findBySubjectId(uuid(code));
        }
        boolean reviewer = caller.has(Role.ADMIN) || caller.has(Role.REVIEWER) && withinRegion(caller, all, check);
        if (!reviewer && !ownEnterprise && !ownPerson) {
            if (department.isEmpty()) {
                throw ApiException.notFound("Subject");
            }
            all = all.stream().filter(r -> r.department().equals(department.get())).toList();
            if (all.isEmpty()) {
                throw ApiException.notFound("Subject");
            }
        }
        List<RecordView> items = all.stream().filter(r -> category == null || category.equals(r.category()))
                .map(views::view).toList();
        if (!ownEnterprise && !ownPerson && !all.isEmpty()
                && (all.getFirst().subject().naturalPerson() || items.stream().anyMatch(v -> !v.publicNow()))) {
            jdbc.sql("INSERT INTO read_audit (caller_sub, caller_name, client_id, department, subject_id, what) VALUES (?, ?, ?, ?, ?, ?)")
                    .params(caller.subject(), caller.username(), caller.clientId(), caller.department(), all.getFirst().subject().id(),
                            "subject records incl. non-public")
                    .update();
        }
        return page(items, page, size);
    }

    private List<CreditRecord> byPublicCode(String code) {
        IdentifierCheck check = Identifiers.check(code);
        if (check.valid() && check.kind() == IdentifierKind.USCC) {
            return records.findBySubjectCode(check.normalized());
        }
        if (check.valid()) {
            throw ApiException.notFound("Subject");
        }
        return records.findBySubjectId(uuid(code));
    }

    private static UUID uuid(String code) {
        try {
            return UUID.fromString(code);
        } catch (IllegalArgumentException e) {
            throw ApiException.notFound("Subject");
        }
    }

    /** A record id; anything that is not a UUID is simply not found (as on the other record paths). */
    private static UUID recordUuid(String raw) {
        try {
            return UUID.fromString(raw);
        } catch (IllegalArgumentException e) {
            throw ApiException.notFound("Record");
        }
    }

    private static <T> Page<T> page(List<T> all, int page, int size) {
        int from = Math.min(all.size(), page * size);
        return new Page<>(all.subList(from, Math.min(all.size(), from + size)), page, size, all.size());
    }
}
