package org.publiccredit.record.creditrecord;

import java.util.UUID;

/**
 * The credit subject (信用主体) of a record, as subject-service resolved it. For a natural person the code is the
 * masked id number; the raw number is never stored here.
 *
 * @param id subject-service's id
 * @param kind USCC or ID_NUMBER
 * @param code the USCC, or the masked id number
 * @param name the registry's name of the subject (shown everywhere; the name given with the record when the registry has none)
 * @param nameOnDecision the name the department gave with the record: the decision's 行政相对人名称, kept as sent
 * @param type the subject type (commons SubjectType name)
 * @param region the administrative division
 */
public record Subject(UUID id, String kind, String code, String name, String nameOnDecision, String type, String region) {

    public boolean naturalPerson() {
        return "ID_NUMBER".equals(kind);
    }
}
