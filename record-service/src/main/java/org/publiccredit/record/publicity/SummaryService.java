package org.publiccredit.record.publicity;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import org.publiccredit.record.catalog.Catalog;
import org.publiccredit.record.catalog.CatalogEntry;
import org.publiccredit.record.catalog.RecordKind;
import org.publiccredit.record.creditrecord.RecordFacts;
import org.publiccredit.record.creditrecord.RecordRepository;
import org.springframework.stereotype.Service;

/** The public summary of a subject for search-service, computed now by {@link PublicityPolicy}. */
@Service
public class SummaryService {

    private final RecordRepository records;
    private final Catalog catalog;
    private final PublicityPolicy policy;
    private final CreditEvaluation evaluation;

    SummaryService(RecordRepository records, Catalog catalog, PublicityPolicy policy, CreditEvaluation evaluation) {
        this.records = records;
        this.catalog = catalog;
        this.policy = policy;
        this.evaluation = evaluation;
    }

    /**
     * One listed record in a summary.
     *
     * @param recordId record id
     * @param category catalog code
     * @param name category name
     * @param decisionDate decision date
     * @param publicUntil last public day
     * @param department supplier
     * @param disputed under objection
     */
    public record Entry(UUID recordId, String category, String name, LocalDate decisionDate, LocalDate publicUntil,
            String department, boolean disputed) {
    }

    /**
     * docs/contracts.md summary.
     *
     * @param subjectId subject id
     * @param subjectCode USCC or masked id number (null when the subject has no records)
     * @param counts public records per category
     * @param redList public red-list entries
     * @param blackList public black-list entries
     * @param abnormalList public entries of the abnormal business operations list (经营异常名录), a list of its own
     * @param latestPenalties up to 5 public penalties, newest first
     * @param disputed public records under objection
     * @param validUntil the next instant at which time alone changes this summary (its evaluation included), or null
     * @param evaluation the subject's credit evaluation (公共信用综合评价) today, over its records in force, as the public may
     *        read it ({@link CreditEvaluation#publicView})
     */
    public record Summary(UUID subjectId, String subjectCode, Map<String, Integer> counts, List<Entry> redList,
            List<Entry> blackList, List<Entry> abnormalList, List<Entry> latestPenalties, List<Entry> disputed, Instant validUntil,
            Evaluation evaluation) {
    }

    public Summary summary(UUID subjectId) {
        return summaries(List.of(subjectId)).getFirst();
    }

    /**
     * The order of {@link RecordRepository#findBySubjectId}: decision date descending, then the id as PostgreSQL orders
     * uuids (unsigned bytes, i.e. the text form).
     */
    private static final Comparator<RecordFacts> NEWEST_FIRST = Comparator.comparing(RecordFacts::decisionDate).reversed()
            .thenComparing(RecordFacts::id, SummaryService::asPostgresqlOrders);

    /** PostgreSQL's uuid order, the order of the text form: the two halves as unsigned numbers (no text made per compare). */
    static int asPostgresqlOrders(UUID a, UUID b) {
        int high = Long.compareUnsigned(a.getMostSignificantBits(), b.getMostSignificantBits());
        return high != 0 ? high : Long.compareUnsigned(a.getLeastSignificantBits(), b.getLeastSignificantBits());
    }

    /** At most this many subjects per {@link #summaries} call. */
    public static final int MAX_BATCH = 1000;

    /**
     * The summaries of many subjects, computed now by the same policy, from one query for the whole batch (only the
     * facts the policy reads); in the order asked (duplicates once), an unknown subject with an empty summary.
     */
    public List<Summary> summaries(Collection<UUID> subjectIds) {
        Set<UUID> ids = new LinkedHashSet<>(subjectIds);
        if (ids.isEmpty()) {
            return List.of();
        }
        Map<UUID, List<RecordFacts>> bySubject = facts(ids);
        LocalDate today = policy.today();
        List<Summary> out = new ArrayList<>(ids.size());
        for (UUID id : ids) {
            List<RecordFacts> all = bySubject.getOrDefault(id, new ArrayList<>());
            all.sort(NEWEST_FIRST);
            out.add(summarize(id, all, today));
        }
        return out;
    }

    /** The full evaluation of one subject now (the summary carries its public view). */
    public CreditEvaluation.Result evaluation(UUID subjectId) {
        return evaluation.evaluate(facts(Set.of(subjectId)).getOrDefault(subjectId, List.of()), policy.today());
    }

    /** The facts the policy and the evaluation read, of these subjects' records, by subject. */
    private Map<UUID, List<RecordFacts>> facts(Set<UUID> ids) {
        Map<UUID, List<RecordFacts>> bySubject = new HashMap<>();
        records.scanFacts(ids, evaluation.fieldsReadWith(catalog.all()),
                r -> bySubject.computeIfAbsent(r.subjectId(), k -> new ArrayList<>()).add(r));
        return bySubject;
    }

    /** The summary of one subject from all its records (newest decision first). */
    private Summary summarize(UUID subjectId, List<RecordFacts> all, LocalDate today) {
        Map<String, Integer> counts = new TreeMap<>();
        List<Entry> red = new ArrayList<>();
        List<Entry> black = new ArrayList<>();
        List<Entry> abnormal = new ArrayList<>();
        List<Entry> penalties = new ArrayList<>();
        List<Entry> disputed = new ArrayList<>();
        LocalDate next = null;
        // each record decided once, for the summary and for the evaluation
        Map<RecordFacts, Publicity> decided = new IdentityHashMap<>(all.size() * 2);
        for (RecordFacts r : all) {
            CatalogEntry entry = catalog.require(r.category());
            Publicity p = policy.decide(r.state(), r.decisionDate(), r.fields(), r.naturalPerson(), entry, today);
            decided.put(r, p);
            if (p.nextChange() != null && (next == null || p.nextChange().isBefore(next))) {
                next = p.nextChange();
            }
            if (!p.publicNow()) {
                continue;
            }
            Entry e = new Entry(r.id(), r.category(), entry.nameZh(), r.decisionDate(), p.publicUntil(), r.department(), p.disputed());
            counts.merge(r.category(), 1, Integer::sum);
            if (entry.kind() == RecordKind.RED_LIST) {
                red.add(e);
            } else if (entry.kind() == RecordKind.BLACK_LIST) {
                black.add(e);
            } else if (entry.kind() == RecordKind.ABNORMAL_LIST) {
                abnormal.add(e);
            } else if (entry.kind() == RecordKind.PENALTY) {
                penalties.add(e);
            }
            if (p.disputed()) {
                disputed.add(e);
            }
        }
        penalties.sort(Comparator.comparing(Entry::decisionDate).reversed());
        // a natural person's evaluation is never public (PIPL; grades serve the supervision of organisations): the
        // public summary is the one place that decides what of a person the public sees, search-service stores it as is
        boolean person = !all.isEmpty() && all.getFirst().naturalPerson();
        Evaluation publicEvaluation = null;
        if (!person) {
            CreditEvaluation.Result graded = evaluation.evaluate(all, today, decided::get);
            if (graded.nextChange() != null && (next == null || graded.nextChange().isBefore(next))) {
                next = graded.nextChange();
            }
            publicEvaluation = evaluation.publicView(graded.evaluation());
        }
        return new Summary(subjectId, all.isEmpty() ? null : all.getFirst().subjectCode(), counts, red, black, abnormal,
                penalties.subList(0, Math.min(5, penalties.size())), disputed,
                next == null ? null : next.atStartOfDay(PublicityPolicy.ZONE).toInstant(), publicEvaluation);
    }
}
