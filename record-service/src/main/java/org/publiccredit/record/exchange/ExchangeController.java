package org.publiccredit.record.exchange;

import io.swagger.v3.oas.annotations.Operation;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import java.io.ByteArrayOutputStream;
import java.util.LinkedHashMap;
import java.util.Map;
import org.publiccredit.commons.security.Caller;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.json.JsonMapper;

/** The exchange feed for partners and the provincial platform (partner clients, admins): JSON pages or NDJSON. */
@RestController
@Validated
class ExchangeController {

    static final String NDJSON = "application/x-ndjson";

    private final ExchangeFeed feed;
    private final JsonMapper json;

    ExchangeController(ExchangeFeed feed, JsonMapper json) {
        this.feed = feed;
        this.json = json;
    }

    @GetMapping(path = "/api/v1/exchange/changes", produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(operationId = "pullExchangeChanges", summary = "The exchange feed after a seq: UPSERT (the view the client may "
            + "receive) and WITHDRAWN changes, with lastSeq, headSeq and hasMore (partner, admin)",
            description = "Accept: application/x-ndjson gives one change per line, then a last line {lastSeq, headSeq, hasMore}.")
    ExchangeFeed.Page changes(@RequestParam(defaultValue = "0") @Min(0) long after,
            @RequestParam(defaultValue = "500") @Min(1) @Max(5000) int limit, Caller caller) {
        return feed.pull(caller, after, limit);
    }

    @GetMapping(path = "/api/v1/exchange/changes", produces = NDJSON)
    @Operation(operationId = "pullExchangeChangesNdjson", summary = "The exchange feed as NDJSON (partner, admin)")
    ResponseEntity<byte[]> changesNdjson(@RequestParam(defaultValue = "0") @Min(0) long after,
            @RequestParam(defaultValue = "500") @Min(1) @Max(5000) int limit, Caller caller) {
        ExchangeFeed.Page page = feed.pull(caller, after, limit);
        ByteArrayOutputStream out = new ByteArrayOutputStream(page.changes().size() * 512 + 128);
        for (Map<String, Object> change : page.changes()) {
            json.writeValue(out, change);
            out.write('\n');
        }
        Map<String, Object> tail = new LinkedHashMap<>();
        tail.put("lastSeq", page.lastSeq());
        tail.put("headSeq", page.headSeq());
        tail.put("hasMore", page.hasMore());
        json.writeValue(out, tail);
        out.write('\n');
        return ResponseEntity.ok().contentType(MediaType.parseMediaType(NDJSON)).body(out.toByteArray());
    }
}
