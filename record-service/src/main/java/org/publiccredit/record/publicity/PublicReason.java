package org.publiccredit.record.publicity;

/** Why a record is or is not public now (the {@code publicReason} of the contracts). */
public enum PublicReason {
    PUBLIC,
    NOT_PUBLIC_CATEGORY,
    NATURAL_PERSON_NOT_PUBLIC,
    NOT_PUBLISHED_BY_RULE,
    NOT_IN_FORCE,
    NOT_YET,
    EXPIRED,
    REVOKED,
    REPAIRED,
    CORRECTED
}
