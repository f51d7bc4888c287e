package org.publiccredit.subject.bulk;

import java.util.Locale;
import java.util.Map;
import org.publiccredit.commons.problem.FieldProblem;

/** Stable codes of rows that cannot be read, with messages (Chinese by default, English when asked). */
final class RowCodes {

    static final String ROW_MALFORMED = "ROW_MALFORMED";
    static final String ROW_TOO_LONG = "ROW_TOO_LONG";
    static final String ROW_SHAPE = "ROW_SHAPE";
    static final String ROW_ENCODING = "ROW_ENCODING";
    static final String FIELD_UNKNOWN = "FIELD_UNKNOWN";

    private static final Map<String, String[]> MESSAGES = Map.of(
            FIELD_UNKNOWN, new String[] {"未知字段", "Unknown field"},
            ROW_MALFORMED, new String[] {"该行不是有效的JSON对象", "The line is not a valid JSON object"},
            ROW_TOO_LONG, new String[] {"该行超过" + RowSource.MAX_ROW_CHARS + "个字符", "The row is longer than " + RowSource.MAX_ROW_CHARS + " characters"},
            ROW_SHAPE, new String[] {"该行的列数与标题行不一致", "The row does not have as many columns as the header"},
            ROW_ENCODING, new String[] {"该行含有无效的UTF-8字节", "The row contains bytes that are not valid UTF-8"});

    private RowCodes() {
    }

    static FieldProblem problem(String code, Locale locale) {
        String[] texts = MESSAGES.get(code);
        return new FieldProblem("row", code, locale != null && "en".equals(locale.getLanguage()) ? texts[1] : texts[0]);
    }
}
