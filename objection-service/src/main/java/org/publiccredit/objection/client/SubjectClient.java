package org.publiccredit.objection.client;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.util.List;
import java.util.Map;
import org.springframework.cloud.openfeign.FeignClient;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;

/**
 * subject-service's subject by id, and its bulk resolve in look-up mode ({@code "create": false}): nothing is created or written, an unknown
 * identifier comes back refused with SUBJECT_NOT_FOUND. A read, so it is retried like one.
 */
@FeignClient(name = "subject", url = "${platform.services.subject}", configuration = InternalClientConfig.Reads.class)
interface SubjectClient {

    /**
     * One item's answer.
     *
     * @param index the item's position in the request
     * @param ref the subject, or null when refused
     * @param code why it was refused (SUBJECT_NOT_FOUND, IDENTIFIER_INVALID …)
     */
    @JsonIgnoreProperties(ignoreUnknown = true)
    record LookupItem(int index, SubjectRef ref, String code) {
    }

    /**
     * @param results one per item, in order
     */
    @JsonIgnoreProperties(ignoreUnknown = true)
    record LookupResponse(List<LookupItem> results) {
    }

    /** Body: {@code {"items": [{"identifier": …}], "create": false}}. */
    @PostMapping("/internal/v1/subjects:resolveBatch")
    LookupResponse lookup(@RequestBody Map<String, Object> body);

    /** The registered subject (its registered name); 404 when unknown. */
    @GetMapping("/internal/v1/subjects/{id}")
    SubjectRef get(@PathVariable("id") String id);
}
