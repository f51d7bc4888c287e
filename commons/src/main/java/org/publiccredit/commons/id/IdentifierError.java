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
 */
public record IdentifierError(String code, String messageZh, String messageEn) {

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
