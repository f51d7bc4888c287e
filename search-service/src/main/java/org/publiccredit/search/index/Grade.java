package org.publiccredit.search.index;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The grades of the public credit evaluation (公共信用综合评价), best first, as the documents' {@code grade} field holds
 * them. Which subject has which grade is record-service's decision; search only indexes it.
 */
public enum Grade {
    /** 优. */
    A,
    /** 良. */
    B,
    /** 中. */
    C,
    /** 差. */
    D;

    /** What statistics and samples call the organisations without a grade (not evaluated yet). */
    public static final String NONE = "none";

    /** All grades, A to D. */
    public static final List<Grade> ALL = List.of(values());

    /** A grade by its letter (any case, white space around it ignored); empty when none. */
    public static Optional<Grade> parse(String text) {
        if (text == null) {
            return Optional.empty();
        }
        String t = text.strip().toUpperCase(Locale.ROOT);
        return Arrays.stream(values()).filter(g -> g.name().equals(t)).findFirst();
    }
}
