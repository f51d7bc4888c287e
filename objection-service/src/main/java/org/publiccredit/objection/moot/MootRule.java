package org.publiccredit.objection.moot;

import java.util.Optional;
import java.util.Set;

/**
 * When a change of a record ends the open case about it (DOMAIN.md sections 4-5: no case can get stuck). The record
 * was revoked (REVOKED), repaired (REPAIRED) or corrected (a new version, ACTIVE, or a new version of a DISPUTED record's
 * content) by another path: the department through record-service, or another case's effect. A change the case caused
 * itself never counts: its own DISPUTE (the one version step of an accepted objection), and its own decision's effect
 * (REVOKE, REPAIR, CORRECT, CLEAR_DISPUTE, which exist only once the case is closed). A change at or below the record
 * version the case was filed against happened before the case. A case filed before versions were kept judges terminal
 * states only. Pure: no database, no network.
 */
public final class MootRule {

    private MootRule() {
    }

    /** Why a case is moot; the reason is stored on the case (zh) and told to the applicant. */
    public enum Cause {
        REVOKED("记录已被撤销"), CORRECTED("记录已被更正"), REPAIRED("记录已被修复");

        private final String reason;

        Cause(String reason) {
            this.reason = reason;
        }

        public String reason() {
            return reason;
        }
    }

    /**
     * The open case as the rule needs it.
     *
     * @param open the case is still open
     * @param filedVersion the record's version when the case was filed, or null (filed before versions were kept)
     * @param ownEffects the record effects this case planned and that were not cancelled or refused (DISPUTE, REVOKE …)
     */
    public record OpenCase(boolean open, Integer filedVersion, Set<String> ownEffects) {
        public OpenCase {
            ownEffects = ownEffects == null ? Set.of() : Set.copyOf(ownEffects);
        }
    }

    /**
     * A change of the case's record.
     *
     * @param kind UPSERT, WITHDRAWN, RULE_CHANGED
     * @param state the record's state after it
     * @param version the record's version after it (null when the feed did not say)
     */
    public record RecordChange(String kind, String state, Integer version) {
    }

    public static Optional<Cause> judge(OpenCase c, RecordChange change) {
        if (!c.open() || change.state() == null || "RULE_CHANGED".equals(change.kind())) {
            return Optional.empty();
        }
        switch (change.state()) {
            case "REVOKED" -> {
                return c.ownEffects().contains("REVOKE") ? Optional.empty() : Optional.of(Cause.REVOKED);
            }
            case "REPAIRED" -> {
                return c.ownEffects().contains("REPAIR") ? Optional.empty() : Optional.of(Cause.REPAIRED);
            }
            case "ACTIVE", "DISPUTED" -> {
                if (c.filedVersion() == null || change.version() == null || change.version() <= c.filedVersion()) {
                    return Optional.empty();
                }
                if (c.ownEffects().contains("CORRECT") || c.ownEffects().contains("CLEAR_DISPUTE")) {
                    return Optional.empty();
                }
                if (change.state().equals("ACTIVE")) {
                    // nothing this open case does makes its record ACTIVE again: the department corrected or replaced it
                    return Optional.of(Cause.CORRECTED);
                }
                // DISPUTED: this objection's own dispute is one version step; any further step changed the content
                int own = c.ownEffects().contains("DISPUTE") ? 1 : 0;
                return change.version() > c.filedVersion() + own ? Optional.of(Cause.CORRECTED) : Optional.empty();
            }
            default -> {
                return Optional.empty();
            }
        }
    }
}
