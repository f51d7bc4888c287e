package org.publiccredit.report.issue;

/** Which report: the public edition (公示版, anyone) or the full edition (完整版, the subject and those with rights). */
enum Edition {
    PUBLIC("公示版"),
    FULL("完整版");

    private final String label;

    Edition(String label) {
        this.label = label;
    }

    String label() {
        return label;
    }

    /** From the API's lower-case word ({@code public} / {@code full}); the request's validation allows nothing else. */
    static Edition of(String word) {
        return "full".equals(word) ? FULL : PUBLIC;
    }
}
