package org.publiccredit.record.lifecycle;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.publiccredit.commons.problem.ApiException;
import org.publiccredit.commons.problem.FieldProblem;
import org.publiccredit.commons.security.Caller;
import org.publiccredit.record.catalog.Catalog;
import org.publiccredit.record.catalog.CatalogEntry;
import org.publiccredit.record.catalog.FieldValidation;
import org.publiccredit.record.creditrecord.CreditRecord;
import org.publiccredit.record.creditrecord.DecisionDate;
import org.publiccredit.record.creditrecord.HistoryEntry;
import org.publiccredit.record.creditrecord.RecordRepository;
import org.publiccredit.record.creditrecord.RecordState;
import org.publiccredit.record.creditrecord.Transition;
import org.publiccredit.record.publicity.PublicityPolicy;
import org.publiccredit.record.publicity.RecordView;
import org.publiccredit.record.publicity.RecordViews;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Changes to existing records: corrections and revocations by the supplying department, and the effects that
 * objection-service asks for (idempotent on their operationId). Each goes through the record's state machine.
 */
@Service
public class RecordCommands {

    private final RecordRepository records;
    private final RecordWriter writer;
    private final RecordViews views;
    private final Catalog catalog;
    private final PublicityPolicy policy;
    private final TransactionTemplate tx;
    private final Clock clock;

    RecordCommands(RecordRepository records, RecordWriter writer, RecordViews views, Catalog catalog, PublicityPolicy policy,
            TransactionTemplate tx, Clock clock) {
        this.records = records;
        this.writer = writer;
        this.views = views;
        this.catalog = catalog;
        this.policy = policy;
        this.tx = tx;
        this.clock = clock;
    }

    /**
     * A requested change.
     *
     * @param transition what
     * @param actor department code or client id
     * @param operationId idempotency key (internal effects), or null
     * @param caseId objection or repair case, or null
     * @param note reason or note
     * @param fields field changes for UPDATE/CORRECT (null value removes an optional field), or null
     * @param decisionDate a corrected decision date, or null
     * @param expectedVersion the version the caller saw, or null
     */
    public record Command(Transition transition, String actor, String operationId, String caseId, String note,
            Map<String, Object> fields, LocalDate decisionDate, Integer expectedVersion) {
    }

    public RecordView view(UUID id) {
        return views.view(records.find(id).orElseThrow(() -> ApiException.notFound("Record")));
    }

    /** A change by the supplying department (PATCH → CORRECT, revoke → REVOKE); another department gets 403. */
    public RecordView byDepartment(UUID id, Caller caller, Command command) {
        String department = caller.departmentClaim().orElseThrow(() ->
                ApiException.forbidden("DEPARTMENT_REQUIRED", "Your token carries no department"));
        return tx.execute(s -> {
            CreditRecord r = records.findForUpdate(id).orElseThrow(() -> ApiException.notFound("Record"));
            r.requireSuppliedBy(department);
            return apply(r, command);
        });
    }

    /** An effect asked for by another service: a repeated operationId answers the current view without a second entry. */
    public RecordView effect(UUID id, Command command) {
        try {
            return tx.execute(s -> {
                Optional<RecordView> done = alreadyApplied(id, command.operationId());
                if (done.isPresent()) {
                    return done.get();
                }
                CreditRecord r = records.findForUpdate(id).orElseThrow(() -> ApiException.notFound("Record"));
                // a concurrent call with the same operationId may have committed while we waited for the lock
                return alreadyApplied(id, command.operationId()).orElseGet(() -> apply(r, command));
            });
        } catch (DuplicateKeyException e) {
            return alreadyApplied(id, command.operationId()).orElseThrow(() -> e);
        }
    }

    private Optional<RecordView> alreadyApplied(UUID id, String operationId) {
        return records.recordOfOperation(operationId).map(recordId -> {
            if (!recordId.equals(id)) {
                throw ApiException.conflict("OPERATION_ID_REUSED", "This operationId was already used for another record");
            }
            return view(id);
        });
    }

    private RecordView apply(CreditRecord r, Command c) {
        if (c.expectedVersion() != null && c.expectedVersion() != r.version()) {
            throw ApiException.conflict("CONCURRENT_MODIFICATION", "The record is at version " + r.version());
        }
        Instant now = clock.instant();
        CreditRecord after;
        if (c.transition() == Transition.CORRECT || c.transition() == Transition.UPDATE) {
            CatalogEntry entry = catalog.require(r.category());
            Map<String, Object> merged = new HashMap<>(r.fields());
            if (c.fields() != null) {
                c.fields().forEach((k, v) -> {
                    if (v == null) {
                        merged.remove(k);
                    } else {
                        merged.put(k, v);
                    }
                });
            }
            FieldValidation.Result result = FieldValidation.validate(entry, merged);
            LocalDate date = c.decisionDate() != null ? c.decisionDate() : r.decisionDate();
            // only a date the caller sends is checked: a stored one passed the same rule when it was pushed
            Optional<FieldProblem> dateProblem = c.decisionDate() == null ? Optional.empty()
                    : DecisionDate.check(c.decisionDate(), policy.today());
            if (dateProblem.isPresent()) {
                throw ApiException.invalid("VALIDATION_FAILED", "The record has invalid fields", List.of(dateProblem.get()));
            }
            if (!result.valid()) {
                throw ApiException.invalid("VALIDATION_FAILED", "The record has invalid fields", result.problems());
            }
            if (r.sameContent(r.subject(), date, result.fields()) && c.operationId() == null) {
                r.state().after(c.transition());
                return views.view(r);
            }
            after = r.withContent(c.transition(), r.subject(), date, result.fields(), c.note(), now);
        } else {
            if (c.transition() == Transition.REPAIR && !catalog.require(r.category()).repairable()) {
                throw ApiException.conflict("NOT_REPAIRABLE", "Records of " + r.category() + " cannot be repaired on this platform");
            }
            after = r.transition(c.transition(), c.note(), now);
        }
        RecordState kept = c.transition() == Transition.CORRECT ? RecordState.CORRECTED : r.state();
        HistoryEntry history = new HistoryEntry(r.id(), r.version(), kept, r.decisionDate(), r.fields(), c.transition().action(),
                c.actor(), c.operationId(), c.caseId(), c.note(), now);
        writer.write(List.of(), List.of(new RecordWriter.Change(after, history)), policy.today());
        return views.view(after);
    }
}
