package org.publiccredit.objection.cases;

/**
 * The part someone plays on one case: the applicant (the record's subject), a reviewer (信用办审核人员) of the
 * record's region, or the supplying department (数据提供单位) of the record. SYSTEM is the service itself.
 */
public enum ActorRole {
    APPLICANT, REVIEWER, DEPARTMENT, SYSTEM
}
