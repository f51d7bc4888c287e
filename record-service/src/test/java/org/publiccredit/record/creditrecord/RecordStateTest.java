package org.publiccredit.record.creditrecord;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.publiccredit.commons.problem.ApiException;

class RecordStateTest {

    @ParameterizedTest
    @CsvSource({
        "ACTIVE, DISPUTE, DISPUTED", "DISPUTED, CLEAR_DISPUTE, ACTIVE", "ACTIVE, UPDATE, ACTIVE", "DISPUTED, UPDATE, DISPUTED",
        "ACTIVE, CORRECT, ACTIVE", "DISPUTED, CORRECT, ACTIVE", "ACTIVE, REVOKE, REVOKED", "DISPUTED, REVOKE, REVOKED",
        "ACTIVE, REPAIR, REPAIRED"})
    void allowedTransitions(RecordState from, Transition t, RecordState to) {
        assertThat(from.after(t)).isEqualTo(to);
    }

    @ParameterizedTest
    @CsvSource({
        "DISPUTED, DISPUTE", "ACTIVE, CLEAR_DISPUTE", "DISPUTED, REPAIR", "REVOKED, UPDATE", "REVOKED, CORRECT", "REVOKED, DISPUTE",
        "REVOKED, REVOKE", "REPAIRED, REPAIR", "REPAIRED, REVOKE", "REPAIRED, UPDATE", "CORRECTED, DISPUTE"})
    void illegalTransitionsAre409(RecordState from, Transition t) {
        assertThatThrownBy(() -> from.after(t)).isInstanceOfSatisfying(ApiException.class, e -> {
            assertThat(e.status().value()).isEqualTo(409);
            assertThat(e.code()).isEqualTo("ILLEGAL_TRANSITION");
        });
    }

    @Test
    void aRecordCountsItsVersionsAndKnowsWhetherContentChanged() {
        Subject subject = new Subject(UUID.randomUUID(), "USCC", "91450200MA5K00012P", "柳州示范", "柳州示范", "ENTERPRISE", "450200");
        CreditRecord r = CreditRecord.create(subject, "market", "ADM_PENALTY", "No.1", LocalDate.of(2026, 1, 5),
                Map.of("a", "1"), Instant.EPOCH);
        assertThat(r.version()).isEqualTo(1);
        assertThat(r.sameContent(subject, LocalDate.of(2026, 1, 5), Map.of("a", "1"))).isTrue();
        assertThat(r.sameContent(subject, LocalDate.of(2026, 1, 5), Map.of("a", "2"))).isFalse();
        CreditRecord disputed = r.transition(Transition.DISPUTE, "case", Instant.EPOCH);
        assertThat(disputed.state()).isEqualTo(RecordState.DISPUTED);
        assertThat(disputed.version()).isEqualTo(2);
        CreditRecord corrected = disputed.withContent(Transition.CORRECT, subject, r.decisionDate(), Map.of("a", "2"), "fix", Instant.EPOCH);
        assertThat(corrected.state()).isEqualTo(RecordState.ACTIVE);
        assertThat(corrected.version()).isEqualTo(3);
        assertThatThrownBy(() -> corrected.requireSuppliedBy("tax")).isInstanceOfSatisfying(ApiException.class,
                e -> assertThat(e.code()).isEqualTo("NOT_SUPPLYING_DEPARTMENT"));
        assertThat(Transition.CLEAR_DISPUTE.action()).isEqualTo("DISPUTE_CLEARED");
        assertThat(Transition.CORRECT.action()).isEqualTo("CORRECTED");
        assertThat(Transition.REVOKE.action()).isEqualTo("REVOKED");
    }
}
