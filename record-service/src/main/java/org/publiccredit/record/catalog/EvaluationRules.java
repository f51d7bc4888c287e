package org.publiccredit.record.catalog;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.publiccredit.commons.problem.FieldProblem;

/**
 * The rules of the public credit evaluation (公共信用综合评价, DOMAIN.md section 9) as catalog data: a starting score,
 * the grades with their thresholds, and the rules that add or take points (or force a grade) for the records in force.
 * Published at {@code GET /api/v1/catalog/evaluation-rules}; applied by {@code CreditEvaluation}.
 *
 * @param version changes with every change of the rules; carried by every evaluation
 * @param descriptionZh what the evaluation is, in Chinese
 * @param descriptionEn the same in English
 * @param startScore the score of a subject no rule applies to
 * @param grades best first; the first whose {@code minScore} the score reaches, the last (without a minimum) otherwise
 * @param rules what moves the score
 */
public record EvaluationRules(String version, String descriptionZh, String descriptionEn, int startScore, List<Grade> grades,
        List<Rule> rules) {

    /**
     * A grade.
     *
     * @param grade A, B, C or D
     * @param nameZh 优, 良, 中, 差
     * @param nameEn its English name
     * @param minScore the lowest score of the grade; null for the last grade only
     */
    public record Grade(String grade, String nameZh, String nameEn, Integer minScore) {
    }

    /**
     * A rule: the records in force it matches, and what they do to the score.
     *
     * @param code stable code, shown with every evaluation it applied to
     * @param nameZh what it means, in Chinese
     * @param nameEn the same in English
     * @param kinds the record kinds it matches (any of), or empty
     * @param categories the catalog categories it matches (any of), or empty; kinds or categories must be given
     * @param severity only records of this class (轻微 / 一般 / 严重), or null
     * @param fieldEquals only records whose fields have these values, or empty
     * @param withinMonths only while the decision is less than this many months old, or null
     * @param points added to the score (negative: taken), per matched record when {@code perRecord}, else once
     * @param perRecord whether each matched record counts
     * @param forcesGrade the grade the subject gets at best while the rule applies (an active black-list entry → D), or null
     */
    public record Rule(String code, String nameZh, String nameEn, List<RecordKind> kinds, List<String> categories, String severity,
            Map<String, String> fieldEquals, Integer withinMonths, int points, boolean perRecord, String forcesGrade) {

        public Rule {
            kinds = kinds == null ? List.of() : List.copyOf(kinds);
            categories = categories == null ? List.of() : List.copyOf(categories);
            fieldEquals = fieldEquals == null ? Map.of() : Map.copyOf(fieldEquals);
        }

        /** Whether a record of this category and kind can match (before its facts are read). */
        public boolean covers(CatalogEntry entry) {
            return kinds.contains(entry.kind()) || categories.contains(entry.code());
        }
    }

    public EvaluationRules {
        grades = grades == null ? List.of() : List.copyOf(grades);
        rules = rules == null ? List.of() : List.copyOf(rules);
    }

    /** The grade of a score (before any rule forces one). */
    public Grade gradeOf(int score) {
        for (Grade g : grades) {
            if (g.minScore() == null || score >= g.minScore()) {
                return g;
            }
        }
        return grades.getLast();
    }

    /** The grade with this letter. */
    public Grade grade(String letter) {
        return grades.stream().filter(g -> g.grade().equals(letter)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no grade " + letter));
    }

    /** The rank of a grade: 0 for the best. */
    public int rank(String letter) {
        for (int i = 0; i < grades.size(); i++) {
            if (grades.get(i).grade().equals(letter)) {
                return i;
            }
        }
        throw new IllegalArgumentException("no grade " + letter);
    }

    /** What is wrong with these rules against the catalog's entries; empty when they can be applied. */
    public List<FieldProblem> problems(List<CatalogEntry> entries) {
        List<FieldProblem> p = new ArrayList<>();
        if (version == null || version.isBlank()) {
            p.add(new FieldProblem("evaluation.version", "FIELD_NOT_BLANK", "the rules need a version"));
        }
        if (grades.isEmpty()) {
            p.add(new FieldProblem("evaluation.grades", "EVALUATION_GRADES_MISSING", "at least one grade"));
        }
        Integer previous = null;
        Set<String> letters = new HashSet<>();
        for (int i = 0; i < grades.size(); i++) {
            Grade g = grades.get(i);
            boolean last = i == grades.size() - 1;
            if (g.grade() == null || !letters.add(g.grade())) {
                p.add(new FieldProblem("evaluation.grades[" + i + "].grade", "EVALUATION_GRADE_INVALID", "a distinct grade letter"));
            }
            if (last != (g.minScore() == null)) {
                p.add(new FieldProblem("evaluation.grades[" + i + "].minScore", "EVALUATION_THRESHOLD_INVALID",
                        "every grade but the last has a minimum score, the last has none"));
            } else if (!last && previous != null && g.minScore() >= previous) {
                p.add(new FieldProblem("evaluation.grades[" + i + "].minScore", "EVALUATION_THRESHOLD_INVALID",
                        "thresholds fall from the best grade to the worst"));
            }
            previous = g.minScore();
        }
        Set<String> codes = new HashSet<>();
        Set<String> categoryCodes = new HashSet<>();
        Set<String> classes = new HashSet<>();
        for (CatalogEntry e : entries) {
            categoryCodes.add(e.code());
            if (e.publicity() != null && e.publicity().severity() != null) {
                classes.addAll(e.publicity().severity().windows().keySet());
            }
        }
        for (int i = 0; i < rules.size(); i++) {
            Rule r = rules.get(i);
            String at = "evaluation.rules[" + i + "]";
            if (r.code() == null || !codes.add(r.code())) {
                p.add(new FieldProblem(at + ".code", "EVALUATION_RULE_CODE_INVALID", "a distinct rule code"));
            }
            if (r.kinds().isEmpty() && r.categories().isEmpty()) {
                p.add(new FieldProblem(at, "EVALUATION_RULE_MATCHES_NOTHING", "name the kinds or categories it matches"));
            }
            for (String c : r.categories()) {
                if (!categoryCodes.contains(c)) {
                    p.add(new FieldProblem(at + ".categories", "CATALOG_CODE_UNKNOWN", "no catalog entry " + c));
                }
            }
            if (r.severity() != null && !classes.contains(r.severity())) {
                p.add(new FieldProblem(at + ".severity", "SEVERITY_UNKNOWN", "no category classes its records as " + r.severity()));
            }
            if (r.withinMonths() != null && r.withinMonths() < 1) {
                p.add(new FieldProblem(at + ".withinMonths", "FIELD_OUT_OF_RANGE", "at least 1 month"));
            }
            if (r.forcesGrade() != null && !letters.contains(r.forcesGrade())) {
                p.add(new FieldProblem(at + ".forcesGrade", "EVALUATION_GRADE_INVALID", "one of the grades"));
            }
            if (blank(r.nameZh()) || blank(r.nameEn())) {
                p.add(new FieldProblem(at + ".nameZh", "FIELD_NOT_BLANK", "both names are required"));
            }
        }
        return p;
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }
}
