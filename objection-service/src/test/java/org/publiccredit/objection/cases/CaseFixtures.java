package org.publiccredit.objection.cases;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/** Object mother for cases in unit tests. */
final class CaseFixtures {

    static final Actor APPLICANT = new Actor(ActorRole.APPLICANT, "sub-ent1", "ent1");
    static final Actor REVIEWER = new Actor(ActorRole.REVIEWER, "sub-rev", "reviewer1");
    static final Actor DEPARTMENT = new Actor(ActorRole.DEPARTMENT, "sub-off", "officer-market");

    private CaseFixtures() {
    }

    static RecordRef record() {
        return new RecordRef(UUID.randomUUID().toString(), UUID.randomUUID().toString(), "91450200MA5K00012P", "USCC", "450200",
                "market", "ADM_PENALTY", "柳市监罚〔2026〕1号", LocalDate.of(2026, 3, 1));
    }

    static CaseFile submitted(CaseKind kind, Instant at) {
        return CaseFile.file(UUID.randomUUID(), kind, record(), "uscc:91450200MA5K00012P", APPLICANT, "the fine was paid",
                kind == CaseKind.REPAIR ? "罚款已缴清" : null, at).after();
    }

    static CaseFile accepted(CaseKind kind, Instant submitted, Instant accepted) {
        return submitted(kind, submitted).accept(REVIEWER, null, accepted).after();
    }
}
