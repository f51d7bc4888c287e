package org.publiccredit.record.publicity;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.publiccredit.record.catalog.CatalogFixtures;
import org.publiccredit.record.creditrecord.RecordFacts;
import org.publiccredit.record.creditrecord.RecordState;

/** Every evaluation rule of the shipped catalog at its boundary days, the thresholds, and the day a grade next changes. */
class CreditEvaluationTest {

    private static final LocalDate TODAY = LocalDate.of(2026, 12, 6);
    private final PublicityPolicy policy = new PublicityPolicy(Clock.fixed(
            ZonedDateTime.of(TODAY.atTime(10, 0), ZoneId.of("Asia/Shanghai")).toInstant(), ZoneId.of("UTC")));
    private final List<RecordFacts> records = new ArrayList<>();

    private RecordFacts add(String category, LocalDate decided, RecordState state, Map<String, String> fields) {
        RecordFacts r = new RecordFacts(UUID.randomUUID(), UUID.fromString("00000000-0000-0000-0000-000000000001"), "USCC",
                "91450200MA5K00012P", "market", category, decided, state, fields);
        records.add(r);
        return r;
    }

    private void penalty(String severity, LocalDate decided) {
        add("ADM_PENALTY", decided, RecordState.ACTIVE, Map.of("severity", severity, "penaltyCategory", "罚款"));
    }

    private void taxGrade(String grade, LocalDate decided) {
        add("TAX_CREDIT_GRADE", decided, RecordState.ACTIVE, Map.of("grade", grade));
    }

    private CreditEvaluation.Result evaluate(LocalDate day) {
        return CreditEvaluation.evaluate(CatalogFixtures.evaluation(), CatalogFixtures::entry, policy, records, day);
    }

    private Evaluation evaluation() {
        return evaluate(TODAY).evaluation();
    }

    private static List<String> rules(Evaluation e) {
        return e.reasons().stream().map(Evaluation.Reason::rule).toList();
    }

    @Test
    void aSubjectWithoutRecordsStartsAtOneHundredAndIsGradedB() {
        Evaluation e = evaluation();
        assertThat(e.score()).isEqualTo(100);
        assertThat(e.grade()).isEqualTo("B");
        assertThat(e.nameZh()).isEqualTo("良");
        assertThat(e.reasons()).isEmpty();
        assertThat(e.changesOn()).isNull();
        assertThat(e.evaluatedOn()).isEqualTo(TODAY);
        assertThat(e.rulesVersion()).isEqualTo(CatalogFixtures.evaluation().version());
    }

    @Test
    void aSeriousPenaltyCountsTwentyPointsForTwelveMonthsFromItsDecision() {
        penalty("严重", TODAY.minusMonths(12).plusDays(1)); // its last counted day is today
        Evaluation e = evaluation();
        assertThat(e.score()).isEqualTo(80);
        assertThat(e.grade()).isEqualTo("C");
        assertThat(e.reasons()).singleElement().satisfies(r -> {
            assertThat(r.rule()).isEqualTo("PENALTY_SERIOUS_12M");
            assertThat(r.points()).isEqualTo(-20);
            assertThat(r.count()).isEqualTo(1);
        });
        assertThat(e.changesOn()).isEqualTo(TODAY.plusDays(1));
        assertThat(evaluate(TODAY.plusDays(1)).evaluation().grade()).isEqualTo("B");

        records.clear();
        penalty("严重", TODAY.minusMonths(12)); // still public (严重: up to 3 years) but no longer counted
        assertThat(evaluation().score()).isEqualTo(100);
        assertThat(evaluation().reasons()).isEmpty();
    }

    @Test
    void ordinaryPenaltiesCountFivePointsEachAndAMinorOneNothing() {
        penalty("一般", TODAY.minusMonths(1));
        penalty("一般", TODAY.minusMonths(2));
        penalty("轻微", TODAY.minusDays(3));
        Evaluation e = evaluation();
        assertThat(e.score()).isEqualTo(90);
        assertThat(e.grade()).isEqualTo("B"); // exactly B's threshold
        assertThat(e.reasons()).singleElement().satisfies(r -> {
            assertThat(r.rule()).isEqualTo("PENALTY_ORDINARY_12M");
            assertThat(r.points()).isEqualTo(-10);
            assertThat(r.count()).isEqualTo(2);
        });
        penalty("一般", TODAY.minusMonths(12).plusDays(1));
        assertThat(evaluation().score()).isEqualTo(85);
        assertThat(evaluation().grade()).isEqualTo("C"); // one point below B
    }

    @Test
    void anActiveBlackListEntryMakesTheGradeDWhateverThePoints() {
        add("TAX_A_GRADE", TODAY.minusMonths(1), RecordState.ACTIVE, Map.of());
        add("CONTRACT_HONORED", TODAY.minusMonths(1), RecordState.ACTIVE, Map.of("validUntil", TODAY.plusYears(1).toString()));
        add("SAFETY_SERIOUS", TODAY.minusMonths(36).plusDays(1), RecordState.ACTIVE, Map.of()); // 36 months: today is its last day
        Evaluation e = evaluation();
        assertThat(e.score()).isEqualTo(110);
        assertThat(e.grade()).isEqualTo("D");
        assertThat(e.reasons()).filteredOn(r -> r.rule().equals("BLACK_LIST")).singleElement()
                .satisfies(r -> assertThat(r.forcesGrade()).isEqualTo("D"));
        assertThat(e.changesOn()).isEqualTo(TODAY.plusDays(1));
        assertThat(evaluate(TODAY.plusDays(1)).evaluation().grade()).isEqualTo("A");
    }

    @Test
    void aRepairedOrRevokedRecordNoLongerCounts() {
        add("SAFETY_SERIOUS", TODAY.minusMonths(13), RecordState.REPAIRED, Map.of());
        add("BUSINESS_ABNORMAL", TODAY.minusMonths(2), RecordState.REVOKED, Map.of());
        assertThat(evaluation().grade()).isEqualTo("B");
        add("SAFETY_SERIOUS", TODAY.minusMonths(13), RecordState.DISPUTED, Map.of()); // disputed: still in force
        assertThat(evaluation().grade()).isEqualTo("D");
    }

    @Test
    void theAbnormalListTakesFifteenPointsOnceHoweverManyEntries() {
        add("BUSINESS_ABNORMAL", TODAY.minusYears(2), RecordState.ACTIVE, Map.of());
        add("BUSINESS_ABNORMAL", TODAY.minusDays(1), RecordState.ACTIVE, Map.of());
        Evaluation e = evaluation();
        assertThat(e.score()).isEqualTo(85);
        assertThat(e.reasons()).singleElement().satisfies(r -> {
            assertThat(r.rule()).isEqualTo("ABNORMAL_LIST");
            assertThat(r.points()).isEqualTo(-15);
            assertThat(r.count()).isEqualTo(2);
        });
        assertThat(e.changesOn()).isNull(); // open-ended: only its removal changes it
    }

    @Test
    void redListEntriesAddFivePointsEachWhileInForce() {
        add("TAX_A_GRADE", TODAY.minusMonths(12).plusDays(1), RecordState.ACTIVE, Map.of()); // one year: today is its last day
        add("CONTRACT_HONORED", TODAY.minusMonths(3), RecordState.ACTIVE, Map.of("validUntil", TODAY.plusYears(1).toString()));
        Evaluation e = evaluation();
        assertThat(e.score()).isEqualTo(110);
        assertThat(e.grade()).isEqualTo("A");
        assertThat(evaluate(TODAY).nextChange()).isEqualTo(TODAY.plusDays(1)); // the tax A grade's year ends: 105, still A
        assertThat(evaluate(TODAY.plusDays(1)).evaluation().score()).isEqualTo(105);
        assertThat(e.changesOn()).isEqualTo(TODAY.plusYears(1).plusDays(1)); // the day after the honour's validUntil: B
    }

    @Test
    void theTaxGradeMovesTheScoreOnceByItsLetter() {
        taxGrade("A", TODAY.minusMonths(2));
        Evaluation a = evaluation();
        assertThat(a.score()).isEqualTo(105);
        assertThat(a.grade()).isEqualTo("A"); // exactly A's threshold
        assertThat(rules(a)).containsExactly("TAX_GRADE_A");

        records.clear();
        taxGrade("C", TODAY.minusMonths(2));
        assertThat(evaluation().score()).isEqualTo(90);
        assertThat(evaluation().grade()).isEqualTo("B");

        records.clear();
        taxGrade("D", TODAY.minusMonths(12).plusDays(1));
        penalty("严重", TODAY.minusMonths(1));
        Evaluation d = evaluation();
        assertThat(d.score()).isEqualTo(60);
        assertThat(d.grade()).isEqualTo("D"); // below C's 70
        assertThat(d.changesOn()).isEqualTo(TODAY.plusDays(1)); // the tax grade's year ends: 80, C

        records.clear();
        taxGrade("M", TODAY.minusMonths(2));
        assertThat(evaluation().reasons()).isEmpty();
    }

    @Test
    void seventyPointsIsStillC() {
        penalty("严重", TODAY.minusMonths(1));
        taxGrade("C", TODAY.minusMonths(1));
        assertThat(evaluation().score()).isEqualTo(70);
        assertThat(evaluation().grade()).isEqualTo("C");
        penalty("一般", TODAY.minusMonths(1));
        assertThat(evaluation().grade()).isEqualTo("D");
    }

    @Test
    void changesOnSkipsDaysThatMoveThePointsButNotTheGrade() {
        penalty("一般", TODAY.minusMonths(6)); // leaves in 6 months: 95 → 100, both B
        penalty("严重", TODAY.minusMonths(3)); // leaves the 12-month rule in 9 months
        CreditEvaluation.Result r = evaluate(TODAY);
        assertThat(r.evaluation().score()).isEqualTo(75);
        assertThat(r.evaluation().grade()).isEqualTo("C");
        assertThat(r.nextChange()).isEqualTo(TODAY.minusMonths(6).plusMonths(12));
        // the ordinary penalty's year ends first (80: still C); the grade changes when the serious one's does (100: B)
        assertThat(r.evaluation().changesOn()).isEqualTo(TODAY.minusMonths(3).plusMonths(12));
    }

    @Test
    void aRecordNotYetInForceCountsFromItsFirstDay() {
        add("CONTRACT_HONORED", TODAY.plusDays(10), RecordState.ACTIVE, Map.of("validUntil", TODAY.plusYears(1).toString()));
        add("TAX_A_GRADE", TODAY.plusDays(10), RecordState.ACTIVE, Map.of());
        Evaluation e = evaluation();
        assertThat(e.score()).isEqualTo(100);
        assertThat(e.changesOn()).isEqualTo(TODAY.plusDays(10));
        assertThat(evaluate(TODAY.plusDays(10)).evaluation().grade()).isEqualTo("A");
    }
}
