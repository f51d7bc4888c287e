package org.publiccredit.subject.registry;

import org.publiccredit.commons.id.Identifiers;

/**
 * A subject as a writer sends it (JSON body, NDJSON line or CSV row): every field is text and is checked by
 * {@link SubjectValidator}, so a bad date or enum gives field errors rather than a parse failure. Exactly one of
 * {@code code} (organisations) and {@code idNumber} (natural persons) is given. The whole registry record is
 * sent each time: an absent optional field is cleared.
 *
 * @param code                unified social credit code
 * @param idNumber            resident identity card number (personal information)
 * @param name                name
 * @param type                {@link org.publiccredit.commons.id.SubjectType} name or Chinese label; derived from the code when absent
 * @param region              6-digit administrative division; from the identifier when absent
 * @param legalRepresentative legal representative (法定代表人)
 * @param registrationDate    registration date, yyyy-MM-dd
 * @param registrationStatus  {@link RegistrationStatus} name or Chinese label
 * @param industry            GB/T 4754 section letter A-T
 * @param address             registered address
 * @param shortNames          short names (简称), set only by the registration authority and admins; absent keeps the stored
 *                            ones, an empty list clears them (CSV: one column, separated by ; or 、)
 */
public record SubjectInput(String code, String idNumber, String name, String type, String region, String legalRepresentative,
        String registrationDate, String registrationStatus, String industry, String address,
        java.util.List<String> shortNames) {

    /** Never shows the id number. */
    @Override
    public String toString() {
        return "SubjectInput[code=" + code + ", idNumber=" + (idNumber == null ? null : Identifiers.mask(idNumber)) + ", name=" + name + "]";
    }
}
