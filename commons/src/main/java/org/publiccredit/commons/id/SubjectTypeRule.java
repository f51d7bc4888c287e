package org.publiccredit.commons.id;

import java.util.EnumSet;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * The one rule for a subject's type against its identifier (DOMAIN.md §1): an id number allows only
 * {@link SubjectType#NATURAL_PERSON}; a USCC allows the type GB 32100 gives for its positions 1-2 (91 enterprise,
 * 92 个体工商户, 93 农民专业合作社, 5x social organisation, 11 government agency … see {@link UsccCategories}), or any
 * organisation type where the table gives none. A stated type must be one the identifier allows, else it is a
 * mismatch (empty); without a stated type the identifier's own type is taken ({@link SubjectType#OTHER_ORGANISATION}
 * where the table gives none). Every path that takes a stated type calls this class; each says the mismatch in its
 * own problem code.
 */
public final class SubjectTypeRule {

    /** Every type but {@link SubjectType#NATURAL_PERSON}. */
    static final Set<SubjectType> ORGANISATION_TYPES =
            Set.copyOf(EnumSet.complementOf(EnumSet.of(SubjectType.NATURAL_PERSON)));

    private SubjectTypeRule() {
    }

    /** The types a subject with this code may have (never {@link SubjectType#NATURAL_PERSON}). */
    public static Set<SubjectType> allowed(Uscc code) {
        Objects.requireNonNull(code, "code");
        return UsccCategories.allowedTypes(code.registrationAuthority(), code.category());
    }

    /** The type of the organisation with this code, or empty when {@code stated} (null: none stated) disagrees with it. */
    public static Optional<SubjectType> forOrganisation(Uscc code, SubjectType stated) {
        return agree(allowed(code), stated);
    }

    /** The type of a natural person ({@link SubjectType#NATURAL_PERSON}), or empty when {@code stated} is another type. */
    public static Optional<SubjectType> forPerson(SubjectType stated) {
        return agree(Set.of(SubjectType.NATURAL_PERSON), stated);
    }

    /**
     * The type of the subject of a valid identifier check (a USCC or an id number), or empty when {@code stated} (null:
     * none stated) disagrees with it.
     *
     * @throws IllegalArgumentException when the check is not valid or not of a subject's identifier
     */
    public static Optional<SubjectType> forIdentifier(IdentifierCheck check, SubjectType stated) {
        Objects.requireNonNull(check, "check");
        if (!check.valid()) {
            throw new IllegalArgumentException("not a valid identifier: " + check.errorCodes());
        }
        return switch (check.kind()) {
            case USCC -> forOrganisation(Uscc.parse(check.normalized()), stated);
            case ID_NUMBER -> forPerson(stated);
            case ORG_CODE -> throw new IllegalArgumentException("an organisation code is no subject's identifier");
        };
    }

    /** {@code stated} when allowed; the only allowed type, or OTHER_ORGANISATION among several, when none is stated. */
    static Optional<SubjectType> agree(Set<SubjectType> allowed, SubjectType stated) {
        if (stated != null) {
            return allowed.contains(stated) ? Optional.of(stated) : Optional.empty();
        }
        if (allowed.size() == 1) {
            return Optional.of(allowed.iterator().next());
        }
        return allowed.contains(SubjectType.OTHER_ORGANISATION) ? Optional.of(SubjectType.OTHER_ORGANISATION) : Optional.empty();
    }
}
