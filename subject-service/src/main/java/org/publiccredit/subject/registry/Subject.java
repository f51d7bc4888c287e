package org.publiccredit.subject.registry;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Objects;
import java.util.UUID;
import org.publiccredit.commons.id.IdentifierKind;
import org.publiccredit.commons.id.SubjectType;

/**
 * A credit subject (信用主体) as stored: an organisation keyed by its code, or a natural person keyed by the keyed
 * hash of the id number, which is otherwise held only masked and encrypted. Internal to the service: the API
 * answers {@link SubjectView}s. {@link #toString()} shows no personal data.
 */
public record Subject(UUID id, IdentifierKind kind, String code, byte[] idHash, String masked, byte[] idEncrypted,
        boolean idLegacy, String name, List<FormerName> formerNames, List<String> shortNames, SubjectType type, String region,
        String legalRepresentative, LocalDate registrationDate, RegistrationStatus status, Industry industry, String address,
        boolean verified, String source, long version, Instant createdAt, Instant updatedAt) {

    public Subject {
        formerNames = formerNames == null ? List.of() : List.copyOf(formerNames);
        shortNames = shortNames == null ? List.of() : List.copyOf(shortNames);
    }

    public boolean person() {
        return kind == IdentifierKind.ID_NUMBER;
    }

    /** The code, or the masked id number of a person: what may be shown as the subject's key. */
    public String displayKey() {
        return person() ? masked : code;
    }

    /** Whether the registry data (not the bookkeeping) are the same. */
    boolean sameData(Subject other) {
        return Objects.equals(name, other.name) && formerNames.equals(other.formerNames) && shortNames.equals(other.shortNames)
                && type == other.type
                && Objects.equals(region, other.region) && Objects.equals(legalRepresentative, other.legalRepresentative)
                && Objects.equals(registrationDate, other.registrationDate) && status == other.status
                && industry == other.industry && Objects.equals(address, other.address) && verified == other.verified;
    }

    @Override
    public String toString() {
        return "Subject[" + id + " " + kind + " " + displayKey() + " v" + version + "]";
    }
}
