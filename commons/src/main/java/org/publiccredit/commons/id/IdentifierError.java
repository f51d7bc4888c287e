package org.publiccredit.commons.id;

import java.util.Locale;
import java.util.Objects;

/**
 * One reason why an identifier is invalid: a stable code (e.g. {@code USCC_CHECK_DIGIT}) and its message
 * in Chinese and English. Messages never contain the identifier itself.
 *
 * @param code      the stable error code
 * @param messageZh the message in Chinese
 * @param messageEn the message in English
 * @param argument  what the message tells besides the code (a length or a position, never the value), or null
 */
public record IdentifierError(String code, String messageZh, String messageEn, Object argument) {

    public IdentifierError(String code, String messageZh, String messageEn) {
        this(code, messageZh, messageEn, null);
    }

    /** Checks that all parts are present. */
    public IdentifierError {
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(messageZh, "messageZh");
        Objects.requireNonNull(messageEn, "messageEn");
    }

    /** The Chinese message for a Chinese locale (any {@code zh} locale), the English one otherwise. */
    public String message(Locale locale) {
        return locale != null && "zh".equals(locale.getLanguage()) ? messageZh : messageEn;
    }
}
