package org.publiccredit.subject.registry;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.publiccredit.commons.id.IdentifierKind;
import org.publiccredit.commons.id.SubjectType;
import org.publiccredit.commons.id.Uscc;

class SubjectMergeTest {

    private static final Uscc CODE = Uscc.parse("91450200MA5K00012P");
    private static final LocalDate TODAY = LocalDate.of(2026, 11, 23);
    private static final Instant NOW = Instant.parse("2026-11-23T04:00:00Z");
    private static final Writer MARKET = new Writer("market", true);

    private static Subject stored(String name, boolean verified) {
        return new Subject(UUID.randomUUID(), IdentifierKind.USCC, CODE.value(), null, null, null, false, name,
                List.of(new FormerName("柳州旧名厂", LocalDate.of(2010, 1, 1))), List.of(), SubjectType.ENTERPRISE, "450200", "李明",
                LocalDate.of(2015, 3, 2), RegistrationStatus.ACTIVE, Industry.C, "示范路1号", verified, "market", 3, NOW, NOW);
    }

    private static SubjectDraft draft(String name) {
        return new SubjectDraft(CODE, null, name, SubjectType.ENTERPRISE, "450200", "李明", LocalDate.of(2015, 3, 2),
                RegistrationStatus.ACTIVE, Industry.C, "示范路1号", null);
    }

    @Test
    void theSameDataIsUnchanged() {
        Subject before = stored("柳州示范机械有限公司", true);
        Subject after = SubjectWriter.merge(before, draft("柳州示范机械有限公司"), MARKET, TODAY, NOW);
        assertThat(before.sameData(after)).isTrue();
    }

    @Test
    void aNewNameKeepsTheOldOneUntilToday() {
        Subject before = stored("柳州示范机械有限公司", true);
        Subject after = SubjectWriter.merge(before, draft("柳州示范重工有限公司"), MARKET, TODAY, NOW);
        assertThat(before.sameData(after)).isFalse();
        assertThat(after.name()).isEqualTo("柳州示范重工有限公司");
        assertThat(after.formerNames()).containsExactly(new FormerName("柳州旧名厂", LocalDate.of(2010, 1, 1)),
                new FormerName("柳州示范机械有限公司", TODAY));
        assertThat(after.id()).isEqualTo(before.id());
        assertThat(after.version()).as("the store increments it").isEqualTo(before.version());
    }

    @Test
    void aRegistrationSourceVerifiesAndNothingUnverifies() {
        Subject unverified = stored("柳州示范机械有限公司", false);
        assertThat(SubjectWriter.merge(unverified, draft("柳州示范机械有限公司"), MARKET, TODAY, NOW).verified()).isTrue();
        Subject verified = stored("柳州示范机械有限公司", true);
        Subject byPartner = SubjectWriter.merge(verified, draft("柳州示范机械有限公司"), new Writer("partner-bank", false), TODAY, NOW);
        assertThat(byPartner.verified()).isTrue();
        assertThat(verified.sameData(byPartner)).isTrue();
    }

    @Test
    void aNameGivenToASubjectCreatedWithoutOneIsNoFormerName() {
        Subject nameless = new Subject(UUID.randomUUID(), IdentifierKind.USCC, CODE.value(), null, null, null, false, null, List.of(), List.of(),
                SubjectType.ENTERPRISE, "450200", null, null, null, null, null, false, "svc-record", 0, NOW, NOW);
        assertThat(SubjectWriter.merge(nameless, draft("柳州示范机械有限公司"), MARKET, TODAY, NOW).formerNames()).isEmpty();
    }
}
