package org.publiccredit.objection.client;

import java.util.Map;
import org.springframework.cloud.openfeign.FeignClient;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;

/**
 * The effects on records (docs/contracts.md), each idempotent on its {@code operationId}. Never retried inside the
 * call: the durable outbox ({@code effect} package) retries until record-service confirms.
 */
@FeignClient(name = "record-effects", url = "${platform.services.record}", configuration = InternalClientConfig.Writes.class)
interface RecordEffectsClient {

    @PostMapping("/internal/v1/records/{id}:dispute")
    RecordView dispute(@PathVariable("id") String id, @RequestBody Map<String, Object> body);

    @PostMapping("/internal/v1/records/{id}:clear-dispute")
    RecordView clearDispute(@PathVariable("id") String id, @RequestBody Map<String, Object> body);

    @PostMapping("/internal/v1/records/{id}:correct")
    RecordView correct(@PathVariable("id") String id, @RequestBody Map<String, Object> body);

    @PostMapping("/internal/v1/records/{id}:revoke")
    RecordView revoke(@PathVariable("id") String id, @RequestBody Map<String, Object> body);

    @PostMapping("/internal/v1/records/{id}:repair")
    RecordView repair(@PathVariable("id") String id, @RequestBody Map<String, Object> body);
}
