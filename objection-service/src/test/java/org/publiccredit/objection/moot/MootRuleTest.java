package org.publiccredit.objection.moot;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.publiccredit.objection.moot.MootRule.Cause;
import org.publiccredit.objection.moot.MootRule.OpenCase;
import org.publiccredit.objection.moot.MootRule.RecordChange;

/** When a record change ends the open case about it, and when it does not (the case's own changes, older changes). */
class MootRuleTest {

    static final OpenCase SUBMITTED = new OpenCase(true, 3, Set.of());
    static final OpenCase DISPUTING = new OpenCase(true, 3, Set.of("DISPUTE"));

    static RecordChange change(String state, int version) {
        return new RecordChange("ACTIVE".equals(state) || "DISPUTED".equals(state) ? "UPSERT" : "WITHDRAWN", state, version);
    }

    @Test
    void aRecordRevokedOrRepairedByAnotherPathEndsTheCase() {
        assertThat(MootRule.judge(SUBMITTED, change("REVOKED", 4))).contains(Cause.REVOKED);
        assertThat(MootRule.judge(DISPUTING, change("REVOKED", 5))).contains(Cause.REVOKED);
        assertThat(MootRule.judge(SUBMITTED, change("REPAIRED", 4))).contains(Cause.REPAIRED);
        assertThat(Cause.REVOKED.reason()).isEqualTo("记录已被撤销");
        // a case filed before versions were kept still ends on a terminal state
        assertThat(MootRule.judge(new OpenCase(true, null, Set.of()), change("REVOKED", 9))).contains(Cause.REVOKED);
    }

    @Test
    void aCorrectionByTheDepartmentEndsTheCase() {
        // a new version of an ACTIVE record (PATCH, or a pushed new version)
        assertThat(MootRule.judge(SUBMITTED, change("ACTIVE", 4))).contains(Cause.CORRECTED);
        // the objection disputed it (v4), the department corrected it (CORRECT: DISPUTED -> ACTIVE, v5)
        assertThat(MootRule.judge(DISPUTING, change("ACTIVE", 5))).contains(Cause.CORRECTED);
        // the department pushed a new version while it was disputed (stays DISPUTED, v5)
        assertThat(MootRule.judge(DISPUTING, change("DISPUTED", 5))).contains(Cause.CORRECTED);
        assertThat(Cause.CORRECTED.reason()).isEqualTo("记录已被更正");
    }

    @Test
    void theCasesOwnChangesNeverMakeItMoot() {
        // its own dispute: one version step to DISPUTED
        assertThat(MootRule.judge(DISPUTING, change("DISPUTED", 4))).isEmpty();
        // its own decision's effects (they exist only once it is closed, but even so they never count)
        assertThat(MootRule.judge(new OpenCase(true, 3, Set.of("DISPUTE", "REVOKE")), change("REVOKED", 5))).isEmpty();
        assertThat(MootRule.judge(new OpenCase(true, 3, Set.of("REPAIR")), change("REPAIRED", 4))).isEmpty();
        assertThat(MootRule.judge(new OpenCase(true, 3, Set.of("DISPUTE", "CORRECT")), change("ACTIVE", 5))).isEmpty();
        assertThat(MootRule.judge(new OpenCase(true, 3, Set.of("DISPUTE", "CLEAR_DISPUTE")), change("ACTIVE", 5))).isEmpty();
    }

    @Test
    void changesBeforeTheCaseClosedCasesAndRuleChangesDoNotCount() {
        assertThat(MootRule.judge(SUBMITTED, change("ACTIVE", 3))).as("the version it was filed against").isEmpty();
        assertThat(MootRule.judge(SUBMITTED, change("ACTIVE", 2))).as("an older change read late").isEmpty();
        assertThat(MootRule.judge(new OpenCase(true, null, Set.of()), change("ACTIVE", 9))).as("no filed version: terminal only").isEmpty();
        assertThat(MootRule.judge(new OpenCase(false, 3, Set.of()), change("REVOKED", 4))).as("closed").isEmpty();
        assertThat(MootRule.judge(SUBMITTED, new RecordChange("RULE_CHANGED", "ACTIVE", 4))).isEmpty();
        assertThat(MootRule.judge(SUBMITTED, new RecordChange("UPSERT", null, 4))).isEmpty();
        assertThat(MootRule.judge(SUBMITTED, new RecordChange("UPSERT", "ACTIVE", null))).isEmpty();
    }

    /** What RecordFeedFollower skips before looking up cases: a first active version ends no case, whatever it is. */
    @Test
    void aFirstActiveVersionEndsNoCaseSoTheFollowerMaySkipIt() {
        var first = new org.publiccredit.objection.client.RecordFeed.Change(1, "RECORD", "r1", "UPSERT", "ACTIVE", 1);
        assertThat(RecordFeedFollower.firstVersion(first)).isTrue();
        for (Integer filed : new Integer[] {null, 1, 2}) {
            for (Set<String> own : List.of(Set.<String>of(), Set.of("DISPUTE"), Set.of("CORRECT"), Set.of("REVOKE", "REPAIR"))) {
                assertThat(MootRule.judge(new OpenCase(true, filed, own), new MootRule.RecordChange("UPSERT", "ACTIVE", 1))).isEmpty();
            }
        }
        assertThat(RecordFeedFollower.firstVersion(new org.publiccredit.objection.client.RecordFeed.Change(2, "RECORD", "r1", "UPSERT",
                "ACTIVE", 2))).isFalse();
        assertThat(RecordFeedFollower.firstVersion(new org.publiccredit.objection.client.RecordFeed.Change(3, "RECORD", "r1", "UPSERT",
                "DISPUTED", 1))).isFalse();
        assertThat(RecordFeedFollower.firstVersion(new org.publiccredit.objection.client.RecordFeed.Change(4, "RECORD", "r1", "UPSERT",
                "ACTIVE", null))).isFalse();
    }
}
