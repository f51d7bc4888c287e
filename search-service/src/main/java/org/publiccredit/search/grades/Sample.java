package org.publiccredit.search.grades;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * A supervision sample (双随机抽查, 分级分类监管) as drawn, stored and answered: who asked and why, the seed, rates and
 * filters it was drawn with, the population per grade, how many were drawn per grade, and the subjects drawn.
 *
 * @param id the sample's id
 * @param seed the seed of the draw (given, or chosen at random and recorded)
 * @param rates the inspection rate per grade the draw used (the configured defaults where the request named none)
 * @param size the total asked for instead of rates per grade (then shared in proportion to population × rate), or null
 * @param filters which organisations it was drawn from
 * @param population the public organisations per grade A-D, and {@code none}: not graded yet (never drawn)
 * @param drawn how many were drawn per grade
 * @param subjects the subjects drawn, grade by grade (A to D), each grade in the order of the draw
 * @param purpose why (the inspection it is for)
 * @param askedBy the user who asked
 * @param department the department it was drawn for (the officer's; an admin's, if the token names one)
 * @param createdAt when it was drawn
 * @param index the concrete index it was drawn from: the same seed draws the same subjects from the same index and population
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonIgnoreProperties(ignoreUnknown = true)
record Sample(String id, long seed, Map<String, Double> rates, Integer size, OrganisationFilter filters, Map<String, Long> population,
        Map<String, Integer> drawn, List<Drawn> subjects, String purpose, String askedBy, String department, Instant createdAt, String index) {

    /**
     * A drawn subject.
     *
     * @param code its USCC
     * @param name its name
     * @param grade its credit grade when drawn
     * @param region its division code
     */
    record Drawn(String code, String name, String grade, String region) {
    }

    /** The sample without its subjects (a list of samples). */
    Sample withoutSubjects() {
        return new Sample(id, seed, rates, size, filters, population, drawn, null, purpose, askedBy, department, createdAt, index);
    }
}
