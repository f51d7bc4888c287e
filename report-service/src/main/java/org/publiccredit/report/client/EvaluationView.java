package org.publiccredit.report.client;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.time.LocalDate;
import java.util.List;

/**
 * A subject's credit evaluation as record-service computes it (docs/contracts.md, summary {@code evaluation}).
 *
 * @param grade A, B, C or D
 * @param nameZh 优, 良, 中, 差
 * @param score the points
 * @param rulesVersion the rules' version
 * @param reasons the rules that applied
 * @param changesOn the next day time alone changes the grade, or null
 * @param evaluatedOn the day it is for
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record EvaluationView(String grade, String nameZh, int score, String rulesVersion, List<Reason> reasons, LocalDate changesOn,
        LocalDate evaluatedOn) {

    /**
     * One applied rule.
     *
     * @param rule its code
     * @param nameZh its name
     * @param points its points, all records together
     * @param count the records it matched
     * @param forcesGrade the grade it forces, or null
     */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Reason(String rule, String nameZh, int points, int count, String forcesGrade) {
    }
}
