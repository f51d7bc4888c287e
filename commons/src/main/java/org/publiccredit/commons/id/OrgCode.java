package org.publiccredit.commons.id;

import java.util.Optional;

/**
 * The organisation code (组织机构代码, GB 11714-1997): 8 characters and a check character, written with or without a hyphen
 * before the check (MA5QJWYL-9). It is no subject's key on this platform, but it is characters 9 to 17 of every USCC,
 * so a valid one is something to look a subject up by (the USCC that contains it), never an identifier-length error.
 */
public final class OrgCode {

    /** Its length without the hyphen. */
    public static final int LENGTH = 9;

    private OrgCode() {
    }

    /**
     * The organisation code in user input, normalised as identifiers are ({@link Identifiers#normalize}: full-width,
     * case, surrounding spaces) and without its hyphen; empty when the input is not a well-formed code whose check
     * character is right.
     */
    public static Optional<String> parse(String raw) {
        String v = Identifiers.normalize(raw);
        if (v.length() == LENGTH + 1 && v.charAt(8) == '-') {
            v = v.substring(0, 8) + v.charAt(9);
        }
        if (v.length() != LENGTH) {
            return Optional.empty();
        }
        String first8 = v.substring(0, 8);
        for (int i = 0; i < 8; i++) {
            char c = first8.charAt(i);
            if (!(c >= '0' && c <= '9' || c >= 'A' && c <= 'Z')) {
                return Optional.empty();
            }
        }
        return Uscc.organisationCodeCheck(first8) == v.charAt(8) ? Optional.of(v) : Optional.empty();
    }

    /** The organisation code inside a USCC (its characters 9 to 17). */
    public static String of(Uscc uscc) {
        return uscc.value().substring(8, 17);
    }
}
