package org.publiccredit.commons.id;

/** The two kinds of subject identifier the platform accepts. */
public enum IdentifierKind {
    /** Unified social credit code, GB 32100-2015. */
    USCC,
    /** Resident identity card number, GB 11643-1999. */
    ID_NUMBER
}
