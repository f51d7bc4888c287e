package org.publiccredit.subject.bulk;

import java.util.Locale;
import org.publiccredit.commons.problem.FieldProblem;

/** Stable codes of rows that cannot be read; their messages are in the bundles (Chinese by default, English when asked). */
final class RowCodes {

    static final String ROW_MALFORMED = "ROW_MALFORMED";
    static final String ROW_TOO_LONG = "ROW_TOO_LONG";
    static final String ROW_SHAPE = "ROW_SHAPE";
    static final String ROW_ENCODING = "ROW_ENCODING";
    static final String FIELD_UNKNOWN = "FIELD_UNKNOWN";

    private RowCodes() {
    }

    static FieldProblem problem(String code, Locale locale) {
        FieldProblem bare = new FieldProblem("row", code, code, java.util.List.of("row", RowSource.MAX_ROW_CHARS));
        return new FieldProblem("row", code, org.publiccredit.commons.i18n.Messages.shared().field(bare, locale), bare.args());
    }
}
