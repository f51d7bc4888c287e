package org.publiccredit.record.sharing;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.publiccredit.commons.id.IdentifierCheck;
import org.publiccredit.commons.id.IdentifierKind;
import org.publiccredit.commons.id.Identifiers;
import org.publiccredit.commons.problem.ApiException;
import org.publiccredit.commons.problem.FieldProblem;
import org.publiccredit.commons.security.Caller;
import org.publiccredit.record.catalog.Catalog;
import org.publiccredit.record.catalog.CatalogEntry;
import org.publiccredit.record.catalog.Sharing;
import org.publiccredit.record.client.SubjectResolver;
import org.publiccredit.record.creditrecord.CreditRecord;
import org.publiccredit.record.creditrecord.RecordRepository;
import org.publiccredit.record.publicity.RecordView;
import org.publiccredit.record.publicity.RecordViews;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Shared reads (共享查询): a department reads a subject's records in force for a stated purpose — those of 无条件共享
 * categories, and of 有条件共享 categories it holds a grant in force for today; never 不予共享 ones. Each record is the whole
 * {@link RecordView}. Every read is recorded in {@code shared_read}, also one that found nothing.
 */
@Service
public class SharedReads {

    private final RecordRepository records;
    private final SubjectResolver resolver;
    private final RecordViews views;
    private final Catalog catalog;
    private final SharingGrants grants;
    private final JdbcClient jdbc;

    SharedReads(RecordRepository records, SubjectResolver resolver, RecordViews views, Catalog catalog, SharingGrants grants,
            JdbcClient jdbc) {
        this.records = records;
        this.resolver = resolver;
        this.views = views;
        this.catalog = catalog;
        this.grants = grants;
        this.jdbc = jdbc;
    }

    /**
     * The answer of a shared read.
     *
     * @param subjectCode the USCC, or the masked id number
     * @param purpose the purpose stated
     * @param categories the categories the department was served (whether or not they held records)
     * @param records the records in force of those categories
     */
    public record SharedRead(String subjectCode, String purpose, List<String> categories, List<RecordView> records) {
    }

    @Transactional
    public SharedRead read(Caller caller, String subject, String purpose, String basis, List<String> asked) {
        String department = SharingGrants.department(caller);
        List<FieldProblem> problems = new ArrayList<>();
        if (subject == null || subject.isBlank()) {
            problems.add(new FieldProblem("subject", "FIELD_REQUIRED", "the subject's USCC or id number"));
        }
        SharingGrants.text("purpose", purpose, "state the purpose of the read", problems);
        if (basis != null && basis.length() > 500) {
            problems.add(new FieldProblem("basis", "FIELD_TOO_LONG", "at most 500 characters"));
        }
        if (asked != null) {
            for (int i = 0; i < asked.size(); i++) {
                if (catalog.find(asked.get(i)).isEmpty()) {
                    problems.add(new FieldProblem("categories[" + i + "]", "CATALOG_CATEGORY_UNKNOWN", "not a category of the catalog"));
                }
            }
        }
        if (!problems.isEmpty()) {
            throw ApiException.invalid("SHARED_READ_INVALID", "The shared read is invalid", problems);
        }
        IdentifierCheck check = Identifiers.check(subject);
        if (!check.valid()) {
            throw ApiException.invalid("IDENTIFIER_INVALID", "The subject is not a valid USCC or id number",
                    check.errorCodes().stream().map(c -> new FieldProblem("subject", c, "not a valid USCC or id number")).toList());
        }
        Set<String> granted = grants.grantedToday(department);
        Set<String> open = new TreeSet<>();
        for (CatalogEntry e : catalog.all()) {
            if (e.sharing() == Sharing.UNCONDITIONAL || e.sharing() == Sharing.CONDITIONAL && granted.contains(e.code())) {
                open.add(e.code());
            }
        }
        Set<String> served = open;
        if (asked != null && !asked.isEmpty()) {
            for (String category : asked) {
                CatalogEntry e = catalog.require(category);
                if (e.sharing() == Sharing.NONE) {
                    throw ApiException.forbidden("NOT_SHARED", category + " is not shared (不予共享)");
                }
                if (!open.contains(category)) {
                    throw SharingGrants.noGrant(category);
                }
            }
            served = new TreeSet<>(asked);
        }
        List<CreditRecord> all = check.kind() == IdentifierKind.USCC
                ? records.findBySubjectCode(check.normalized())
                // a read never registers anyone: an unknown person simply has no records
                : resolver.lookup(check.normalized()).map(ref -> records.findBySubjectId(ref.id())).orElse(List.of());
        Set<String> categories = served;
        List<RecordView> shown = all.stream().filter(r -> categories.contains(r.category()))
                .filter(r -> views.publicity(r).inForce()).map(views::view).toList();
        String code = check.kind() == IdentifierKind.USCC ? check.normalized() : Identifiers.mask(check.normalized());
        jdbc.sql("""
                INSERT INTO shared_read (caller_sub, caller_name, client_id, department, subject_id, subject_code, purpose, basis,
                    categories, records) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(caller.subject(), caller.username(), caller.clientId(), department,
                        all.isEmpty() ? null : all.getFirst().subject().id(), code, purpose.strip(),
                        basis == null || basis.isBlank() ? null : basis.strip(),
                        shown.stream().map(RecordView::category).distinct().sorted().toArray(String[]::new), shown.size())
                .update();
        return new SharedRead(code, purpose.strip(), List.copyOf(served), shown);
    }
}
