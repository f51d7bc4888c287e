package org.publiccredit.subject.registry;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.publiccredit.commons.id.IdentifierKind;
import org.publiccredit.commons.problem.ApiException;
import org.publiccredit.commons.problem.FieldProblem;
import org.publiccredit.subject.pii.PiiCrypto;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The one write path of the registry, for a single POST/PUT and for each batch of an import alike: in one
 * transaction it reads the batch's existing subjects, merges each draft (created, updated, unchanged or refused),
 * writes the new and changed subjects with multi-row statements, and records their change-feed rows. A batch that
 * meets a concurrent writer (duplicate key, version moved) is rolled back and redone from a fresh read.
 */
@Service
public class SubjectWriter {

    /** What became of one draft. */
    public enum Outcome { CREATED, UPDATED, UNCHANGED, REJECTED }

    /**
     * One draft's result.
     *
     * @param outcome  what happened
     * @param subject  the subject as it now is (null when refused)
     * @param problems why it was refused (empty otherwise)
     */
    public record Result(Outcome outcome, Subject subject, List<FieldProblem> problems) {
    }

    private static final int ATTEMPTS = 3;
    private static final HexFormat HEX = HexFormat.of();

    private final SubjectStore store;
    private final PiiCrypto crypto;
    private final TransactionTemplate tx;
    private final Clock clock;

    SubjectWriter(SubjectStore store, PiiCrypto crypto, TransactionTemplate tx, Clock clock) {
        this.store = store;
        this.crypto = crypto;
        this.tx = tx;
        this.clock = clock;
    }

    /** Merges the drafts in order (a later draft of the same subject sees the earlier one); one result per draft. */
    public List<Result> write(List<SubjectDraft> drafts, Writer writer, Locale locale) {
        byte[][] hashes = new byte[drafts.size()][];
        for (int i = 0; i < drafts.size(); i++) {
            if (drafts.get(i).idNumber() != null) {
                hashes[i] = crypto.hash(drafts.get(i).idNumber());
            }
        }
        for (int attempt = 1; ; attempt++) {
            try {
                return tx.execute(status -> writeOnce(drafts, hashes, writer, locale));
            } catch (DuplicateKeyException | OptimisticLockingFailureException e) {
                if (attempt == ATTEMPTS) {
                    throw ApiException.conflict("CONCURRENT_UPDATE", "The subjects were changed concurrently; send the request again");
                }
            }
        }
    }

    private List<Result> writeOnce(List<SubjectDraft> drafts, byte[][] hashes, Writer writer, Locale locale) {
        Set<String> codes = new LinkedHashSet<>();
        List<byte[]> personHashes = new ArrayList<>();
        for (int i = 0; i < drafts.size(); i++) {
            if (drafts.get(i).uscc() != null) {
                codes.add(drafts.get(i).uscc().value());
            } else {
                personHashes.add(hashes[i]);
            }
        }
        Map<String, Subject> state = new HashMap<>();
        for (Subject s : store.findByCodes(codes)) {
            state.put(key(s), s);
        }
        for (Subject s : store.findByHashes(personHashes)) {
            state.put(key(s), s);
        }
        Map<String, Long> storedVersions = new HashMap<>();
        state.forEach((k, s) -> storedVersions.put(k, s.version()));

        Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
        LocalDate today = LocalDate.now(clock);
        Map<String, Subject> dirty = new LinkedHashMap<>();
        List<String> resultKeys = new ArrayList<>(drafts.size());
        List<Result> results = new ArrayList<>(drafts.size());
        for (int i = 0; i < drafts.size(); i++) {
            SubjectDraft draft = drafts.get(i);
            String key = draft.uscc() != null ? draft.uscc().value() : "#" + HEX.formatHex(hashes[i]);
            Subject before = state.get(key);
            Result result;
            if (draft.shortNames() != null && !writer.verifying()
                    && !draft.shortNames().equals(before == null ? List.of() : before.shortNames())) {
                result = new Result(Outcome.REJECTED, null,
                        List.of(FieldCodes.problem("shortNames", FieldCodes.SHORT_NAMES_REGISTRATION_ONLY, locale)));
            } else if (before == null) {
                Subject created = create(draft, hashes[i], writer, now);
                state.put(key, created);
                dirty.put(key, created);
                result = new Result(Outcome.CREATED, created, List.of());
            } else {
                Subject after = merge(before, draft, writer, today, now);
                if (before.sameData(after)) {
                    result = new Result(Outcome.UNCHANGED, before, List.of());
                } else if (before.verified() && !writer.verifying()) {
                    result = new Result(Outcome.REJECTED, null,
                            List.of(FieldCodes.problem(draft.uscc() != null ? "code" : "idNumber", FieldCodes.SUBJECT_VERIFIED, locale)));
                } else {
                    state.put(key, after);
                    dirty.put(key, after);
                    result = new Result(Outcome.UPDATED, after, List.of());
                }
            }
            resultKeys.add(key);
            results.add(result);
        }

        List<Subject> inserts = new ArrayList<>();
        List<Subject> updates = new ArrayList<>();
        Map<String, Subject> written = new HashMap<>();
        dirty.forEach((key, s) -> {
            Long stored = storedVersions.get(key);
            Subject versioned = stored == null ? s : withVersion(s, stored + 1);
            (stored == null ? inserts : updates).add(versioned);
            written.put(key, versioned);
        });
        store.insert(inserts);
        store.update(updates);
        store.recordChanges(new ArrayList<>(written.values()));
        // an updated subject is answered as stored (its new version)
        for (int i = 0; i < results.size(); i++) {
            Result r = results.get(i);
            if (r.outcome() == Outcome.UPDATED) {
                results.set(i, new Result(Outcome.UPDATED, withVersion(r.subject(), storedVersions.get(resultKeys.get(i)) + 1), List.of()));
            }
        }
        return results;
    }

    private Subject create(SubjectDraft d, byte[] hash, Writer writer, Instant now) {
        boolean person = d.kind() == IdentifierKind.ID_NUMBER;
        return new Subject(UUID.randomUUID(), d.kind(), person ? null : d.uscc().value(), person ? hash : null,
                person ? d.idNumber().masked() : null, person ? crypto.encrypt(d.idNumber(), hash) : null,
                person && d.idNumber().upgradedFromLegacy(), d.name(), List.of(), d.shortNames(), d.type(), d.region(), d.legalRepresentative(),
                d.registrationDate(), d.status(), d.industry(), d.address(), writer.verifying(), writer.source(), 0, now, now);
    }

    /** The subject with the draft's data; a changed name is kept as a former name until today. */
    static Subject merge(Subject before, SubjectDraft d, Writer writer, LocalDate today, Instant now) {
        List<FormerName> formerNames = before.formerNames();
        if (before.name() != null && d.name() != null && !before.name().equals(d.name())) {
            formerNames = new ArrayList<>(formerNames);
            formerNames.add(new FormerName(before.name(), today));
        }
        boolean verified = before.verified() || writer.verifying();
        return new Subject(before.id(), before.kind(), before.code(), before.idHash(), before.masked(), before.idEncrypted(),
                before.idLegacy(), d.name(), formerNames, d.shortNames() != null ? d.shortNames() : before.shortNames(), d.type(), d.region(), d.legalRepresentative(), d.registrationDate(),
                d.status(), d.industry(), d.address(), verified, writer.source(),
                before.version(), before.createdAt(), now);
    }

    private static Subject withVersion(Subject s, long version) {
        return new Subject(s.id(), s.kind(), s.code(), s.idHash(), s.masked(), s.idEncrypted(), s.idLegacy(), s.name(),
                s.formerNames(), s.shortNames(), s.type(), s.region(), s.legalRepresentative(), s.registrationDate(), s.status(), s.industry(),
                s.address(), s.verified(), s.source(), version, s.createdAt(), s.updatedAt());
    }

    private static String key(Subject s) {
        return s.kind() == IdentifierKind.USCC ? s.code() : "#" + HEX.formatHex(s.idHash());
    }
}
