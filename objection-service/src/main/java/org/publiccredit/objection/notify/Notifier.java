package org.publiccredit.objection.notify;

/**
 * Tells the applicant that a case changed (e-mail, SMS later). Implementations must never log or send personal
 * data other than to the recipient, and must not fail the transition: delivery happens after commit.
 */
public interface Notifier {

    void caseChanged(CaseChanged change);
}
