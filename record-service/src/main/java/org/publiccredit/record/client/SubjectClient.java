package org.publiccredit.record.client;

import org.springframework.cloud.openfeign.FeignClient;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;

/** subject-service's internal API, with a client-credentials token of {@code svc-record}. */
@FeignClient(name = "subject", url = "${platform.services.subject:http://127.0.0.1:8081}", configuration = SubjectClientConfig.class)
interface SubjectClient {

    /**
     * The resolve request.
     *
     * @param identifier USCC or id number
     * @param name the name the record gives
     * @param type the subject type the record states, or null
     */
    record ResolveRequest(String identifier, String name, String type) {
    }

    /** Idempotent on the identifier: creates an unverified subject for a valid unknown one. */
    @PostMapping("/internal/v1/subjects:resolve")
    SubjectRef resolve(@RequestBody ResolveRequest request);
}
