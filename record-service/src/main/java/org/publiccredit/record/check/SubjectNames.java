package org.publiccredit.record.check;

import org.publiccredit.commons.id.IdentifierCheck;
import org.publiccredit.commons.id.IdentifierKind;
import org.publiccredit.commons.id.Identifiers;
import org.publiccredit.record.client.SubjectRef;

/**
 * The name a check result may show for a subject, from subject-service's answer: an organisation's registered name
 * (public on the platform: subject-service's PUBLIC view carries it); for a natural person nothing — a person's
 * registry entry is not public (only admins and officers see it), so a check shows his masked number only.
 */
final class SubjectNames {

    private SubjectNames() {
    }

    /**
     * @param ref subject-service's answer, or null when it does not know the subject (or could not be asked)
     * @return the name to show, or null (then the result carries no name)
     */
    static String shown(SubjectRef ref) {
        if (ref == null || !"USCC".equals(ref.kind()) || ref.code() == null || ref.name() == null || ref.name().isBlank()) {
            return null;
        }
        String name = ref.name().strip();
        // never a raw id number, even where a registry name holds one by mistake
        IdentifierCheck asId = Identifiers.check(name);
        if (asId.valid() && asId.kind() == IdentifierKind.ID_NUMBER) {
            return null;
        }
        return name;
    }
}
