package org.publiccredit.record.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.publiccredit.commons.id.IdentifierKind;
import org.publiccredit.commons.problem.FieldProblem;
import org.publiccredit.record.catalog.CatalogFixtures;
import org.publiccredit.record.creditrecord.CreditRecord;
import org.publiccredit.record.creditrecord.RecordState;
import org.publiccredit.record.creditrecord.Subject;
import org.publiccredit.record.creditrecord.Transition;

class RecordDiffTest {

    private static final Instant THEN = Instant.parse("2026-03-01T02:00:00Z");
    private static final Instant NOW = Instant.parse("2026-06-01T02:00:00Z");
    private static final Subject SUBJECT = new Subject(UUID.randomUUID(), "USCC", "91450202MA5N000017", "柳州某某有限公司", "柳州某某有限公司",
            "ENTERPRISE", "450202");
    private static final Map<String, String> FIELDS = Map.of("penaltyContent", "罚款人民币5000元");

    private static PendingRow push(LocalDate decided, Map<String, String> fields) {
        return new PendingRow(7, new RowValidator.ValidRow(CatalogFixtures.entry("ADM_PENALTY"), SUBJECT.code(), IdentifierKind.USCC,
                SUBJECT.nameOnDecision(), "ENTERPRISE", "柳市监罚〔2026〕1号", decided, fields));
    }

    private static CreditRecord stored() {
        return CreditRecord.create(SUBJECT, "market", "ADM_PENALTY", "柳市监罚〔2026〕1号", LocalDate.of(2026, 2, 1), FIELDS, THEN);
    }

    @Test
    void theSameContentAgainChangesNothing() {
        CreditRecord stored = stored();
        RecordDiff diff = RecordDiff.against(stored, push(LocalDate.of(2026, 2, 1), FIELDS), SUBJECT, "market", NOW);

        assertThat(diff.change()).isEqualTo(RecordDiff.Change.UNCHANGED);
        assertThat(diff.writes()).isFalse();
        assertThat(diff.after()).isSameAs(stored);
        RowResult r = diff.result(push(LocalDate.of(2026, 2, 1), FIELDS), List.of());
        assertThat(r.result()).isEqualTo("unchanged");
        assertThat(r.id()).isEqualTo(stored.id());
        assertThat(r.version()).isEqualTo(1);
    }

    @Test
    void newContentIsANewVersionWithTheOldOneInHistory() {
        CreditRecord stored = stored();
        Map<String, String> corrected = Map.of("penaltyContent", "罚款人民币3000元");
        RecordDiff diff = RecordDiff.against(stored, push(LocalDate.of(2026, 2, 2), corrected), SUBJECT, "market", NOW);

        assertThat(diff.change()).isEqualTo(RecordDiff.Change.UPDATED);
        assertThat(diff.writes()).isTrue();
        assertThat(diff.after().id()).isEqualTo(stored.id());
        assertThat(diff.after().version()).isEqualTo(2);
        assertThat(diff.after().fields()).isEqualTo(corrected);
        assertThat(diff.after().decisionDate()).isEqualTo(LocalDate.of(2026, 2, 2));
        assertThat(diff.after().updatedAt()).isEqualTo(NOW);
        assertThat(diff.history().version()).isEqualTo(1);
        assertThat(diff.history().fields()).isEqualTo(FIELDS);
        assertThat(diff.history().action()).isEqualTo(Transition.UPDATE.action());
        assertThat(diff.history().actor()).isEqualTo("market");
        assertThat(diff.history().at()).isEqualTo(NOW);
        assertThat(diff.result(push(LocalDate.of(2026, 2, 2), corrected), List.of()).result()).isEqualTo("updated");
    }

    @Test
    void aDisputedRecordTakesANewVersionAndStaysDisputed() {
        CreditRecord disputed = stored().transition(Transition.DISPUTE, null, THEN);
        RecordDiff diff = RecordDiff.against(disputed, push(LocalDate.of(2026, 2, 2), FIELDS), SUBJECT, "market", NOW);

        assertThat(diff.change()).isEqualTo(RecordDiff.Change.UPDATED);
        assertThat(diff.after().state()).isEqualTo(RecordState.DISPUTED);
        assertThat(diff.after().version()).isEqualTo(3);
    }

    @Test
    void aClosedRecordRefusesNewContentButNotTheSameAgain() {
        CreditRecord revoked = stored().transition(Transition.REVOKE, "撤销", THEN);
        RecordDiff refused = RecordDiff.against(revoked, push(LocalDate.of(2026, 2, 2), FIELDS), SUBJECT, "market", NOW);

        assertThat(refused.change()).isEqualTo(RecordDiff.Change.REFUSED);
        assertThat(refused.writes()).isFalse();
        RowResult r = refused.result(push(LocalDate.of(2026, 2, 2), FIELDS), List.of());
        assertThat(r.result()).isEqualTo("rejected");
        assertThat(r.code()).isEqualTo("ILLEGAL_TRANSITION");
        assertThat(r.errors().getFirst().message()).contains("REVOKED");
        assertThat(r.id()).isNull();

        assertThat(RecordDiff.against(revoked, push(LocalDate.of(2026, 2, 1), FIELDS), SUBJECT, "market", NOW).change())
                .isEqualTo(RecordDiff.Change.UNCHANGED);
    }

    @Test
    void anotherNameOnTheDecisionIsNewContent() {
        Subject renamed = new Subject(SUBJECT.id(), "USCC", SUBJECT.code(), SUBJECT.name(), "柳州某某公司", "ENTERPRISE", "450202");
        assertThat(RecordDiff.against(stored(), push(LocalDate.of(2026, 2, 1), FIELDS), renamed, "market", NOW).change())
                .isEqualTo(RecordDiff.Change.UPDATED);
    }

    @Test
    void aFirstPushIsCreatedWithItsWarnings() {
        CreditRecord claimed = stored();
        List<FieldProblem> warnings = List.of(FieldProblem.of("subject.name", PushWarnings.NAME_DIFFERS, null, "柳州某某有限公司"));
        RecordDiff diff = RecordDiff.created(claimed);

        assertThat(diff.writes()).isTrue();
        RowResult r = diff.result(push(LocalDate.of(2026, 2, 1), FIELDS), warnings);
        assertThat(r.row()).isEqualTo(7);
        assertThat(r.result()).isEqualTo("created");
        assertThat(r.id()).isEqualTo(claimed.id());
        assertThat(r.version()).isEqualTo(1);
        assertThat(r.documentNumber()).isEqualTo("柳市监罚〔2026〕1号");
        assertThat(r.warnings()).isEqualTo(warnings);
    }
}
