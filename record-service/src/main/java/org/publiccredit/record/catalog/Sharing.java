package org.publiccredit.record.catalog;

/**
 * The sharing attribute of a catalog entry (共享属性, DOMAIN.md section 10), beside its publicity: which departments may
 * read its records in a shared read.
 */
public enum Sharing {
    /** 无条件共享: any government department, for its duties. */
    UNCONDITIONAL,
    /** 有条件共享: a department holding an approved sharing grant for the category, until the grant's end date. */
    CONDITIONAL,
    /** 不予共享: never served in a shared read. */
    NONE
}
