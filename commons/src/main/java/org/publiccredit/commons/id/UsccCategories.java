package org.publiccredit.commons.id;

import java.util.Optional;
import java.util.Set;

/** The GB 32100 table of registration authorities and organisation categories, loaded from {@code uscc-categories.tsv}. */
final class UsccCategories {

    private static final byte UNLISTED = 0;
    private static final byte LISTED_WITHOUT_TYPE = -1;
    private static final SubjectType[] TYPES = SubjectType.values();
    /** Indexed by authority * 128 + category: UNLISTED, LISTED_WITHOUT_TYPE or the type's ordinal + 1. */
    private static final byte[] TABLE = new byte[128 * 128];
    private static final boolean[] AUTHORITIES = new boolean[128];

    static {
        for (String[] row : Tsv.read("uscc-categories.tsv")) {
            if (row.length < 3 || row[0].strip().length() != 1 || row[1].strip().length() != 1
                    || row[0].strip().charAt(0) >= 128 || row[1].strip().charAt(0) >= 128) {
                throw new IllegalStateException("uscc-categories.tsv: bad line " + String.join("|", row));
            }
            char authority = row[0].strip().charAt(0);
            char category = row[1].strip().charAt(0);
            String type = row[2].strip();
            AUTHORITIES[authority] = true;
            TABLE[authority * 128 + category] = type.isEmpty() ? LISTED_WITHOUT_TYPE : (byte) (SubjectType.valueOf(type).ordinal() + 1);
        }
    }

    private UsccCategories() {
    }

    static boolean authorityKnown(char authority) {
        return authority < 128 && AUTHORITIES[authority];
    }

    static boolean categoryKnown(char authority, char category) {
        return authority < 128 && category < 128 && TABLE[authority * 128 + category] != UNLISTED;
    }

    /**
     * The types a code of this authority and category may have: the one its row names, every organisation type where
     * the row names none, nothing when the pair is not listed.
     */
    static Set<SubjectType> allowedTypes(char authority, char category) {
        if (!categoryKnown(authority, category)) {
            return Set.of();
        }
        return type(authority, category).map(Set::of).orElse(SubjectTypeRule.ORGANISATION_TYPES);
    }

    static Optional<SubjectType> type(char authority, char category) {
        if (!categoryKnown(authority, category)) {
            return Optional.empty();
        }
        byte entry = TABLE[authority * 128 + category];
        return entry == LISTED_WITHOUT_TYPE ? Optional.empty() : Optional.of(TYPES[entry - 1]);
    }
}
