package org.publiccredit.commons.id;

import static org.publiccredit.commons.id.ErrorMessages.USCC_CHECK_DIGIT;
import static org.publiccredit.commons.id.ErrorMessages.USCC_FORBIDDEN_CHARACTER;
import static org.publiccredit.commons.id.ErrorMessages.USCC_LENGTH;
import static org.publiccredit.commons.id.ErrorMessages.USCC_ORG_CODE_CHECK;
import static org.publiccredit.commons.id.ErrorMessages.USCC_UNKNOWN_AUTHORITY;
import static org.publiccredit.commons.id.ErrorMessages.USCC_UNKNOWN_CATEGORY;
import static org.publiccredit.commons.id.ErrorMessages.USCC_UNKNOWN_REGION;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A valid unified social credit code (统一社会信用代码, GB 32100-2015): position 1 registration authority,
 * 2 organisation category, 3-8 administrative division, 9-17 organisation code (GB 11714, its last character a
 * check), 18 the check character. Instances exist only for codes that pass every check.
 */
public final class Uscc {

    /** The 31 characters of the code, their index being their value. */
    static final String CHARSET = "0123456789ABCDEFGHJKLMNPQRTUWXY";
    static final int LENGTH = 18;
    private static final int[] WEIGHTS = {1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28};
    private static final int[] ORG_WEIGHTS = {3, 7, 9, 10, 5, 8, 4, 2};
    /** Value of an ASCII character in {@link #CHARSET}, -1 when outside it. */
    private static final int[] VALUES = new int[128];

    static {
        java.util.Arrays.fill(VALUES, -1);
        for (int i = 0; i < CHARSET.length(); i++) {
            VALUES[CHARSET.charAt(i)] = i;
        }
    }

    private final String value;

    private Uscc(String value) {
        this.value = value;
    }

    /** Parses and validates after {@link Identifiers#normalize(String) normalisation}; throws with every error found. */
    public static Uscc parse(String raw) {
        String normalized = Identifiers.normalize(raw);
        List<IdentifierError> errors = validate(normalized);
        if (!errors.isEmpty()) {
            throw new InvalidIdentifierException(IdentifierKind.USCC, errors);
        }
        return new Uscc(normalized);
    }

    /** Validates after normalisation and reports every independent error; never throws. */
    public static IdentifierCheck check(String raw) {
        String normalized = Identifiers.normalize(raw);
        List<IdentifierError> errors = validate(normalized);
        return new IdentifierCheck(errors.isEmpty(), IdentifierKind.USCC, normalized, errors);
    }

    /**
     * Builds a valid code from its parts, computing the organisation code check and the final check (for seed
     * data and tests).
     *
     * @throws IllegalArgumentException   when {@code region6} is not 6 characters or {@code orgCodeFirst8} not 8
     *                                     digits or capital letters
     * @throws InvalidIdentifierException when the result is not valid (forbidden character, unknown authority,
     *                                     category or region)
     */
    public static Uscc of(char authority, char category, String region6, String orgCodeFirst8) {
        Objects.requireNonNull(region6, "region6");
        Objects.requireNonNull(orgCodeFirst8, "orgCodeFirst8");
        if (region6.length() != 6) {
            throw new IllegalArgumentException("region6 must have 6 characters");
        }
        String first17 = "" + authority + category + region6 + orgCodeFirst8 + organisationCodeCheck(orgCodeFirst8);
        for (int i = 0; i < first17.length(); i++) {
            if (value(first17.charAt(i)) < 0) {
                throw new InvalidIdentifierException(IdentifierKind.USCC, validate(first17 + "0"));
            }
        }
        return parse(first17 + checkCharacter(first17));
    }

    /**
     * The check character (position 18) for the first 17 characters: 31 − (Σ value × weight mod 31), 31 → 0.
     *
     * @throws IllegalArgumentException when not 17 characters of the code's character set
     */
    public static String checkCharacter(String first17) {
        Objects.requireNonNull(first17, "first17");
        if (first17.length() != LENGTH - 1) {
            throw new IllegalArgumentException("expected 17 characters");
        }
        int sum = 0;
        for (int i = 0; i < LENGTH - 1; i++) {
            int v = value(first17.charAt(i));
            if (v < 0) {
                throw new IllegalArgumentException("character at position " + (i + 1) + " is outside the USCC character set");
            }
            sum += v * WEIGHTS[i];
        }
        return String.valueOf(CHARSET.charAt(checkIndex(sum)));
    }

    /**
     * The GB 11714 organisation code check for its first 8 characters: 11 − (Σ value × weight mod 11), digits
     * keeping their value and letters A=10 … Z=35; 10 → X, 11 → 0.
     *
     * @throws IllegalArgumentException when not 8 digits or capital letters
     */
    public static char organisationCodeCheck(String first8) {
        Objects.requireNonNull(first8, "first8");
        if (first8.length() != 8) {
            throw new IllegalArgumentException("expected 8 characters");
        }
        int sum = 0;
        for (int i = 0; i < 8; i++) {
            int v = orgValue(first8.charAt(i));
            if (v < 0) {
                throw new IllegalArgumentException("character at position " + (i + 1) + " is not a digit or capital letter");
            }
            sum += v * ORG_WEIGHTS[i];
        }
        return orgCheckChar(sum);
    }

    /** The code, 18 characters. */
    public String value() {
        return value;
    }

    /** Position 1: the registration authority (登记管理部门), e.g. '9' for market regulation. */
    public char registrationAuthority() {
        return value.charAt(0);
    }

    /** Position 2: the organisation category within the authority, e.g. '1' enterprise with authority '9'. */
    public char category() {
        return value.charAt(1);
    }

    /** Positions 3-8: the administrative division code. */
    public String regionCode() {
        return value.substring(2, 8);
    }

    /** Positions 9-17: the organisation code including its check character. */
    public String organisationCode() {
        return value.substring(8, 17);
    }

    /** The subject type the GB 32100 table gives for authority and category; empty when the table gives none. */
    public Optional<SubjectType> derivedType() {
        return UsccCategories.type(registrationAuthority(), category());
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof Uscc that && value.equals(that.value);
    }

    @Override
    public int hashCode() {
        return value.hashCode();
    }

    @Override
    public String toString() {
        return value;
    }

    /** Every independent error of an already normalised value; no check is computed when length or characters are wrong. */
    static List<IdentifierError> validate(String v) {
        int length = v.length();
        if (length == 0) {
            return List.of(ErrorMessages.error(ErrorMessages.IDENTIFIER_EMPTY));
        }
        List<IdentifierError> errors = null;
        if (length != LENGTH) {
            errors = add(errors, ErrorMessages.error(USCC_LENGTH, length));
        }
        // forbidden characters, by field (a field with a forbidden character gets no further check)
        boolean badAuthority = false;
        boolean badCategory = false;
        boolean badRegion = false;
        boolean anyBad = false;
        if (length <= 2 * LENGTH) {
            for (int i = 0; i < length; i++) {
                if (value(v.charAt(i)) < 0) {
                    errors = add(errors, ErrorMessages.error(USCC_FORBIDDEN_CHARACTER, i + 1));
                    anyBad = true;
                    if (i == 0) {
                        badAuthority = true;
                    } else if (i == 1) {
                        badCategory = true;
                    } else if (i < 8) {
                        badRegion = true;
                    }
                }
            }
        }
        if (length != LENGTH) {
            return errors;
        }
        char authority = v.charAt(0);
        if (!badAuthority) {
            if (!UsccCategories.authorityKnown(authority)) {
                errors = add(errors, ErrorMessages.error(USCC_UNKNOWN_AUTHORITY));
            } else if (!badCategory && !UsccCategories.categoryKnown(authority, v.charAt(1))) {
                errors = add(errors, ErrorMessages.error(USCC_UNKNOWN_CATEGORY));
            }
        }
        if (!badRegion && !Regions.known(v.substring(2, 8))) {
            errors = add(errors, ErrorMessages.error(USCC_UNKNOWN_REGION));
        }
        if (!anyBad) {
            int orgSum = 0;
            for (int i = 0; i < 8; i++) {
                orgSum += orgValue(v.charAt(8 + i)) * ORG_WEIGHTS[i];
            }
            if (orgCheckChar(orgSum) != v.charAt(16)) {
                errors = add(errors, ErrorMessages.error(USCC_ORG_CODE_CHECK));
            }
            int sum = 0;
            for (int i = 0; i < LENGTH - 1; i++) {
                sum += value(v.charAt(i)) * WEIGHTS[i];
            }
            if (CHARSET.charAt(checkIndex(sum)) != v.charAt(17)) {
                errors = add(errors, ErrorMessages.error(USCC_CHECK_DIGIT));
            }
        }
        return errors == null ? List.of() : errors;
    }

    private static List<IdentifierError> add(List<IdentifierError> errors, IdentifierError error) {
        List<IdentifierError> list = errors == null ? new ArrayList<>(2) : errors;
        list.add(error);
        return list;
    }

    private static int value(char c) {
        return c < 128 ? VALUES[c] : -1;
    }

    private static int checkIndex(int sum) {
        int check = 31 - sum % 31;
        return check == 31 ? 0 : check;
    }

    private static int orgValue(char c) {
        if (c >= '0' && c <= '9') {
            return c - '0';
        }
        if (c >= 'A' && c <= 'Z') {
            return c - 'A' + 10;
        }
        return -1;
    }

    private static char orgCheckChar(int sum) {
        int check = 11 - sum % 11;
        return check == 10 ? 'X' : check == 11 ? '0' : (char) ('0' + check);
    }
}
