package org.publiccredit.commons.id;

import org.publiccredit.commons.i18n.Languages;
import org.publiccredit.commons.i18n.Messages;

/** The error codes of this package and their messages, from the bundles ({@code field.<CODE>}, {0} the field, {1} the argument). */
final class ErrorMessages {

    static final String IDENTIFIER_EMPTY = "IDENTIFIER_EMPTY";
    static final String IDENTIFIER_LENGTH = "IDENTIFIER_LENGTH";
    static final String USCC_LENGTH = "USCC_LENGTH";
    static final String USCC_FORBIDDEN_CHARACTER = "USCC_FORBIDDEN_CHARACTER";
    static final String USCC_UNKNOWN_AUTHORITY = "USCC_UNKNOWN_AUTHORITY";
    static final String USCC_UNKNOWN_CATEGORY = "USCC_UNKNOWN_CATEGORY";
    static final String USCC_UNKNOWN_REGION = "USCC_UNKNOWN_REGION";
    static final String USCC_ORG_CODE_CHECK = "USCC_ORG_CODE_CHECK";
    static final String USCC_CHECK_DIGIT = "USCC_CHECK_DIGIT";
    static final String ID_NUMBER_LENGTH = "ID_NUMBER_LENGTH";
    static final String ID_NUMBER_FORBIDDEN_CHARACTER = "ID_NUMBER_FORBIDDEN_CHARACTER";
    static final String ID_NUMBER_BIRTH_DATE = "ID_NUMBER_BIRTH_DATE";
    static final String ID_NUMBER_UNKNOWN_REGION = "ID_NUMBER_UNKNOWN_REGION";
    static final String ID_NUMBER_CHECK_DIGIT = "ID_NUMBER_CHECK_DIGIT";

    private ErrorMessages() {
    }

    /**
     * An error with its messages from the bundles ({@code field.<CODE>} of {@code i18n/problems}); {@code argument} is
     * a position or a length, never the value.
     */
    static IdentifierError error(String code, Object argument) {
        Messages messages = Messages.shared();
        String key = "field." + code;
        String zh = messages.find(key, Languages.ZH, "", argument).orElseThrow(() -> new IllegalStateException("No message for " + code));
        String en = messages.find(key, Languages.EN, "", argument).orElseThrow(() -> new IllegalStateException("No message for " + code));
        return new IdentifierError(code, zh, en, argument);
    }

    static IdentifierError error(String code) {
        Messages messages = Messages.shared();
        String key = "field." + code;
        return new IdentifierError(code, messages.find(key, Languages.ZH, "").orElseThrow(() -> new IllegalStateException("No message for " + code)),
                messages.find(key, Languages.EN, "").orElseThrow(() -> new IllegalStateException("No message for " + code)));
    }
}
