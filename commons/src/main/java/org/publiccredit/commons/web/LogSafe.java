package org.publiccredit.commons.web;

import java.util.regex.Pattern;
import org.publiccredit.commons.id.IdNumber;
import org.publiccredit.commons.id.Uscc;

/**
 * Makes request data safe to log and to echo in a problem's {@code instance}: no CR/LF (log forging), and anything
 * shaped like an id number (a 15-18 character token with a digit, e.g. in a path) masked, so a raw id number never
 * reaches a log. A valid USCC is public (信用中国 shows it) and stays as it is, unless it is also a valid id number.
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
        String masked = IDENTIFIER_LIKE.matcher(clean).replaceAll(m -> containsDigit(m.group()) && !publicCode(m.group())
                ? m.group(1) + "****" + m.group(2) : m.group());
        return masked.length() > 200 ? masked.substring(0, 200) + "…" : masked;
    }

    private static boolean publicCode(String token) {
        return Uscc.check(token).valid() && !IdNumber.check(token).valid();
    }

    private static boolean containsDigit(String s) {
        return s.chars().anyMatch(Character::isDigit);
    }
}
