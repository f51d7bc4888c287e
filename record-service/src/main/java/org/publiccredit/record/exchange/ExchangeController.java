package org.publiccredit.record.exchange;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
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
    /** Pages of at least this many changes are written in two halves at once. */
    static final int SPLIT_FROM = 1000;
    private static final Executor WRITERS = Executors.newVirtualThreadPerTaskExecutor();
    private static final byte[] OPEN_CHANGES = "{\"changes\":[".getBytes(StandardCharsets.UTF_8);

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
    @ApiResponse(responseCode = "200", description = "A page of the feed", content = @Content(mediaType = MediaType.APPLICATION_JSON_VALUE,
            schema = @Schema(implementation = ExchangeFeed.Page.class)))
    ResponseEntity<byte[]> changes(@RequestParam(defaultValue = "0") @Min(0) long after,
            @RequestParam(defaultValue = "500") @Min(1) @Max(5000) int limit, Caller caller) {
        ExchangeFeed.Page page = feed.pull(caller, after, limit);
        ByteArrayOutputStream out = new ByteArrayOutputStream(page.changes().size() * 1024 + 128);
        out.writeBytes(OPEN_CHANGES);
        out.writeBytes(joined(page.changes(), ","));
        out.write(']');
        byte[] position = json.writeValueAsBytes(position(page)); // {"lastSeq":…}: its members follow the list
        out.write(',');
        out.write(position, 1, position.length - 1);
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_JSON).body(out.toByteArray());
    }

    @GetMapping(path = "/api/v1/exchange/changes", produces = NDJSON)
    @Operation(operationId = "pullExchangeChangesNdjson", summary = "The exchange feed as NDJSON (partner, admin)")
    ResponseEntity<byte[]> changesNdjson(@RequestParam(defaultValue = "0") @Min(0) long after,
            @RequestParam(defaultValue = "500") @Min(1) @Max(5000) int limit, Caller caller) {
        ExchangeFeed.Page page = feed.pull(caller, after, limit);
        ByteArrayOutputStream out = new ByteArrayOutputStream(page.changes().size() * 1024 + 128);
        out.writeBytes(joined(page.changes(), "\n"));
        if (!page.changes().isEmpty()) {
            out.write('\n');
        }
        json.writeValue(out, position(page));
        out.write('\n');
        return ResponseEntity.ok().contentType(MediaType.parseMediaType(NDJSON)).body(out.toByteArray());
    }

    /** The page's position: {@code lastSeq}, {@code headSeq}, {@code hasMore}. */
    private static Map<String, Object> position(ExchangeFeed.Page page) {
        Map<String, Object> position = new LinkedHashMap<>();
        position.put("lastSeq", page.lastSeq());
        position.put("headSeq", page.headSeq());
        position.put("hasMore", page.hasMore());
        return position;
    }

    /**
     * The changes as JSON values joined by the separator. A page's changes are independent: a large page is written in two
     * halves at once (a client reads its pages one after the other, so this is the time it waits), each half through one
     * generator (one per change was a third of a page's time).
     */
    private byte[] joined(List<Map<String, Object>> changes, String separator) {
        if (changes.size() < SPLIT_FROM) {
            return values(changes, separator);
        }
        int half = changes.size() / 2;
        CompletableFuture<byte[]> first = CompletableFuture.supplyAsync(() -> values(changes.subList(0, half), separator), WRITERS);
        byte[] second = values(changes.subList(half, changes.size()), separator);
        byte[] firstBytes = first.join();
        ByteArrayOutputStream out = new ByteArrayOutputStream(firstBytes.length + second.length + 1);
        out.writeBytes(firstBytes);
        out.writeBytes(separator.getBytes(StandardCharsets.UTF_8));
        out.writeBytes(second);
        return out.toByteArray();
    }

    private byte[] values(List<Map<String, Object>> changes, String separator) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(changes.size() * 1024);
        try (SequenceWriter values = json.writer().withRootValueSeparator(separator).writeValues(out)) {
            values.writeAll(changes);
        }
        return out.toByteArray();
    }
}
