package org.publiccredit.subject.internal;

import java.util.UUID;
import org.publiccredit.commons.id.IdentifierKind;
import org.publiccredit.commons.id.SubjectType;
import org.publiccredit.subject.registry.Subject;

/**
 * A subject as other services know it (docs/contracts.md): the code for organisations, the masked number for persons.
 *
 * @param id       subject id
 * @param kind     USCC or ID_NUMBER
 * @param code     the USCC, null for persons
 * @param masked   the masked id number, null for organisations
 * @param name     the name (null when an unverified subject was created without one)
 * @param type     the subject type
 * @param region   6-digit administrative division
 * @param verified verified against a registration source
 * @param created  whether this call created the subject
 */
record SubjectRef(UUID id, IdentifierKind kind, String code, String masked, String name, SubjectType type, String region,
        boolean verified, boolean created) {

    static SubjectRef of(Subject s, boolean created) {
        return new SubjectRef(s.id(), s.kind(), s.code(), s.masked(), s.name(), s.type(), s.region(), s.verified(), created);
    }
}
