package org.publiccredit.record.publicity;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.BiFunction;
import java.util.function.Function;
import org.publiccredit.record.catalog.Catalog;
import org.publiccredit.record.catalog.CatalogEntry;
import org.publiccredit.record.catalog.EvaluationRules;
import org.publiccredit.record.creditrecord.RecordFacts;
import org.springframework.stereotype.Component;

/**
 * The public credit evaluation (DOMAIN.md section 9): the catalog's {@link EvaluationRules} applied to the records in
 * force, as {@link PublicityPolicy} decides them (the same policy and the same moment as the summary, the checks and the
 * reports, so a repair, a revocation or a closing window changes the grade with them). A record in force counts whether
 * or not it is published: the evaluation is the platform's, over the credit information it holds (a 轻微 penalty is in
 * force but no rule scores it).
 * <p>
 * Time moves a grade only at known days: a record's window opens or closes, or a rule's period (e.g. 12 months since
 * the decision) ends. Each record that can match a rule contributes to it on an interval of days; the grade on any day is
 * the sum over the intervals containing it, so the next day the grade changes is found by walking the interval bounds.
 */
@Component
public class CreditEvaluation {

    private final Catalog catalog;
    private final PublicityPolicy policy;

    public CreditEvaluation(Catalog catalog, PublicityPolicy policy) {
        this.catalog = catalog;
        this.policy = policy;
    }

    /**
     * An evaluation and the next day time alone changes it (its score or reasons, not only its grade).
     *
     * @param evaluation the evaluation today
     * @param nextChange for caches and the search index, or null
     */
    public record Result(Evaluation evaluation, LocalDate nextChange) {
    }

    /** Days on which one record counts for one rule: {@code from} inclusive, {@code until} exclusive (null: open). */
    private record Contribution(int rule, LocalDate from, LocalDate until) {

        boolean covers(LocalDate day) {
            return !day.isBefore(from) && (until == null || day.isBefore(until));
        }
    }

    /** The evaluation of a subject with these records (any order; records of other subjects must not be mixed in). */
    public Result evaluate(Collection<RecordFacts> records, LocalDate today) {
        return evaluate(catalog.evaluation(), code -> catalog.find(code).orElse(null), policy, records, today);
    }

    /**
     * The same with each record's publicity already decided today by the caller (the summary decides every record once
     * for itself and the evaluation).
     */
    public Result evaluate(Collection<RecordFacts> records, LocalDate today, Function<RecordFacts, Publicity> decided) {
        return evaluate(catalog.evaluation(), code -> catalog.find(code).orElse(null), (r, entry) -> decided.apply(r), records, today);
    }

    /** The same with the rules, the catalog entries and the policy given (pure: for tests and tools). */
    static Result evaluate(EvaluationRules rules, Function<String, CatalogEntry> entries, PublicityPolicy policy,
            Collection<RecordFacts> records, LocalDate today) {
        return evaluate(rules, entries,
                (r, entry) -> policy.decide(r.state(), r.decisionDate(), r.fields(), r.naturalPerson(), entry, today), records, today);
    }

    private static Result evaluate(EvaluationRules rules, Function<String, CatalogEntry> entries,
            BiFunction<RecordFacts, CatalogEntry, Publicity> decide, Collection<RecordFacts> records, LocalDate today) {
        List<Contribution> contributions = new ArrayList<>();
        for (RecordFacts r : records) {
            if (!r.state().live()) {
                continue;
            }
            CatalogEntry entry = entries.apply(r.category());
            if (entry == null) {
                continue;
            }
            Publicity p = null;
            for (int i = 0; i < rules.rules().size(); i++) {
                EvaluationRules.Rule rule = rules.rules().get(i);
                if (!rule.covers(entry) || !fieldsMatch(rule, r)) {
                    continue;
                }
                if (p == null) {
                    p = decide.apply(r, entry);
                    if (p.reason() == PublicReason.NOT_IN_FORCE) {
                        break; // its conditions are not met (e.g. a licence no longer 有效): never in force
                    }
                }
                if (rule.severity() != null && !rule.severity().equals(p.severity())) {
                    continue;
                }
                LocalDate from = p.publicFrom();
                LocalDate until = p.publicUntil() == null ? null : p.publicUntil().plusDays(1);
                if (rule.withinMonths() != null) {
                    LocalDate end = r.decisionDate().plusMonths(rule.withinMonths());
                    until = until == null || end.isBefore(until) ? end : until;
                    from = from.isBefore(r.decisionDate()) ? r.decisionDate() : from;
                }
                if (until == null || from.isBefore(until)) {
                    contributions.add(new Contribution(i, from, until));
                }
            }
        }
        Evaluation now = on(rules, contributions, today);
        TreeSet<LocalDate> bounds = new TreeSet<>();
        for (Contribution c : contributions) {
            if (c.from().isAfter(today)) {
                bounds.add(c.from());
            }
            if (c.until() != null && c.until().isAfter(today)) {
                bounds.add(c.until());
            }
        }
        LocalDate changesOn = null;
        for (LocalDate day : bounds) {
            if (!on(rules, contributions, day).grade().equals(now.grade())) {
                changesOn = day;
                break;
            }
        }
        Evaluation evaluation = new Evaluation(now.grade(), now.nameZh(), now.nameEn(), now.score(), now.rulesVersion(), now.reasons(),
                changesOn, today);
        return new Result(evaluation, bounds.isEmpty() ? null : bounds.first());
    }

    /** The reason that stands for the rules over records nobody may see, in the public view of an evaluation. */
    public static final String NOT_PUBLIC_RULES = "NOT_PUBLIC_INFORMATION";

    /**
     * The evaluation as the public may read it: the grade and score are the same, but the rules that only match categories
     * which are not public (the tax credit grade below A …) are shown as one reason "未公示信息" with their points, so a
     * public profile or report never tells what an unpublished record says. The subject itself, checks and staff read the
     * full evaluation.
     */
    public Evaluation publicView(Evaluation e) {
        Set<String> hidden = hiddenRules();
        if (e.reasons().stream().noneMatch(r -> hidden.contains(r.rule()))) {
            return e;
        }
        List<Evaluation.Reason> reasons = new ArrayList<>();
        int points = 0;
        int count = 0;
        for (Evaluation.Reason r : e.reasons()) {
            if (hidden.contains(r.rule())) {
                points += r.points();
                count += r.count();
            } else {
                reasons.add(r);
            }
        }
        reasons.add(new Evaluation.Reason(NOT_PUBLIC_RULES, "未公示的信用信息", "Credit information that is not public", points, count, null));
        return new Evaluation(e.grade(), e.nameZh(), e.nameEn(), e.score(), e.rulesVersion(), List.copyOf(reasons), e.changesOn(),
                e.evaluatedOn());
    }

    /** The rules of {@link #hiddenRules}, and the catalog entries and rules they were worked out from. */
    private record Hidden(List<CatalogEntry> entries, EvaluationRules rules, Set<String> codes) {
    }

    private volatile Hidden hidden = new Hidden(null, null, Set.of());

    /**
     * The rules that only match categories which are not public; worked out again only when the catalog's entries or
     * rules were reloaded (a summary asks for them once per subject).
     */
    private Set<String> hiddenRules() {
        List<CatalogEntry> entries = catalog.all();
        EvaluationRules rules = catalog.evaluation();
        Hidden known = hidden;
        if (known.entries() == entries && known.rules() == rules) {
            return known.codes();
        }
        Set<String> codes = new java.util.HashSet<>();
        for (EvaluationRules.Rule rule : rules.rules()) {
            List<CatalogEntry> covered = entries.stream().filter(rule::covers).toList();
            if (!covered.isEmpty() && covered.stream().noneMatch(CatalogEntry::publicCategory)) {
                codes.add(rule.code());
            }
        }
        Hidden made = new Hidden(entries, rules, Set.copyOf(codes));
        hidden = made;
        return made.codes();
    }

    /** The record fields the rules read (besides those the publicity policy reads). */
    public Set<String> fieldsRead() {
        Set<String> keys = new TreeSet<>();
        catalog.evaluation().rules().forEach(r -> keys.addAll(r.fieldEquals().keySet()));
        return keys;
    }

    /**
     * The record fields to read for deciding the publicity of records of these categories and evaluating them: what
     * summaries, grades and checks load of each record ({@code RecordRepository.scanFacts}).
     */
    public Set<String> fieldsReadWith(Collection<CatalogEntry> entries) {
        Set<String> keys = new TreeSet<>(PublicityPolicy.fieldsRead(entries));
        keys.addAll(fieldsRead());
        return keys;
    }

    /** The categories whose records some rule can match. */
    public Set<String> categories() {
        Set<String> codes = new TreeSet<>();
        for (CatalogEntry e : catalog.all()) {
            if (catalog.evaluation().rules().stream().anyMatch(r -> r.covers(e))) {
                codes.add(e.code());
            }
        }
        return codes;
    }

    private static boolean fieldsMatch(EvaluationRules.Rule rule, RecordFacts r) {
        for (var e : rule.fieldEquals().entrySet()) {
            String value = r.fields().get(e.getKey());
            if (value == null || !e.getValue().equals(value.strip())) {
                return false;
            }
        }
        return true;
    }

    private static Evaluation on(EvaluationRules rules, List<Contribution> contributions, LocalDate day) {
        int[] counts = new int[rules.rules().size()];
        for (Contribution c : contributions) {
            if (c.covers(day)) {
                counts[c.rule()]++;
            }
        }
        int score = rules.startScore();
        String forced = null;
        List<Evaluation.Reason> reasons = new ArrayList<>();
        for (int i = 0; i < counts.length; i++) {
            if (counts[i] == 0) {
                continue;
            }
            EvaluationRules.Rule rule = rules.rules().get(i);
            int points = rule.perRecord() ? rule.points() * counts[i] : rule.points();
            score += points;
            if (rule.forcesGrade() != null && (forced == null || rules.rank(rule.forcesGrade()) > rules.rank(forced))) {
                forced = rule.forcesGrade();
            }
            reasons.add(new Evaluation.Reason(rule.code(), rule.nameZh(), rule.nameEn(), points, counts[i], rule.forcesGrade()));
        }
        EvaluationRules.Grade grade = rules.gradeOf(score);
        if (forced != null && rules.rank(forced) > rules.rank(grade.grade())) {
            grade = rules.grade(forced);
        }
        return new Evaluation(grade.grade(), grade.nameZh(), grade.nameEn(), score, rules.version(), List.copyOf(reasons), null, day);
    }
}
