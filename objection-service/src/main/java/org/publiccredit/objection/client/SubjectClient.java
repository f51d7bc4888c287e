package org.publiccredit.objection.client;

import java.util.Map;
import org.springframework.cloud.openfeign.FeignClient;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;

/** subject-service: resolving an identifier is idempotent on the identifier, so it is retried like a read. */
@FeignClient(name = "subject", url = "${platform.services.subject}", configuration = InternalClientConfig.Reads.class)
interface SubjectClient {

    @PostMapping("/internal/v1/subjects:resolve")
    SubjectRef resolve(@RequestBody Map<String, Object> body);
}
