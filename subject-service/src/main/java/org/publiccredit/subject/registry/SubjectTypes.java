package org.publiccredit.subject.registry;

import java.util.Optional;
import org.publiccredit.commons.id.SubjectType;
import org.publiccredit.commons.id.Uscc;

/**
 * The one rule for a subject's type. An organisation's type comes from positions 1-2 of its code where GB 32100
 * gives one (91 enterprise, 92 个体工商户, 93 农民专业合作社, 5x social organisation, 11 government agency …); a stated
 * type must then agree with it. Where the table gives no type, the stated type (any organisation type) is taken,
 * else {@link SubjectType#OTHER_ORGANISATION}. A natural person is always {@link SubjectType#NATURAL_PERSON}.
 */
public final class SubjectTypes {

    private SubjectTypes() {
    }

    /** The type of an organisation, or empty when {@code stated} disagrees with the code (SUBJECT_TYPE_MISMATCH). */
    public static Optional<SubjectType> forOrganisation(Uscc code, SubjectType stated) {
        if (stated == SubjectType.NATURAL_PERSON) {
            return Optional.empty();
        }
        Optional<SubjectType> derived = code.derivedType();
        if (derived.isPresent()) {
            return stated == null || stated == derived.get() ? derived : Optional.empty();
        }
        return Optional.of(stated != null ? stated : SubjectType.OTHER_ORGANISATION);
    }

    /** The type of a natural person, or empty when {@code stated} is another type. */
    public static Optional<SubjectType> forPerson(SubjectType stated) {
        return stated == null || stated == SubjectType.NATURAL_PERSON ? Optional.of(SubjectType.NATURAL_PERSON) : Optional.empty();
    }

    /** By name (any case) or Chinese label; empty when neither. */
    public static Optional<SubjectType> parse(String text) {
        String t = text.strip();
        for (SubjectType s : SubjectType.values()) {
            if (s.name().equalsIgnoreCase(t) || s.labelZh().equals(t)) {
                return Optional.of(s);
            }
        }
        return Optional.empty();
    }
}
