package org.publiccredit.record.audit;

/**
 * Who checked or read a file, as the subject sees it: the organisation, never the person. An officer's own user name is
 * his personal data and tells the subject nothing it could act on (an objection or a question goes to the department);
 * so the subject is shown the department that checked (and, for a partner's system, its client), and admins and
 * reviewers appear as the platform (信用办). Admins see the user name in the audit lists.
 *
 * @param type PARTNER (a partner's system, client credentials), DEPARTMENT (an officer of a department) or PLATFORM
 * @param department the department code (e.g. market, bank), absent for the platform
 * @param client the partner's client id (e.g. partner-bank), for type PARTNER only
 */
record Accessor(String type, String department, String client) {

    static Accessor of(String callerName, String clientId, String department) {
        if (callerName != null && callerName.startsWith("service-account-")) {
            return new Accessor("PARTNER", department, clientId);
        }
        if (department != null && !department.isBlank()) {
            return new Accessor("DEPARTMENT", department, null);
        }
        return new Accessor("PLATFORM", null, null);
    }
}
