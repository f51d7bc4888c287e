package org.publiccredit.report.client;

import org.springframework.cloud.openfeign.FeignClient;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;

/** record-service with the service's own token: the public records, the catalog, the feed's head. */
@FeignClient(name = "record", url = "${platform.services.record}", configuration = InternalClientConfig.ServiceToken.class)
interface RecordClient {

    @GetMapping("/api/v1/public/subjects/{code}/records")
    RecordPage<PublicRecord> publicRecords(@PathVariable("code") String subjectId, @RequestParam("page") int page,
            @RequestParam("size") int size);

    @GetMapping("/api/v1/catalog")
    CatalogView catalog();

    @GetMapping("/internal/v1/subjects/{id}/evaluation")
    EvaluationView evaluation(@PathVariable("id") String subjectId, @RequestParam("view") String view);

    @GetMapping("/internal/v1/changes")
    FeedHead changes(@RequestParam("after") long after, @RequestParam("limit") int limit);
}
