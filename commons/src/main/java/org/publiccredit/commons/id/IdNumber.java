package org.publiccredit.commons.id;

import org.publiccredit.commons.calendar.PlatformZone;
import static org.publiccredit.commons.id.ErrorMessages.ID_NUMBER_BIRTH_DATE;
import static org.publiccredit.commons.id.ErrorMessages.ID_NUMBER_CHECK_DIGIT;
import static org.publiccredit.commons.id.ErrorMessages.ID_NUMBER_FORBIDDEN_CHARACTER;
import static org.publiccredit.commons.id.ErrorMessages.ID_NUMBER_LENGTH;
import static org.publiccredit.commons.id.ErrorMessages.ID_NUMBER_UNKNOWN_REGION;

import java.time.Clock;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * A valid resident identity card number (居民身份证号码, GB 11643-1999): 6-digit region, 8-digit birth date,
 * 3-digit sequence (odd male, even female) and a check character. A legacy 15-digit number (YYMMDD, no check) is
 * upgraded by inserting "19" after the region and computing the check; {@link #upgradedFromLegacy()} keeps that fact.
 *
 * <p>The number is personal information: {@link #toString()} returns the {@link #masked()} form, and no error
 * message contains the number.
 */
public final class IdNumber {

    /** Birth dates are judged against today in this zone unless a clock is given. */
    static final Clock DEFAULT_CLOCK = PlatformZone.clock();
    private static final LocalDate EARLIEST_BIRTH = LocalDate.of(1900, 1, 1);
    private static final int[] WEIGHTS = {7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2};
    private static final char[] CHECKS = {'1', '0', 'X', '9', '8', '7', '6', '5', '4', '3', '2'};

    private final String value;
    private final boolean upgradedFromLegacy;

    private IdNumber(String value, boolean upgradedFromLegacy) {
        this.value = value;
        this.upgradedFromLegacy = upgradedFromLegacy;
    }

    /** Parses and validates (birth date judged against today in Asia/Shanghai); throws with every error found. */
    public static IdNumber parse(String raw) {
        return parse(raw, DEFAULT_CLOCK);
    }

    /** Parses and validates, judging "birth date in the future" against {@code clock}; throws with every error found. */
    public static IdNumber parse(String raw, Clock clock) {
        IdentifierCheck check = check(raw, clock);
        if (!check.valid()) {
            throw new InvalidIdentifierException(IdentifierKind.ID_NUMBER, check.errors());
        }
        return new IdNumber(check.normalized(), Identifiers.normalize(raw).length() == 15);
    }

    /** Validates after normalisation and reports every independent error; never throws. */
    public static IdentifierCheck check(String raw) {
        return check(raw, DEFAULT_CLOCK);
    }

    /**
     * Validates after normalisation, judging "birth date in the future" against {@code clock}. A valid 15-digit
     * number's {@link IdentifierCheck#normalized()} is its upgraded 18-digit form.
     */
    public static IdentifierCheck check(String raw, Clock clock) {
        Objects.requireNonNull(clock, "clock");
        return checkNormalized(Identifiers.normalize(raw), clock);
    }

    /**
     * The check character for the first 17 digits: Σ digit × weight mod 11 mapped through {@code 1 0 X 9 8 7 6 5 4 3 2}.
     *
     * @throws IllegalArgumentException when not 17 digits
     */
    public static char checkCharacter(String first17) {
        Objects.requireNonNull(first17, "first17");
        if (first17.length() != 17 || !digits(first17, 0, 17)) {
            throw new IllegalArgumentException("expected 17 digits");
        }
        return computeCheck(first17);
    }

    /** The 18-character number. Personal information: do not log it. */
    public String value() {
        return value;
    }

    /** The number with only the first 6 and last 4 characters shown, e.g. {@code 450202********1237}. */
    public String masked() {
        return Identifiers.mask(value);
    }

    /** The first 6 digits: the administrative division where the number was issued. */
    public String regionCode() {
        return value.substring(0, 6);
    }

    /** The birth date (digits 7-14). */
    public LocalDate birthDate() {
        return LocalDate.of(Integer.parseInt(value, 6, 10, 10), Integer.parseInt(value, 10, 12, 10), Integer.parseInt(value, 12, 14, 10));
    }

    /** Whether the sequence (digits 15-17) is odd, which marks a man. */
    public boolean male() {
        return (value.charAt(16) - '0') % 2 == 1;
    }

    /** Whether this number was given in the legacy 15-digit form and upgraded. */
    public boolean upgradedFromLegacy() {
        return upgradedFromLegacy;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof IdNumber that && value.equals(that.value);
    }

    @Override
    public int hashCode() {
        return value.hashCode();
    }

    /** The masked form; never the number itself. */
    @Override
    public String toString() {
        return masked();
    }

    static IdentifierCheck checkNormalized(String v, Clock clock) {
        int length = v.length();
        if (length == 0) {
            return new IdentifierCheck(false, IdentifierKind.ID_NUMBER, v, List.of(ErrorMessages.error(ErrorMessages.IDENTIFIER_EMPTY)));
        }
        List<IdentifierError> errors = new ArrayList<>(2);
        boolean legacy = length == 15;
        if (length != 18 && !legacy) {
            errors.add(ErrorMessages.error(ID_NUMBER_LENGTH, length));
        }
        boolean badRegion = false;
        boolean badDate = false;
        boolean anyBad = false;
        int dateEnd = legacy ? 12 : 14;
        if (length <= 36) {
            for (int i = 0; i < length; i++) {
                char c = v.charAt(i);
                boolean ok = (c >= '0' && c <= '9') || (c == 'X' && i == 17 && length == 18);
                if (!ok) {
                    errors.add(ErrorMessages.error(ID_NUMBER_FORBIDDEN_CHARACTER, i + 1));
                    anyBad = true;
                    badRegion |= i < 6;
                    badDate |= i >= 6 && i < dateEnd;
                }
            }
        }
        if (length != 18 && !legacy) {
            return new IdentifierCheck(false, IdentifierKind.ID_NUMBER, v, errors);
        }
        if (!badRegion && !Regions.known(v.substring(0, 6))) {
            errors.add(ErrorMessages.error(ID_NUMBER_UNKNOWN_REGION));
        }
        if (!badDate && !birthDateValid(v, legacy, clock)) {
            errors.add(ErrorMessages.error(ID_NUMBER_BIRTH_DATE));
        }
        String normalized = v;
        if (!anyBad) {
            if (legacy) {
                String first17 = v.substring(0, 6) + "19" + v.substring(6, 15);
                normalized = first17 + computeCheck(first17);
            } else if (computeCheck(v) != v.charAt(17)) {
                errors.add(ErrorMessages.error(ID_NUMBER_CHECK_DIGIT));
            }
        }
        return new IdentifierCheck(errors.isEmpty(), IdentifierKind.ID_NUMBER, errors.isEmpty() ? normalized : v, errors);
    }

    private static boolean birthDateValid(String v, boolean legacy, Clock clock) {
        int year = legacy ? 1900 + Integer.parseInt(v, 6, 8, 10) : Integer.parseInt(v, 6, 10, 10);
        int at = legacy ? 8 : 10;
        LocalDate date;
        try {
            date = LocalDate.of(year, Integer.parseInt(v, at, at + 2, 10), Integer.parseInt(v, at + 2, at + 4, 10));
        } catch (DateTimeException e) {
            return false;
        }
        return !date.isBefore(EARLIEST_BIRTH) && !date.isAfter(LocalDate.now(clock));
    }

    /** Check of the first 17 characters, which must be digits. */
    private static char computeCheck(CharSequence s) {
        int sum = 0;
        for (int i = 0; i < 17; i++) {
            sum += (s.charAt(i) - '0') * WEIGHTS[i];
        }
        return CHECKS[sum % 11];
    }

    private static boolean digits(String s, int from, int to) {
        for (int i = from; i < to; i++) {
            char c = s.charAt(i);
            if (c < '0' || c > '9') {
                return false;
            }
        }
        return true;
    }
}
