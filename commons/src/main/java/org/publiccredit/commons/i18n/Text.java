package org.publiccredit.commons.i18n;

import java.util.Locale;

/**
 * A text given in both languages, e.g. a catalog field's label (处罚机关统一社会信用代码 / USCC of the deciding
 * authority), used as an argument of a message: {@link Messages} puts in the one of the reader's language.
 *
 * @param zh the Chinese text
 * @param en the English text (the Chinese one when null or blank)
 */
public record Text(String zh, String en) {

    /** The text in the language of {@code locale}. */
    public String in(Locale locale) {
        return Languages.english(locale) && en != null && !en.isBlank() ? en : zh;
    }

    @Override
    public String toString() {
        return zh;
    }
}
