package org.publiccredit.objection.client;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/** A credit subject (信用主体) as subject-service resolves it; {@code code} is null for natural persons. */
@JsonIgnoreProperties(ignoreUnknown = true)
public record SubjectRef(String id, String kind, String code, String masked, String name, String type, String region,
        boolean verified) {

    @Override
    public String toString() {
        return "SubjectRef[" + id + " " + kind + "]";
    }
}
