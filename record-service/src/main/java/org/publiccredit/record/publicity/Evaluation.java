package org.publiccredit.record.publicity;

import java.time.LocalDate;
import java.util.List;

/**
 * A subject's public credit evaluation (公共信用综合评价) on one day, with the rules that produced it (explainable).
 *
 * @param grade A, B, C or D
 * @param nameZh 优, 良, 中, 差
 * @param nameEn the grade's English name
 * @param score the points: the starting score plus every applied rule's points
 * @param rulesVersion the version of the rules applied
 * @param reasons every rule that applied, in the rules' order
 * @param changesOn the first later day on which time alone changes the grade (a record's window or a rule's period ends
 *        or begins), or null when none will
 * @param evaluatedOn the day it was computed for
 */
public record Evaluation(String grade, String nameZh, String nameEn, int score, String rulesVersion, List<Reason> reasons,
        LocalDate changesOn, LocalDate evaluatedOn) {

    /**
     * One rule that applied.
     *
     * @param rule the rule's code
     * @param nameZh its Chinese name
     * @param nameEn its English name
     * @param points what it did to the score, all its records together
     * @param count the records it matched
     * @param forcesGrade the grade it forces, or null
     */
    public record Reason(String rule, String nameZh, String nameEn, int points, int count, String forcesGrade) {
    }
}
