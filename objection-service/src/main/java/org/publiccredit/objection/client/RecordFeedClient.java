package org.publiccredit.objection.client;

import org.springframework.cloud.openfeign.FeignClient;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** record-service's change feed ({@code GET /internal/v1/changes}, docs/contracts.md): a read, retried like one. */
@FeignClient(name = "record-feed", url = "${platform.services.record}", configuration = InternalClientConfig.Reads.class)
interface RecordFeedClient {

    @GetMapping("/internal/v1/changes")
    RecordFeed.Page changes(@RequestParam("after") long after, @RequestParam("limit") int limit);
}
