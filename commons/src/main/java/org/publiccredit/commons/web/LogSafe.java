package org.publiccredit.commons.web;

import java.util.regex.Pattern;

/**
 * Makes request data safe to log: no CR/LF (log forging), and anything shaped like an identifier
 * (a 15-18 character code or id number, e.g. in a path) masked, so a raw id number never reaches a log.
 */
public final class LogSafe {

    private static final Pattern IDENTIFIER_LIKE = Pattern.compile("(?<![0-9A-Za-z])([0-9A-Za-z]{4})[0-9A-Za-z]{7,10}([0-9A-Za-z]{4})(?![0-9A-Za-z])");
    private static final Pattern CONTROL = Pattern.compile("[\\p{Cntrl}]");

    private LogSafe() {
    }

    public static String path(String raw) {
        if (raw == null) {
            return "-";
        }
        String clean = CONTROL.matcher(raw).replaceAll("_");
        String masked = IDENTIFIER_LIKE.matcher(clean).replaceAll(m -> containsDigit(m.group()) ? m.group(1) + "****" + m.group(2) : m.group());
        return masked.length() > 200 ? masked.substring(0, 200) + "…" : masked;
    }

    private static boolean containsDigit(String s) {
        return s.chars().anyMatch(Character::isDigit);
    }
}
