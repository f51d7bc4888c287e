package org.publiccredit.record.creditrecord;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.publiccredit.commons.problem.FieldProblem;

class DecisionDateTest {

    private static final LocalDate TODAY = LocalDate.of(2026, 11, 23);

    @Test
    void aDateBefore1990OrOfANegativeYearIsTooOld() {
        for (LocalDate date : new LocalDate[] {LocalDate.of(1989, 12, 31), LocalDate.of(1900, 1, 1), LocalDate.of(-1, 1, 1)}) {
            assertThat(DecisionDate.check(date, TODAY)).as(date.toString()).get().extracting(FieldProblem::field, FieldProblem::code)
                    .containsExactly("decisionDate", "DECISION_DATE_TOO_OLD");
        }
    }

    @Test
    void aDateAfterTodayIsInTheFuture() {
        assertThat(DecisionDate.check(TODAY.plusDays(1), TODAY)).get().extracting(FieldProblem::code)
                .isEqualTo("DECISION_DATE_IN_FUTURE");
    }

    @Test
    void theFirstDayOf1990AndTodayAreAccepted() {
        assertThat(DecisionDate.check(LocalDate.of(1990, 1, 1), TODAY)).isEmpty();
        assertThat(DecisionDate.check(TODAY, TODAY)).isEmpty();
    }
}
