package org.publiccredit.objection.cases;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.publiccredit.objection.cases.CaseFixtures.APPLICANT;
import static org.publiccredit.objection.cases.CaseFixtures.DEPARTMENT;
import static org.publiccredit.objection.cases.CaseFixtures.REVIEWER;

import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.publiccredit.commons.problem.ApiException;
import org.publiccredit.objection.client.RecordEffect;

class CaseFileTest {

    static final Instant NOW = Instant.parse("2026-10-12T02:00:00Z");

    static CaseFile objection() {
        return CaseFixtures.submitted(CaseKind.OBJECTION, NOW);
    }

    static CaseFile repair() {
        return CaseFixtures.submitted(CaseKind.REPAIR, NOW);
    }

    static void assertProblem(Runnable r, int status, String code) {
        assertThatThrownBy(r::run).isInstanceOfSatisfying(ApiException.class, e -> {
            assertThat(e.status().value()).isEqualTo(status);
            assertThat(e.code()).isEqualTo(code);
        });
    }

    @Test
    void anObjectionRunsTheWholePathWithItsEffects() {
        Transition accepted = objection().accept(REVIEWER, "complete", NOW);
        assertThat(accepted.to()).isEqualTo(CaseState.ACCEPTED);
        assertThat(accepted.effects()).extracting(e -> e.effect()).containsExactly(RecordEffect.DISPUTE);

        Transition assigned = accepted.after().assign(REVIEWER, null, NOW);
        assertThat(assigned.to()).isEqualTo(CaseState.VERIFYING);
        assertThat(assigned.note()).contains("market");

        Transition proposed = assigned.after().propose(DEPARTMENT, Outcome.CORRECTED, "the fine amount was wrong",
                Map.of("fineAmount", "0.5"), NOW);
        assertThat(proposed.to()).isEqualTo(CaseState.VERIFYING);
        assertThat(proposed.after().proposal().fields()).containsEntry("fineAmount", "0.5");

        Transition concluded = proposed.after().decide(REVIEWER, Outcome.CORRECTED, "corrected as proposed", NOW);
        assertThat(concluded.from()).isEqualTo(CaseState.VERIFYING);
        assertThat(concluded.to()).isEqualTo(CaseState.CONCLUDED);
        assertThat(concluded.after().decision().outcome()).isEqualTo(Outcome.CORRECTED);
        assertThat(concluded.effects()).singleElement().satisfies(e -> {
            assertThat(e.effect()).isEqualTo(RecordEffect.CORRECT);
            assertThat(e.payload()).containsEntry("fields", Map.of("fineAmount", "0.5"));
        });
    }

    @Test
    void concludingMapsEachOutcomeToItsEffect() {
        CaseFile verifying = objection().accept(REVIEWER, null, NOW).after().assign(REVIEWER, null, NOW).after();
        CaseFile upheldProposal = verifying.propose(DEPARTMENT, Outcome.UPHELD, "the record is right", null, NOW).after();
        assertThat(upheldProposal.decide(REVIEWER, Outcome.UPHELD, "stands", NOW).effects())
                .extracting(e -> e.effect()).containsExactly(RecordEffect.CLEAR_DISPUTE);
        assertThat(upheldProposal.decide(REVIEWER, Outcome.DELETED, "wrong subject", NOW).effects())
                .singleElement().satisfies(e -> {
                    assertThat(e.effect()).isEqualTo(RecordEffect.REVOKE);
                    assertThat(e.payload()).containsEntry("reason", "wrong subject");
                });
        // a correction needs the department's corrected fields
        assertProblem(() -> upheldProposal.decide(REVIEWER, Outcome.CORRECTED, "x", NOW), 409, "ILLEGAL_TRANSITION");
    }

    @Test
    void aRepairRunsToApprovalAndOnlyApprovalRepairsTheRecord() {
        CaseFile accepted = repair().accept(REVIEWER, null, NOW).after();
        assertThat(repair().accept(REVIEWER, null, NOW).effects()).as("accepting a repair has no effect").isEmpty();
        Transition assigned = accepted.assign(REVIEWER, null, NOW);
        assertThat(assigned.to()).isEqualTo(CaseState.ACCEPTED);
        assertThat(assigned.after().assignedAt()).isEqualTo(NOW);
        Transition reviewed = assigned.after().propose(DEPARTMENT, Outcome.APPROVED, "fine paid, receipt checked", null, NOW);
        assertThat(reviewed.to()).isEqualTo(CaseState.REVIEWED);
        Transition approved = reviewed.after().decide(REVIEWER, Outcome.APPROVED, "conditions met", NOW);
        assertThat(approved.to()).isEqualTo(CaseState.APPROVED);
        assertThat(approved.effects()).extracting(e -> e.effect()).containsExactly(RecordEffect.REPAIR);
        Transition denied = reviewed.after().decide(REVIEWER, Outcome.DENIED, "receipt does not match", NOW);
        assertThat(denied.to()).isEqualTo(CaseState.DENIED);
        assertThat(denied.effects()).isEmpty();
        assertThat(denied.after().decision().reason()).isEqualTo("receipt does not match");
    }

    @Test
    void refusingToAcceptNeedsAReasonAndEndsTheCase() {
        assertProblem(() -> objection().refuse(REVIEWER, "  ", NOW), 400, "VALIDATION_FAILED");
        Transition refused = objection().refuse(REVIEWER, "materials incomplete", NOW);
        assertThat(refused.to()).isEqualTo(CaseState.NOT_ACCEPTED);
        assertThat(refused.after().state().open()).isFalse();
        assertProblem(() -> refused.after().accept(REVIEWER, null, NOW), 409, "ILLEGAL_TRANSITION");
    }

    @Test
    void illegalTransitionsAre409() {
        CaseFile submitted = objection();
        assertProblem(() -> submitted.assign(REVIEWER, null, NOW), 409, "ILLEGAL_TRANSITION");
        assertProblem(() -> submitted.propose(DEPARTMENT, Outcome.UPHELD, "x", null, NOW), 409, "ILLEGAL_TRANSITION");
        assertProblem(() -> submitted.decide(REVIEWER, Outcome.UPHELD, "x", NOW), 409, "ILLEGAL_TRANSITION");
        CaseFile accepted = submitted.accept(REVIEWER, null, NOW).after();
        assertProblem(() -> accepted.accept(REVIEWER, null, NOW), 409, "ILLEGAL_TRANSITION");
        CaseFile verifying = accepted.assign(REVIEWER, null, NOW).after();
        assertProblem(() -> verifying.decide(REVIEWER, Outcome.UPHELD, "no proposal yet", NOW), 409, "ILLEGAL_TRANSITION");
        CaseFile proposed = verifying.propose(DEPARTMENT, Outcome.UPHELD, "x", null, NOW).after();
        assertProblem(() -> proposed.propose(DEPARTMENT, Outcome.DELETED, "again", null, NOW), 409, "ILLEGAL_TRANSITION");
        CaseFile repairAccepted = repair().accept(REVIEWER, null, NOW).after();
        assertProblem(() -> repairAccepted.propose(DEPARTMENT, Outcome.APPROVED, "not assigned", null, NOW), 409, "ILLEGAL_TRANSITION");
        assertProblem(() -> repairAccepted.decide(REVIEWER, Outcome.APPROVED, "not reviewed", NOW), 409, "ILLEGAL_TRANSITION");
        CaseFile assigned = repairAccepted.assign(REVIEWER, null, NOW).after();
        assertProblem(() -> assigned.assign(REVIEWER, null, NOW), 409, "ILLEGAL_TRANSITION");
    }

    @Test
    void eachActionBelongsToOneRole() {
        CaseFile submitted = objection();
        assertProblem(() -> submitted.accept(APPLICANT, null, NOW), 403, "ACCESS_DENIED");
        assertProblem(() -> submitted.accept(DEPARTMENT, null, NOW), 403, "ACCESS_DENIED");
        assertProblem(() -> submitted.refuse(APPLICANT, "x", NOW), 403, "ACCESS_DENIED");
        CaseFile verifying = submitted.accept(REVIEWER, null, NOW).after().assign(REVIEWER, null, NOW).after();
        assertProblem(() -> verifying.propose(REVIEWER, Outcome.UPHELD, "x", null, NOW), 403, "ACCESS_DENIED");
        CaseFile proposed = verifying.propose(DEPARTMENT, Outcome.UPHELD, "x", null, NOW).after();
        assertProblem(() -> proposed.decide(DEPARTMENT, Outcome.UPHELD, "x", NOW), 403, "ACCESS_DENIED");
        assertProblem(() -> proposed.checkCanAttach(APPLICANT), 409, "ILLEGAL_TRANSITION");
        submitted.checkCanAttach(APPLICANT);
        assertProblem(() -> submitted.checkCanAttach(REVIEWER), 403, "ACCESS_DENIED");
    }

    @Test
    void outcomesMustFitTheKindAndCorrectionsCarryFields() {
        CaseFile verifying = objection().accept(REVIEWER, null, NOW).after().assign(REVIEWER, null, NOW).after();
        assertProblem(() -> verifying.propose(DEPARTMENT, Outcome.APPROVED, "x", null, NOW), 400, "OUTCOME_NOT_ALLOWED");
        assertProblem(() -> verifying.propose(DEPARTMENT, null, "x", null, NOW), 400, "OUTCOME_NOT_ALLOWED");
        assertProblem(() -> verifying.propose(DEPARTMENT, Outcome.CORRECTED, "x", Map.of(), NOW), 400, "CORRECTION_FIELDS_MISSING");
        assertProblem(() -> verifying.propose(DEPARTMENT, Outcome.UPHELD, "x", Map.of("a", "b"), NOW), 400, "FIELDS_NOT_EXPECTED");
        assertProblem(() -> verifying.propose(DEPARTMENT, Outcome.UPHELD, "", null, NOW), 400, "VALIDATION_FAILED");
        CaseFile reviewed = repair().accept(REVIEWER, null, NOW).after().assign(REVIEWER, null, NOW).after()
                .propose(DEPARTMENT, Outcome.DENIED, "no receipt", null, NOW).after();
        assertProblem(() -> reviewed.decide(REVIEWER, Outcome.UPHELD, "x", NOW), 400, "OUTCOME_NOT_ALLOWED");
        assertProblem(() -> reviewed.decide(REVIEWER, Outcome.APPROVED, " ", NOW), 400, "VALIDATION_FAILED");
    }

    @Test
    void theApplicantWithdrawsAnUndecidedCaseAndAStandingDisputeIsCleared() {
        Transition submitted = objection().withdraw(APPLICANT, "  不再需要  ", false, NOW);
        assertThat(submitted.to()).isEqualTo(CaseState.WITHDRAWN);
        assertThat(submitted.action()).isEqualTo("WITHDRAW");
        assertThat(submitted.after().decision().outcome()).isEqualTo(Outcome.WITHDRAWN);
        assertThat(submitted.after().decision().reason()).isEqualTo("不再需要");
        assertThat(submitted.effects()).isEmpty();

        CaseFile verifying = objection().accept(REVIEWER, null, NOW).after().assign(REVIEWER, null, NOW).after()
                .propose(DEPARTMENT, Outcome.UPHELD, "stands", null, NOW).after();
        Transition withdrawn = verifying.withdraw(APPLICANT, null, true, NOW);
        assertThat(withdrawn.from()).isEqualTo(CaseState.VERIFYING);
        assertThat(withdrawn.after().decision().reason()).isEqualTo("申请人撤回申请");
        assertThat(withdrawn.effects()).extracting(e -> e.effect()).containsExactly(RecordEffect.CLEAR_DISPUTE);

        CaseFile reviewed = repair().accept(REVIEWER, null, NOW).after().assign(REVIEWER, null, NOW).after()
                .propose(DEPARTMENT, Outcome.APPROVED, "ok", null, NOW).after();
        assertThat(reviewed.withdraw(APPLICANT, null, true, NOW).effects()).as("a repair never disputed its record").isEmpty();
    }

    @Test
    void onlyTheApplicantWithdrawsAndNeverADecidedCase() {
        assertProblem(() -> objection().withdraw(REVIEWER, null, false, NOW), 403, "ACCESS_DENIED");
        assertProblem(() -> objection().withdraw(DEPARTMENT, null, false, NOW), 403, "ACCESS_DENIED");
        CaseFile refused = objection().refuse(REVIEWER, "材料不全", NOW).after();
        assertProblem(() -> refused.withdraw(APPLICANT, null, false, NOW), 409, "CASE_ALREADY_CLOSED");
        CaseFile approved = repair().accept(REVIEWER, null, NOW).after().assign(REVIEWER, null, NOW).after()
                .propose(DEPARTMENT, Outcome.APPROVED, "ok", null, NOW).after().decide(REVIEWER, Outcome.APPROVED, "ok", NOW).after();
        assertProblem(() -> approved.withdraw(APPLICANT, null, false, NOW), 409, "CASE_ALREADY_CLOSED");
        CaseFile withdrawn = objection().withdraw(APPLICANT, null, false, NOW).after();
        assertProblem(() -> withdrawn.withdraw(APPLICANT, null, false, NOW), 409, "CASE_ALREADY_CLOSED");
        assertProblem(() -> withdrawn.accept(REVIEWER, null, NOW), 409, "ILLEGAL_TRANSITION");
    }

    @Test
    void aMootCaseEndsBySystemWithTheReason() {
        CaseFile accepted = objection().accept(REVIEWER, null, NOW).after();
        Transition moot = accepted.endAsMoot("记录已被撤销", false, NOW);
        assertThat(moot.to()).isEqualTo(CaseState.WITHDRAWN);
        assertThat(moot.actor().role()).isEqualTo(ActorRole.SYSTEM);
        assertThat(moot.after().decision().outcome()).isEqualTo(Outcome.WITHDRAWN_MOOT);
        assertThat(moot.after().decision().reason()).isEqualTo("记录已被撤销");
        assertThat(moot.effects()).isEmpty();
        assertThat(accepted.endAsMoot("记录已被更正", true, NOW).effects()).extracting(e -> e.effect())
                .containsExactly(RecordEffect.CLEAR_DISPUTE);
        CaseFile concluded = moot.after();
        assertProblem(() -> concluded.endAsMoot("记录已被撤销", false, NOW), 409, "CASE_ALREADY_CLOSED");
        assertThat(Outcome.allowedFor(CaseKind.OBJECTION)).doesNotContain(Outcome.WITHDRAWN, Outcome.WITHDRAWN_MOOT);
        assertThat(Outcome.allowedFor(CaseKind.REPAIR)).doesNotContain(Outcome.WITHDRAWN, Outcome.WITHDRAWN_MOOT);
    }
}
