package org.publiccredit.objection.cases;

/** The two kinds of case: an objection (异议) to a record, or an application for credit repair (信用修复). */
public enum CaseKind {
    OBJECTION, REPAIR
}
