package org.publiccredit.commons.id;

import java.time.Clock;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * Normalisation and kind detection for subject identifiers: a unified social credit code or a resident identity
 * card number.
 *
 * <p>Detection rule of {@link #check(String)}, applied to the normalised value:
 * <ol>
 * <li>empty → kind null, {@code IDENTIFIER_EMPTY};</li>
 * <li>15 characters → {@link IdentifierKind#ID_NUMBER} (legacy form);</li>
 * <li>18 characters that <em>look like an id number</em> → {@link IdentifierKind#ID_NUMBER}, except when the value
 *     fails as an id number but passes every USCC check, then {@link IdentifierKind#USCC}. Looking like an id number
 *     means: 17 digits then a digit or X, the first two digits a listed province ({@link Regions}), and digits 7-14 a
 *     plausible date (year 18xx, 19xx or 20xx, month 01-12, day 01-31);</li>
 * <li>any other 18 characters → {@link IdentifierKind#USCC};</li>
 * <li>any other length → kind null, {@code IDENTIFIER_LENGTH}.</li>
 * </ol>
 * An all-digit USCC such as 911100001011200015 is a USCC: "91" is no province and "00001011" no date. Even when an
 * all-digit USCC happens to look like an id number, it almost never passes the id number's check while it does pass
 * its own two checks, which is what the exception in rule 3 catches.
 */
public final class Identifiers {

    private Identifiers() {
    }

    /**
     * Normalises user input: null becomes "", full-width ASCII (U+FF01..U+FF5E) becomes half-width, leading and
     * trailing white space (including the full-width space U+3000) and byte-order or zero-width marks are removed,
     * letters are upper-cased. Inner characters are kept as they are, so an inner space still gives a
     * forbidden-character or length error.
     */
    public static String normalize(String raw) {
        if (raw == null) {
            return "";
        }
        if (plain(raw)) {
            return raw;
        }
        StringBuilder sb = new StringBuilder(raw.length());
        for (int i = 0; i < raw.length(); i++) {
            char c = raw.charAt(i);
            sb.append(c >= '\uFF01' && c <= '\uFF5E' ? (char) (c - 0xFEE0) : c);
        }
        int start = 0;
        int end = sb.length();
        while (start < end && trimmable(sb.charAt(start))) {
            start++;
        }
        while (end > start && trimmable(sb.charAt(end - 1))) {
            end--;
        }
        return sb.substring(start, end).toUpperCase(Locale.ROOT);
    }

    /** Checks with the kind detected by the rule in the class description (birth dates judged in Asia/Shanghai). */
    public static IdentifierCheck check(String raw) {
        return check(raw, IdNumber.DEFAULT_CLOCK);
    }

    /** Checks with the kind detected by the rule in the class description, judging birth dates against {@code clock}. */
    public static IdentifierCheck check(String raw, Clock clock) {
        Objects.requireNonNull(clock, "clock");
        String v = normalize(raw);
        int length = v.length();
        if (length == 0) {
            return new IdentifierCheck(false, null, v, List.of(ErrorMessages.error(ErrorMessages.IDENTIFIER_EMPTY)));
        }
        if (length == 15) {
            return IdNumber.checkNormalized(v, clock);
        }
        if (length != Uscc.LENGTH) {
            return new IdentifierCheck(false, null, v, List.of(ErrorMessages.error(ErrorMessages.IDENTIFIER_LENGTH, length)));
        }
        if (looksLikeIdNumber(v)) {
            IdentifierCheck asIdNumber = IdNumber.checkNormalized(v, clock);
            if (asIdNumber.valid() || !Uscc.validate(v).isEmpty()) {
                return asIdNumber;
            }
            return new IdentifierCheck(true, IdentifierKind.USCC, v, List.of());
        }
        List<IdentifierError> errors = Uscc.validate(v);
        return new IdentifierCheck(errors.isEmpty(), IdentifierKind.USCC, v, errors);
    }

    /**
     * Masks a value for display or logs: the first 6 and last 4 characters shown, the rest {@code *}; a value of 10
     * characters or fewer is masked entirely. Null gives "".
     */
    public static String mask(String value) {
        if (value == null) {
            return "";
        }
        int length = value.length();
        if (length <= 10) {
            return "*".repeat(length);
        }
        return value.substring(0, 6) + "*".repeat(length - 10) + value.substring(length - 4);
    }

    /** Rule 3 of the class description, for an 18-character normalised value. */
    static boolean looksLikeIdNumber(String v) {
        for (int i = 0; i < 17; i++) {
            char c = v.charAt(i);
            if (c < '0' || c > '9') {
                return false;
            }
        }
        char last = v.charAt(17);
        if ((last < '0' || last > '9') && last != 'X') {
            return false;
        }
        if (!Regions.provinceKnown(v.charAt(0), v.charAt(1))) {
            return false;
        }
        int century = (v.charAt(6) - '0') * 10 + (v.charAt(7) - '0');
        int month = (v.charAt(10) - '0') * 10 + (v.charAt(11) - '0');
        int day = (v.charAt(12) - '0') * 10 + (v.charAt(13) - '0');
        return century >= 18 && century <= 20 && month >= 1 && month <= 12 && day >= 1 && day <= 31;
    }

    private static boolean plain(String raw) {
        int length = raw.length();
        if (length == 0 || trimmable(raw.charAt(0)) || trimmable(raw.charAt(length - 1))) {
            return length == 0;
        }
        for (int i = 0; i < length; i++) {
            char c = raw.charAt(i);
            if (c >= 0x80 || (c >= 'a' && c <= 'z')) {
                return false;
            }
        }
        return true;
    }

    private static boolean trimmable(char c) {
        return Character.isWhitespace(c) || Character.isSpaceChar(c) || c == '\uFEFF' || c == '\u200B';
    }
}
