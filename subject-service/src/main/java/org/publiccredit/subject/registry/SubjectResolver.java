package org.publiccredit.subject.registry;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.publiccredit.commons.id.IdNumber;
import org.publiccredit.commons.id.IdentifierCheck;
import org.publiccredit.commons.id.IdentifierKind;
import org.publiccredit.commons.id.Identifiers;
import org.publiccredit.commons.id.SubjectType;
import org.publiccredit.commons.id.SubjectTypeRule;
import org.publiccredit.commons.id.Uscc;
import org.publiccredit.commons.problem.ApiException;
import org.publiccredit.commons.problem.FieldProblem;
import org.publiccredit.subject.pii.PiiCrypto;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Finds or creates (unverified) the subjects of identifiers that other services' pushed records name; one at a time
 * or up to 1,000 in one transaction. Idempotent on the identifier: an existing subject is returned as it is, never
 * changed; the name and type are used only when the subject is created.
 */
@Service
public class SubjectResolver {

    /** Most identifiers in one call. */
    public static final int MAX_BATCH = 1000;
    private static final int ATTEMPTS = 3;
    private static final HexFormat HEX = HexFormat.of();

    /**
     * One identifier to resolve.
     *
     * @param identifier a USCC or id number
     * @param name       the name, used only when the subject is created
     * @param type       the stated type, checked against the identifier
     */
    public record Request(String identifier, String name, String type) {
        @Override
        public String toString() {
            return "Request[" + Identifiers.mask(identifier) + "]";
        }
    }

    /**
     * The outcome for one request: a subject (and whether this call created it), or a refusal.
     *
     * @param subject  the subject, null when refused
     * @param created  whether this call created it
     * @param code     the refusal's code (IDENTIFIER_INVALID, VALIDATION_FAILED, SUBJECT_TYPE_MISMATCH), null otherwise
     * @param problems the refusal's field problems
     */
    public record Outcome(Subject subject, boolean created, String code, List<FieldProblem> problems) {
    }

    private record Prepared(String key, IdentifierKind kind, Uscc uscc, IdNumber idNumber, byte[] hash, SubjectType type, String name) {
    }

    private final SubjectStore store;
    private final PiiCrypto crypto;
    private final TransactionTemplate tx;
    private final Clock clock;

    SubjectResolver(SubjectStore store, PiiCrypto crypto, TransactionTemplate tx, Clock clock) {
        this.store = store;
        this.crypto = crypto;
        this.tx = tx;
        this.clock = clock;
    }

    /** One identifier; a refusal is thrown as its 400 problem. */
    public Outcome resolve(Request request, String source, Locale locale) {
        Outcome outcome = resolveAll(List.of(request), source, locale).getFirst();
        if (outcome.subject() == null) {
            throw ApiException.invalid(outcome.code(), switch (outcome.code()) {
                case "IDENTIFIER_INVALID" -> "The identifier is not a valid code or id number";
                case FieldCodes.SUBJECT_TYPE_MISMATCH -> "The type disagrees with the identifier";
                default -> "The request has invalid fields";
            }, outcome.problems());
        }
        return outcome;
    }

    /** Up to {@link #MAX_BATCH} identifiers, one outcome each, in order. */
    public List<Outcome> resolveAll(List<Request> requests, String source, Locale locale) {
        return resolveAll(requests, source, locale, true);
    }

    /**
     * Up to {@link #MAX_BATCH} identifiers, one outcome each, in order. With {@code create} false nothing is written: an
     * identifier without a subject is refused with {@link #NOT_FOUND} (a look-up, e.g. for a credit check's names).
     */
    public List<Outcome> resolveAll(List<Request> requests, String source, Locale locale, boolean create) {
        List<Object> prepared = new ArrayList<>(requests.size());
        for (Request r : requests) {
            prepared.add(prepare(r, locale));
        }
        if (!create) {
            return tx.execute(status -> {
                status.setRollbackOnly();
                return resolveOnce(prepared, source, false);
            });
        }
        for (int attempt = 1; ; attempt++) {
            try {
                return tx.execute(status -> resolveOnce(prepared, source, true));
            } catch (DuplicateKeyException e) {
                // another call created one of them meanwhile: read again, it now exists
                if (attempt == ATTEMPTS) {
                    throw ApiException.conflict("CONCURRENT_UPDATE", "The subjects were created concurrently; send the request again");
                }
            }
        }
    }

    /** The refusal's code of an identifier without a subject in a look-up (no creation). */
    public static final String NOT_FOUND = "SUBJECT_NOT_FOUND";

    private List<Outcome> resolveOnce(List<Object> prepared, String source, boolean create) {
        Set<String> codes = new LinkedHashSet<>();
        List<byte[]> hashes = new ArrayList<>();
        for (Object p : prepared) {
            if (p instanceof Prepared q) {
                if (q.uscc() != null) {
                    codes.add(q.uscc().value());
                } else {
                    hashes.add(q.hash());
                }
            }
        }
        Map<String, Subject> known = new HashMap<>();
        store.findByCodes(codes).forEach(s -> known.put(s.code(), s));
        store.findByHashes(hashes).forEach(s -> known.put("#" + HEX.formatHex(s.idHash()), s));
        Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
        List<Subject> created = new ArrayList<>();
        List<Outcome> outcomes = new ArrayList<>(prepared.size());
        for (Object p : prepared) {
            if (p instanceof Outcome refused) {
                outcomes.add(refused);
                continue;
            }
            Prepared q = (Prepared) p;
            Subject existing = known.get(q.key());
            if (existing != null) {
                outcomes.add(new Outcome(existing, false, null, List.of()));
                continue;
            }
            if (!create) {
                outcomes.add(new Outcome(null, false, NOT_FOUND, List.of()));
                continue;
            }
            boolean person = q.kind() == IdentifierKind.ID_NUMBER;
            Subject subject = new Subject(UUID.randomUUID(), q.kind(), person ? null : q.uscc().value(), q.hash(),
                    person ? q.idNumber().masked() : null, person ? crypto.encrypt(q.idNumber(), q.hash()) : null,
                    person && q.idNumber().upgradedFromLegacy(), q.name(), List.of(), List.of(), q.type(),
                    person ? q.idNumber().regionCode() : q.uscc().regionCode(), null, null, null, null, null, false, source, 0, now, now);
            known.put(q.key(), subject);
            created.add(subject);
            outcomes.add(new Outcome(subject, true, null, List.of()));
        }
        store.insert(created);
        store.recordChanges(created);
        return outcomes;
    }

    /** A checked request, or the refusal ({@link Outcome}) when it cannot be resolved. */
    private Object prepare(Request r, Locale locale) {
        IdentifierCheck check = Identifiers.check(r.identifier(), clock);
        if (!check.valid()) {
            List<FieldProblem> problems = new ArrayList<>();
            SubjectValidator.addIdentifierErrors(problems, "identifier", check, locale);
            return new Outcome(null, false, "IDENTIFIER_INVALID", problems);
        }
        SubjectType stated = null;
        if (r.type() != null && !r.type().isBlank()) {
            stated = SubjectType.parse(r.type()).orElse(null);
            if (stated == null) {
                return new Outcome(null, false, "VALIDATION_FAILED", List.of(FieldCodes.problem("type", FieldCodes.TYPE_UNKNOWN, locale)));
            }
        }
        boolean person = check.kind() == IdentifierKind.ID_NUMBER;
        Uscc uscc = person ? null : Uscc.parse(check.normalized());
        IdNumber idNumber = person ? IdNumber.parse(r.identifier(), clock) : null;
        SubjectType type = SubjectTypeRule.forIdentifier(check, stated).orElse(null);
        if (type == null) {
            return new Outcome(null, false, FieldCodes.SUBJECT_TYPE_MISMATCH,
                    List.of(FieldCodes.problem("type", FieldCodes.SUBJECT_TYPE_MISMATCH, locale)));
        }
        byte[] hash = person ? crypto.hash(idNumber) : null;
        String name = r.name() == null || r.name().isBlank() || r.name().strip().length() > SubjectValidator.NAME_MAX
                || r.name().chars().anyMatch(Character::isISOControl) ? null : r.name().strip();
        return new Prepared(person ? "#" + HEX.formatHex(hash) : uscc.value(), check.kind(), uscc, idNumber, hash, type, name);
    }
}
