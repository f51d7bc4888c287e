package org.publiccredit.search.feed;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.util.List;

/**
 * A subject as subject-service's feed and {@code GET /internal/v1/subjects/{id}} describe it (never the keyed
 * hash, never the raw id number).
 *
 * @param id the subject id
 * @param kind {@code USCC} or {@code ID_NUMBER}
 * @param code the USCC (null for persons)
 * @param masked the masked id number (persons)
 * @param name the current name
 * @param formerNames former names with the date they were given up
 * @param shortNames short names (简称) the registry knows
 * @param type subject type
 * @param region 6-digit division code
 * @param status registry status
 * @param verified verified by the registry
 * @param industry GB/T 4754 section letter A-T (absent in payloads written before issue 23, and for persons)
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record SubjectPayload(String id, String kind, String code, String masked, String name, List<FormerName> formerNames,
        List<String> shortNames, String type, String region, String status, Boolean verified, String industry) {

    /**
     * A former name.
     *
     * @param name the name
     * @param until when it stopped being used (as subject-service writes it)
     */
    public record FormerName(String name, String until) {
    }
}
