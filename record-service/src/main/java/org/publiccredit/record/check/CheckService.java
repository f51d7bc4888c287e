package org.publiccredit.record.check;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.publiccredit.commons.id.IdentifierCheck;
import org.publiccredit.commons.id.IdentifierKind;
import org.publiccredit.commons.id.Identifiers;
import org.publiccredit.commons.problem.ApiException;
import org.publiccredit.commons.problem.FieldProblem;
import org.publiccredit.commons.security.Caller;
import org.publiccredit.record.catalog.Catalog;
import org.publiccredit.record.catalog.CatalogEntry;
import org.publiccredit.record.catalog.Measure;
import org.publiccredit.record.client.SubjectRef;
import org.publiccredit.record.client.SubjectResolver;
import org.publiccredit.record.creditrecord.RecordFacts;
import org.publiccredit.record.creditrecord.RecordRepository;
import org.publiccredit.record.publicity.CreditEvaluation;
import org.publiccredit.record.publicity.Evaluation;
import org.publiccredit.record.publicity.Publicity;
import org.publiccredit.record.publicity.PublicityPolicy;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import tools.jackson.databind.json.JsonMapper;

/**
 * Credit checks for joint rewards and punishments (联合奖惩核查): for a scenario and up to 1,000 subjects, the list entries
 * in force and the measures the catalog maps to that scenario. Entries come from the Redis cache or PostgreSQL; "in
 * force" is {@link PublicityPolicy}'s answer. Every check is recorded.
 */
@Service
public class CheckService {

    static final int MAX_SUBJECTS = 1000;

    private final RecordRepository records;
    private final Catalog catalog;
    private final PublicityPolicy policy;
    private final CreditEvaluation evaluation;
    private final SubjectResolver resolver;
    private final CheckCache cache;
    private final JdbcClient jdbc;
    private final JsonMapper json;
    private final Clock clock;

    CheckService(RecordRepository records, Catalog catalog, PublicityPolicy policy, CreditEvaluation evaluation,
            SubjectResolver resolver, CheckCache cache, JdbcClient jdbc, JsonMapper json, Clock clock) {
        this.records = records;
        this.catalog = catalog;
        this.policy = policy;
        this.evaluation = evaluation;
        this.resolver = resolver;
        this.cache = cache;
        this.jdbc = jdbc;
        this.json = json;
        this.clock = clock;
    }

    static String enterpriseKey(String uscc) {
        return "U:" + uscc;
    }

    static String personKey(UUID subjectId) {
        return "P:" + subjectId;
    }

    /**
     * A joint measure that applies, and the record it comes from.
     *
     * @param code measure code
     * @param nameZh Chinese name
     * @param nameEn English name
     * @param category the category that triggers it
     * @param recordId the record
     */
    public record AppliedMeasure(String code, String nameZh, String nameEn, String category, UUID recordId) {
    }

    /**
     * The answer for one subject.
     *
     * @param subject the code as asked (a natural person's number masked)
     * @param name the organisation's registered name as subject-service knows it; absent for natural persons, for codes
     *        the registry does not know, and when subject-service could not be asked (see {@link SubjectNames})
     * @param status CHECKED; INVALID for a code that is not a valid USCC or id number (see errors); NOT_REGISTERED when the registry answered that no such subject exists (a valid code nobody
     *        registered is not a clean subject); UNKNOWN when the subject registry could not be asked (natural persons only)
     * @param blackList black-list entries in force
     * @param redList red-list entries in force
     * @param abnormalList entries of the abnormal business operations list (经营异常名录) in force: a list of its own
     * @param measures the measures for the scenario
     * @param evaluation the subject's credit evaluation (公共信用综合评价) now; absent when the subject is not registered or
     *        could not be looked up
     * @param errors for status INVALID: why the code is not a valid USCC or id number (the other items are answered)
     */
    public record SubjectResult(String subject, @JsonInclude(JsonInclude.Include.NON_NULL) String name, String status, List<CheckEntry> blackList, List<CheckEntry> redList,
            List<CheckEntry> abnormalList, List<AppliedMeasure> measures, @JsonInclude(JsonInclude.Include.NON_NULL) Evaluation evaluation,
            @JsonInclude(JsonInclude.Include.NON_NULL) List<ItemError> errors) {
    }

    /**
     * Why one item of a check could not be checked.
     *
     * @param code the identifier error code (e.g. USCC_CHECK_DIGIT)
     * @param message what it means
     */
    public record ItemError(String code, String message) {
    }

    /** An invalid code as answered: a long one may be a mistyped id number, so only its ends are shown. */
    static String shownInvalid(String normalized) {
        String s = normalized.length() > 64 ? normalized.substring(0, 64) : normalized;
        if (s.length() >= 15) {
            return s.substring(0, 6) + "*".repeat(s.length() - 8) + s.substring(s.length() - 2);
        }
        return s;
    }

    /**
     * A recorded check.
     *
     * @param checkId id, for {@code GET /api/v1/checks/{id}}
     * @param scenario scenario code
     * @param purpose the caller's stated purpose
     * @param checkedAt when
     * @param results per subject, in the order asked
     */
    public record CheckResult(UUID checkId, String scenario, String purpose, Instant checkedAt, List<SubjectResult> results) {
    }

    public CheckResult check(Caller caller, String scenario, List<String> subjects, String purpose) {
        validate(scenario, subjects, purpose);
        List<String> keys = new ArrayList<>();
        Map<String, String> shown = new LinkedHashMap<>();
        Map<String, String> uscc = new HashMap<>();
        Map<String, UUID> persons = new HashMap<>();
        Set<String> unknown = new HashSet<>();
        List<IdentifierCheck> checked = new ArrayList<>(subjects.size());
        List<SubjectResolver.Request> personIds = new ArrayList<>();
        for (String raw : subjects) {
            IdentifierCheck c = Identifiers.check(raw);
            checked.add(c);
            if (c.valid() && c.kind() != IdentifierKind.USCC) {
                personIds.add(new SubjectResolver.Request(c.normalized(), null, null));
            }
        }
        // natural persons: their subject ids, looked up (never created: a check is a read) in one bulk call
        Map<String, Optional<SubjectRef>> refs = personIds.isEmpty() ? Map.of()
                : resolver.lookupAnswers(personIds.stream().map(SubjectResolver.Request::identifier).toList());
        // organisations: their registered names, looked up (never created) in one bulk call for the whole check
        List<String> codes = checked.stream().filter(c -> c.valid() && c.kind() == IdentifierKind.USCC).map(IdentifierCheck::normalized)
                .distinct().toList();
        Map<String, Optional<SubjectRef>> organisations = codes.isEmpty() ? Map.of() : resolver.lookupAnswers(codes);
        Map<String, String> names = new HashMap<>();
        Set<String> notRegistered = new HashSet<>();
        Map<String, List<ItemError>> invalid = new HashMap<>();
        for (IdentifierCheck c : checked) {
            if (!c.valid()) {
                // one invalid code is that item's error; the others are still answered
                String key = "E:" + keys.size();
                keys.add(key);
                shown.put(key, shownInvalid(c.normalized()));
                invalid.put(key, c.errors().stream().map(e -> new ItemError(e.code(), e.message(org.publiccredit.commons.i18n.Languages.current()))).toList());
            } else if (c.kind() == IdentifierKind.USCC) {
                String key = enterpriseKey(c.normalized());
                keys.add(key);
                shown.put(key, c.normalized());
                uscc.put(key, c.normalized());
                Optional<SubjectRef> answer = organisations.get(c.normalized());
                String name = answer == null ? null : SubjectNames.shown(answer.orElse(null));
                if (name != null) {
                    names.put(key, name);
                }
                if (answer != null && answer.isEmpty()) {
                    notRegistered.add(key); // the registry answered: no such subject (not a clean one)
                }
            } else {
                String masked = Identifiers.mask(c.normalized());
                Optional<SubjectRef> answer = refs.get(c.normalized());
                if (answer != null && answer.isPresent()) {
                    String key = personKey(answer.get().id());
                    keys.add(key);
                    shown.put(key, masked);
                    persons.put(key, answer.get().id());
                } else if (answer != null) {
                    // not registered, so no record can be about this person: NOT_REGISTERED, with nothing in force
                    String key = "N:" + keys.size();
                    keys.add(key);
                    shown.put(key, masked);
                    notRegistered.add(key);
                } else {
                    String key = "X:" + unknown.size();
                    keys.add(key);
                    shown.put(key, masked);
                    unknown.add(key);
                }
            }
        }
        Map<String, CheckCache.Cached> entries = entriesInForce(uscc, persons);
        List<SubjectResult> results = new ArrayList<>();
        for (String key : keys) {
            if (unknown.contains(key)) {
                results.add(new SubjectResult(shown.get(key), null, "UNKNOWN", List.of(), List.of(), List.of(), List.of(), null, null));
                continue;
            }
            if (invalid.containsKey(key)) {
                results.add(new SubjectResult(shown.get(key), null, "INVALID", List.of(), List.of(), List.of(), List.of(), null,
                        invalid.get(key)));
                continue;
            }
            CheckCache.Cached cached = entries.getOrDefault(key, new CheckCache.Cached(List.of(), null, null));
            List<CheckEntry> inForce = cached.entries();
            List<CheckEntry> black = inForce.stream().filter(e -> e.kind().equals("BLACK_LIST")).toList();
            List<CheckEntry> red = inForce.stream().filter(e -> e.kind().equals("RED_LIST")).toList();
            List<CheckEntry> abnormal = inForce.stream().filter(e -> e.kind().equals("ABNORMAL_LIST")).toList();
            List<AppliedMeasure> measures = new ArrayList<>();
            for (CheckEntry e : inForce) {
                catalog.find(e.category()).ifPresent(entry -> {
                    for (Measure m : entry.measuresFor(scenario)) {
                        measures.add(new AppliedMeasure(m.code(), m.nameZh(), m.nameEn(), e.category(), e.recordId()));
                    }
                });
            }
            boolean registered = !(notRegistered.contains(key) && inForce.isEmpty());
            results.add(new SubjectResult(shown.get(key), names.get(key), registered ? "CHECKED" : "NOT_REGISTERED",
                    black, red, abnormal, measures, registered ? cached.evaluation() : null, null));
        }
        CheckResult result = new CheckResult(UUID.randomUUID(), scenario, purpose.strip(), clock.instant(), results);
        // the check and, in the same statement, the subjects it is about (credit_check_subject, for the subjects' access
        // logs: 'U:<uscc>' and 'P:<subject id>' keys, so a person is found by his subject, not by his masked number)
        List<String> about = keys.stream().filter(k -> k.startsWith("U:") || k.startsWith("P:")).distinct().toList();
        jdbc.sql("""
                WITH c AS (
                    INSERT INTO credit_check (id, caller_sub, caller_name, client_id, department, scenario, purpose, subjects, result, checked_at)
                    VALUES (?, ?, ?, ?, ?, ?, ?, ?::jsonb, ?::jsonb, ?) RETURNING id, checked_at)
                INSERT INTO credit_check_subject (check_id, subject_key, checked_at)
                SELECT c.id, k.key, c.checked_at FROM c, jsonb_array_elements_text(?::jsonb) AS k(key)""")
                .params(result.checkId(), caller.subject(), caller.username(), caller.clientId(), caller.department(), scenario,
                        result.purpose(), json.writeValueAsString(shown.values()), json.writeValueAsString(result),
                        java.sql.Timestamp.from(result.checkedAt()), json.writeValueAsString(about))
                .update();
        return result;
    }

    /** A recorded check, for its caller only (anyone else: 404). */
    public CheckResult find(Caller caller, UUID id) {
        return jdbc.sql("SELECT result::text FROM credit_check WHERE id = ? AND caller_sub = ?").params(id, caller.subject())
                .query(String.class).optional()
                .map(r -> json.readValue(r, CheckResult.class))
                .orElseThrow(() -> ApiException.notFound("Check"));
    }

    private Map<String, CheckCache.Cached> entriesInForce(Map<String, String> uscc, Map<String, UUID> persons) {
        List<String> all = new ArrayList<>(uscc.keySet());
        all.addAll(persons.keySet());
        CheckCache.Lookup lookup = cache.read(all);
        Map<String, CheckCache.Cached> out = new HashMap<>(lookup.hits());
        Map<String, String> missUscc = new HashMap<>();
        uscc.forEach((k, code) -> {
            if (!out.containsKey(k)) {
                missUscc.put(code, k);
            }
        });
        Map<UUID, String> missPersons = new HashMap<>();
        persons.forEach((k, id) -> {
            if (!out.containsKey(k)) {
                missPersons.put(id, k);
            }
        });
        if (missUscc.isEmpty() && missPersons.isEmpty()) {
            return out;
        }
        LocalDate today = policy.today();
        Map<String, List<CheckEntry>> found = new HashMap<>();
        Map<String, LocalDate> next = new HashMap<>();
        // only the categories a check shows (list entries, or with joint measures) or the evaluation scores, only the
        // facts the policy and the evaluation read
        Set<String> graded = evaluation.categories();
        List<CatalogEntry> relevant = catalog.all().stream()
                .filter(e -> e.kind().listEntry() || !e.measures().isEmpty() || graded.contains(e.code())).toList();
        List<String> categories = relevant.stream().map(CatalogEntry::code).toList();
        Set<String> fieldKeys = evaluation.fieldsReadWith(relevant);
        Map<String, List<RecordFacts>> factsByKey = new HashMap<>();
        java.util.function.Consumer<RecordFacts> sink = r -> {
            String key = r.naturalPerson() ? missPersons.get(r.subjectId()) : missUscc.get(r.subjectCode());
            CatalogEntry entry = catalog.find(r.category()).orElse(null);
            if (key == null || entry == null) {
                return;
            }
            Publicity p = policy.decide(r.state(), r.decisionDate(), r.fields(), r.naturalPerson(), entry, today);
            if (p.nextChange() != null && (next.get(key) == null || p.nextChange().isBefore(next.get(key)))) {
                next.put(key, p.nextChange());
            }
            if (graded.contains(r.category())) {
                factsByKey.computeIfAbsent(key, k -> new ArrayList<>()).add(r);
            }
            if (p.inForce() && (entry.kind().listEntry() || !entry.measures().isEmpty())) {
                found.computeIfAbsent(key, k -> new ArrayList<>()).add(new CheckEntry(r.id(), r.category(), entry.nameZh(),
                        entry.kind().name(), r.department(), r.decisionDate(), p.publicUntil(), p.disputed()));
            }
        };
        records.scanLiveFacts(true, missUscc.keySet(), categories, fieldKeys, sink);
        records.scanLiveFacts(false, missPersons.keySet(), categories, fieldKeys, sink);
        Map<String, CheckCache.Cached> fresh = new HashMap<>();
        java.util.function.Consumer<String> finish = k -> {
            CreditEvaluation.Result result = evaluation.evaluate(factsByKey.getOrDefault(k, List.of()), today);
            LocalDate nextChange = next.get(k);
            if (result.nextChange() != null && (nextChange == null || result.nextChange().isBefore(nextChange))) {
                nextChange = result.nextChange();
            }
            fresh.put(k, new CheckCache.Cached(sorted(found.get(k)), nextChange, result.evaluation()));
        };
        missUscc.values().forEach(finish);
        missPersons.values().forEach(finish);
        cache.write(lookup.versions(), fresh, today);
        out.putAll(fresh);
        return out;
    }

    private static List<CheckEntry> sorted(List<CheckEntry> entries) {
        if (entries == null) {
            return List.of();
        }
        return entries.stream().sorted(java.util.Comparator.comparing(CheckEntry::decisionDate).reversed()
                .thenComparing(e -> e.recordId().toString())).toList();
    }

    private void validate(String scenario, List<String> subjects, String purpose) {
        List<FieldProblem> problems = new ArrayList<>();
        if (scenario == null || !catalog.scenarioCodes().contains(scenario)) {
            problems.add(new FieldProblem("scenario", "SCENARIO_UNKNOWN", "one of " + catalog.scenarioCodes()));
        }
        if (purpose == null || purpose.isBlank()) {
            problems.add(new FieldProblem("purpose", "FIELD_REQUIRED", "state the purpose of the check"));
        } else if (purpose.length() > 500) {
            problems.add(new FieldProblem("purpose", "FIELD_TOO_LONG", "at most 500 characters"));
        }
        if (subjects == null || subjects.isEmpty()) {
            problems.add(new FieldProblem("subjects", "FIELD_REQUIRED", "at least one subject code"));
        } else if (subjects.size() > MAX_SUBJECTS) {
            problems.add(new FieldProblem("subjects", "TOO_MANY_SUBJECTS", "at most " + MAX_SUBJECTS + " subjects per check"));
        } else if (subjects.stream().noneMatch(raw -> raw != null && Identifiers.check(raw).valid())) {
            // nothing at all to check: the request is refused (a single invalid item among valid ones is answered as INVALID)
            for (int i = 0; i < subjects.size(); i++) {
                IdentifierCheck c = Identifiers.check(subjects.get(i));
                problems.add(new FieldProblem("subjects[" + i + "]", c.errorCodes().isEmpty() ? "FIELD_REQUIRED" : c.errorCodes().getFirst(),
                        "not a valid USCC or id number"));
            }
        }
        if (!problems.isEmpty()) {
            throw ApiException.invalid("VALIDATION_FAILED", "The check request is invalid", problems);
        }
    }
}
