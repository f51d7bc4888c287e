package org.publiccredit.subject.registry;

import java.time.LocalDate;
import org.publiccredit.commons.id.IdNumber;
import org.publiccredit.commons.id.IdentifierKind;
import org.publiccredit.commons.id.SubjectType;
import org.publiccredit.commons.id.Uscc;

/**
 * A checked subject record, ready to be merged into the registry. Exactly one of {@code uscc} and
 * {@code idNumber} is set; {@code shortNames} null keeps the stored ones; {@code type} and {@code region} are resolved. {@link #toString()} masks the id number
 * ({@link IdNumber#toString()}).
 */
public record SubjectDraft(Uscc uscc, IdNumber idNumber, String name, SubjectType type, String region,
        String legalRepresentative, LocalDate registrationDate, RegistrationStatus status, Industry industry, String address,
        java.util.List<String> shortNames) {

    public IdentifierKind kind() {
        return uscc != null ? IdentifierKind.USCC : IdentifierKind.ID_NUMBER;
    }
}
