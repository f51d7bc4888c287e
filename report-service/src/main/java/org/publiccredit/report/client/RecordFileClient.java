package org.publiccredit.report.client;

import org.springframework.cloud.openfeign.FeignClient;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * A subject's whole file, read with the CALLER's token: record-service decides who sees which records (the subject
 * all, a supplying department its own, reviewers and admins all, anyone else 404) and audits non-public reads, exactly
 * as when the caller reads the file itself.
 */
@FeignClient(name = "record-file", url = "${platform.services.record}", configuration = InternalClientConfig.CallerToken.class)
interface RecordFileClient {

    /** The caller's own file (code from the token's claims: no id number in a URL). */
    @GetMapping("/api/v1/subjects/mine/records")
    RecordPage<FileRecord> mine(@RequestHeader("Authorization") String bearer, @RequestParam("page") int page,
            @RequestParam("size") int size);

    @GetMapping("/api/v1/subjects/{code}/records")
    RecordPage<FileRecord> records(@RequestHeader("Authorization") String bearer, @PathVariable("code") String subjectId,
            @RequestParam("page") int page, @RequestParam("size") int size);
}
