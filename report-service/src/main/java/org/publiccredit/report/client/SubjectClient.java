package org.publiccredit.report.client;

import java.util.Map;
import org.springframework.cloud.openfeign.FeignClient;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;

/** subject-service (docs/contracts.md), with the service's own token; every call is a read. */
@FeignClient(name = "subject", url = "${platform.services.subject}", configuration = InternalClientConfig.ServiceToken.class)
interface SubjectClient {

    /** Look-up only ({@code "create": false}): a report never registers anyone. */
    @PostMapping("/internal/v1/subjects:resolveBatch")
    ResolveBatch resolveBatch(@RequestBody Map<String, Object> body);

    @GetMapping("/internal/v1/subjects/{id}")
    SubjectRef byId(@PathVariable("id") String id);

    /** The public registration view (organisations; a natural person is 404 here). */
    @GetMapping("/api/v1/subjects/{id}")
    Registration registration(@PathVariable("id") String id);

    @GetMapping("/internal/v1/changes")
    FeedHead changes(@RequestParam("after") long after, @RequestParam("limit") int limit);
}
