package org.publiccredit.record.exchange;

import io.swagger.v3.oas.annotations.Operation;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import java.io.ByteArrayOutputStream;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.Executors;
import org.publiccredit.commons.security.Caller;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.SequenceWriter;
import tools.jackson.databind.json.JsonMapper;

/** The exchange feed for partners and the provincial platform (partner clients, admins): JSON pages or NDJSON. */
@RestController
@Validated
class ExchangeController {

    static final String NDJSON = "application/x-ndjson";
    private static final Executor WRITERS = Executors.newVirtualThreadPerTaskExecutor();

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
        List<Map<String, Object>> changes = page.changes();
        ByteArrayOutputStream out = new ByteArrayOutputStream(changes.size() * 1024 + 128);
        // a page's changes are independent: a large page is written in two halves at once (a client reads its pages one
        // after the other, so this is the time it waits)
        int half = changes.size() >= 1000 ? changes.size() / 2 : 0;
        CompletableFuture<byte[]> first = CompletableFuture.supplyAsync(() -> lines(changes.subList(0, half)), WRITERS);
        byte[] second = lines(changes.subList(half, changes.size()));
        out.writeBytes(first.join());
        out.writeBytes(second);
        Map<String, Object> tail = new LinkedHashMap<>();
        tail.put("lastSeq", page.lastSeq());
        tail.put("headSeq", page.headSeq());
        tail.put("hasMore", page.hasMore());
        json.writeValue(out, tail);
        out.write('\n');
        return ResponseEntity.ok().contentType(MediaType.parseMediaType(NDJSON)).body(out.toByteArray());
    }

    /** One JSON line per change, through one generator (one per change was a third of a page's time). */
    private byte[] lines(List<Map<String, Object>> changes) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(changes.size() * 1024);
        try (SequenceWriter lines = json.writer().withRootValueSeparator("\n").writeValues(out)) {
            lines.writeAll(changes);
        }
        if (!changes.isEmpty()) {
            out.write('\n');
        }
        return out.toByteArray();
    }
}
