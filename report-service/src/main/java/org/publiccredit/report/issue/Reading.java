package org.publiccredit.report.issue;

/**
 * How a report's records are read, decided by {@link EditionAccess}: the public view, the caller's own file, or a file
 * read in a right the caller holds (record-service then applies that right: all records for reviewers and admins, a
 * department's own records for its officers and partner clients).
 */
sealed interface Reading {

    /** What the report says about the requester's standing, kept in the register. */
    String requestedAs();

    /** The public edition: the public view only. */
    record Public() implements Reading {
        @Override
        public String requestedAs() {
            return "PUBLIC";
        }
    }

    /** The subject itself (enterprise by its uscc claim, citizen by its id_number claim). */
    record Own() implements Reading {
        @Override
        public String requestedAs() {
            return "SUBJECT";
        }
    }

    /**
     * On another subject's file, in a right: REVIEWER, ADMIN or DEPARTMENT:&lt;code&gt;.
     *
     * @param right the right
     */
    record InRight(String right) implements Reading {
        @Override
        public String requestedAs() {
            return right;
        }
    }
}
