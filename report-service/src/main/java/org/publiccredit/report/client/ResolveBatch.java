package org.publiccredit.report.client;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.util.List;

/**
 * subject-service's answer to a batch look-up.
 *
 * @param results one per item
 */
@JsonIgnoreProperties(ignoreUnknown = true)
record ResolveBatch(List<Item> results) {

    /**
     * One item: the subject, or why not.
     *
     * @param index position in the request
     * @param ref the subject, or null
     * @param code the refusal (SUBJECT_NOT_FOUND, IDENTIFIER_INVALID …)
     */
    @JsonIgnoreProperties(ignoreUnknown = true)
    record Item(int index, SubjectRef ref, String code) {
    }
}
