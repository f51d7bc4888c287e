package org.publiccredit.commons.id;

import java.util.HashMap;
import java.util.Map;

/** The error codes of this package and their messages, loaded from {@code messages.tsv}. */
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

    private static final Map<String, String[]> MESSAGES = load();

    private ErrorMessages() {
    }

    /** An error with its messages; {@code argument} fills the {0} placeholder (a position or length, never the value). */
    static IdentifierError error(String code, Object argument) {
        String[] texts = MESSAGES.get(code);
        if (texts == null) {
            throw new IllegalStateException("No message for " + code + " in messages.tsv");
        }
        String arg = String.valueOf(argument);
        return new IdentifierError(code, texts[0].replace("{0}", arg), texts[1].replace("{0}", arg));
    }

    static IdentifierError error(String code) {
        return error(code, "");
    }

    private static Map<String, String[]> load() {
        Map<String, String[]> messages = new HashMap<>();
        for (String[] row : Tsv.read("messages.tsv")) {
            if (row.length < 3) {
                throw new IllegalStateException("messages.tsv: expected code, zh, en in " + String.join("|", row));
            }
            messages.put(row[0].strip(), new String[] {row[1].strip(), row[2].strip()});
        }
        return Map.copyOf(messages);
    }
}
