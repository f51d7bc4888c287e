package org.publiccredit.objection.client;

import org.springframework.cloud.openfeign.FeignClient;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

/** Reads of record-service: idempotent, so retried (see {@link InternalClientConfig.Reads}). */
@FeignClient(name = "record", url = "${platform.services.record}", configuration = InternalClientConfig.Reads.class)
interface RecordClient {

    @GetMapping("/internal/v1/records/{id}")
    RecordView get(@PathVariable("id") String id);
}
