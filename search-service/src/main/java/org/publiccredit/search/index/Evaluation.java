package org.publiccredit.search.index;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;

/**
 * A subject's public credit evaluation (公共信用综合评价) as record-service computes it and its summary carries
 * (docs/contracts.md): the grade with the rules that produced it. Only the grade is kept in the subject's document
 * ({@link SubjectDocument#grade()}); the evaluation itself is shown in an organisation's public profile as record-service's
 * summary carries it when the profile is read (decision 0009). Fields record-service adds later are ignored, not refused.
 *
 * @param grade {@code A} 优, {@code B} 良, {@code C} 中 or {@code D} 差 ({@link Grade})
 * @param nameZh the grade's Chinese name
 * @param nameEn its English name
 * @param score the points
 * @param rulesVersion the version of the evaluation rules applied
 * @param reasons every rule that applied, with its points
 * @param changesOn the first future day (ISO date, China) on which time alone changes the grade, or null
 * @param evaluatedOn the day it was computed
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonIgnoreProperties(ignoreUnknown = true)
public record Evaluation(String grade, String nameZh, String nameEn, Integer score, String rulesVersion, List<Reason> reasons,
        String changesOn, String evaluatedOn) {

    public Evaluation {
        reasons = reasons != null ? List.copyOf(reasons) : List.of();
    }

    /**
     * One rule that applied.
     *
     * @param rule the rule's code, e.g. {@code PENALTY_ORDINARY_12M}
     * @param nameZh its Chinese name
     * @param nameEn its English name
     * @param points its total points (negative: a deduction)
     * @param count how many records it counted
     * @param forcesGrade the grade it forces whatever the points (e.g. an active black-list entry: D), or null
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Reason(String rule, String nameZh, String nameEn, Integer points, Integer count, String forcesGrade) {
    }
}
