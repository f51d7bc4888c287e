package org.publiccredit.commons.id;

/**
 * The kinds of identifier: the two a subject is keyed by, and the organisation code that only looks one up.
 * {@link Identifiers#check} detects USCC and ID_NUMBER only.
 */
public enum IdentifierKind {
    /** Unified social credit code, GB 32100-2015. */
    USCC,
    /** Resident identity card number, GB 11643-1999. */
    ID_NUMBER,
    /** Organisation code, GB 11714-1997 ({@link OrgCode}): finds the USCC that contains it; never a subject's key. */
    ORG_CODE
}
