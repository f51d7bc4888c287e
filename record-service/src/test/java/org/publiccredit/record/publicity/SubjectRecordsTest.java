package org.publiccredit.record.publicity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Set;
import org.junit.jupiter.api.Test;
import org.publiccredit.commons.problem.ApiException;
import org.publiccredit.commons.security.Caller;
import org.publiccredit.commons.security.Role;
import org.springframework.http.HttpStatus;

class SubjectRecordsTest {

    // the refusals below happen before any read, so no repository is needed
    private final SubjectRecords subjectRecords = new SubjectRecords(null, null, null, null);

    @Test
    void mineWithoutAUsccOrIdNumberClaimIsNotASubjectsFile() {
        Caller officer = new Caller("sub-1", "officer-market", "portal", Set.of(Role.OFFICER), null, "market", null, "4502");
        assertThatThrownBy(() -> subjectRecords.mine(officer, null, 0, 20))
                .isInstanceOfSatisfying(ApiException.class, e -> {
                    assertThat(e.status()).isEqualTo(HttpStatus.NOT_FOUND);
                    assertThat(e.code()).isEqualTo("SUBJECT_NOT_REGISTERED");
                });
    }

    @Test
    void mineForAReviewerIsRefusedTooThoughReviewersReadAnyFileByCode() {
        Caller reviewer = new Caller("sub-2", "reviewer1", "portal", Set.of(Role.REVIEWER), null, null, null, "4502");
        assertThatThrownBy(() -> subjectRecords.mine(reviewer, null, 0, 20))
                .isInstanceOfSatisfying(ApiException.class, e ->
                        assertThat(e.code()).isEqualTo("SUBJECT_NOT_REGISTERED"));
    }

    @Test
    void oneOfMineWithoutAUsccOrIdNumberClaimIsNotASubjectsFileEither() {
        Caller officer = new Caller("sub-1", "officer-market", "portal", Set.of(Role.OFFICER), null, "market", null, "4502");
        assertThatThrownBy(() -> subjectRecords.mineById(officer, "7f8e6a52-1c2b-4d3e-9f40-5a6b7c8d9e0f"))
                .isInstanceOfSatisfying(ApiException.class, e -> {
                    assertThat(e.status()).isEqualTo(HttpStatus.NOT_FOUND);
                    assertThat(e.code()).isEqualTo("SUBJECT_NOT_REGISTERED");
                });
    }

    @Test
    void oneOfMineWithAMalformedIdIsSimplyNotFound() {
        Caller ent1 = new Caller("sub-3", "ent1", "portal", Set.of(Role.ENTERPRISE), "91450200MA5K00012P", null, null, "4502");
        assertThatThrownBy(() -> subjectRecords.mineById(ent1, "not-a-uuid"))
                .isInstanceOfSatisfying(ApiException.class, e -> {
                    assertThat(e.status()).isEqualTo(HttpStatus.NOT_FOUND);
                    assertThat(e.code()).isEqualTo("NOT_FOUND");
                });
    }
}
