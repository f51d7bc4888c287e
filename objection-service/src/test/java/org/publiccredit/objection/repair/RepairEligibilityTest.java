package org.publiccredit.objection.repair;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.publiccredit.objection.client.RecordView;
import org.publiccredit.objection.repair.RepairEligibility.Condition;
import org.publiccredit.objection.repair.RepairEligibility.Declaration;

class RepairEligibilityTest {

    static final LocalDate TODAY = LocalDate.of(2026, 11, 23);
    static final Declaration DECLARED = new Declaration(true, "罚款已于2026-06-01缴清", 1);

    static RecordView penalty(boolean repairable, boolean publicNow, LocalDate minPublicityUntil) {
        return new RecordView("r1", "s1", "91450200MA5K00012P", "USCC", "某公司", "450200", "market", "ADM_PENALTY", "PENALTY",
                "柳市监罚〔2026〕1号", minPublicityUntil == null ? null : minPublicityUntil.minusMonths(3), "ACTIVE", 1L, publicNow,
                publicNow ? "PUBLIC" : "EXPIRED", null, null, repairable, minPublicityUntil, Map.of(), "行政处罚", null);
    }

    @Test
    void anEligiblePenalty() {
        var r = RepairEligibility.evaluate(penalty(true, true, TODAY.minusDays(1)), false, DECLARED, TODAY);
        assertThat(r.eligible()).isTrue();
        assertThat(r.failed()).isEmpty();
        assertThat(r.eligibleFrom()).isEqualTo(TODAY);
        assertThat(r.checks()).extracting(RepairEligibility.Check::condition).containsExactly(Condition.values());
    }

    @Test
    void theMinimumPeriodPassesTheDayAfterItsLastDay() {
        var notYet = RepairEligibility.evaluate(penalty(true, true, TODAY), false, DECLARED, TODAY);
        assertThat(notYet.eligible()).isFalse();
        assertThat(notYet.eligibleFrom()).isEqualTo(TODAY.plusDays(1));
        assertThat(notYet.failed()).singleElement().satisfies(c -> {
            assertThat(c.code()).isEqualTo("MIN_PUBLICITY_NOT_PASSED");
            assertThat(c.message()).contains(TODAY.plusDays(1).toString());
        });
    }

    @Test
    void everyFailedConditionIsListed() {
        var r = RepairEligibility.evaluate(penalty(false, false, TODAY.plusMonths(2)), true, new Declaration(false, null, 0), TODAY);
        assertThat(r.eligible()).isFalse();
        assertThat(r.failed()).extracting(RepairEligibility.Check::code).containsExactly("NOT_REPAIRABLE_CATEGORY",
                "MIN_PUBLICITY_NOT_PASSED", "RECORD_NOT_PUBLIC", "OBLIGATIONS_NOT_DECLARED", "CASE_ALREADY_OPEN");
    }

    @Test
    void obligationsNeedADeclarationWithAStatementAndProof() {
        RecordView ok = penalty(true, true, TODAY.minusDays(10));
        assertThat(RepairEligibility.evaluate(ok, false, new Declaration(true, " ", 1), TODAY).failed())
                .extracting(RepairEligibility.Check::code).containsExactly("OBLIGATIONS_NOT_DECLARED");
        assertThat(RepairEligibility.evaluate(ok, false, new Declaration(true, "paid", 0), TODAY).failed())
                .extracting(RepairEligibility.Check::code).containsExactly("OBLIGATION_PROOF_MISSING");
    }

    @Test
    void beforeFilingTheObligationsAreLeftOpenAndDoNotBlock() {
        var r = RepairEligibility.evaluate(penalty(true, true, TODAY.minusDays(10)), false, null, TODAY);
        assertThat(r.eligible()).isTrue();
        assertThat(r.checks()).filteredOn(c -> c.condition() == Condition.OBLIGATIONS_FULFILLED)
                .singleElement().satisfies(c -> assertThat(c.met()).isNull());
    }

    @Test
    void aRecordWithoutMinimumPeriodIsNotEligible() {
        var r = RepairEligibility.evaluate(penalty(true, true, null), false, DECLARED, TODAY);
        assertThat(r.failed()).extracting(RepairEligibility.Check::code).containsExactly("MIN_PUBLICITY_UNKNOWN");
        assertThat(r.eligibleFrom()).isNull();
    }
}
