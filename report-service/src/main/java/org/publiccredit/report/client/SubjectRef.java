package org.publiccredit.report.client;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/**
 * A credit subject (信用主体) as subject-service's internal API shows it; {@code code} is null for natural persons, whose
 * number is only {@code masked}.
 *
 * @param id subject id
 * @param kind USCC or ID_NUMBER
 * @param code the USCC (organisations)
 * @param masked the masked id number (persons)
 * @param name the name
 * @param type the subject type
 * @param region the administrative division
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record SubjectRef(String id, String kind, String code, String masked, String name, String type, String region) {

    public boolean naturalPerson() {
        return "ID_NUMBER".equals(kind);
    }

    /** What a report shows as the code: the USCC, or the masked number. */
    public String shownCode() {
        return naturalPerson() ? masked : code;
    }

    @Override
    public String toString() {
        return "SubjectRef[" + id + " " + kind + "]";
    }
}
