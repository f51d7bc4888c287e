package org.publiccredit.record.monitoring;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.List;
import org.publiccredit.commons.problem.ApiException;
import org.publiccredit.commons.problem.FieldProblem;
import org.publiccredit.commons.security.Caller;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Monitoring (信用监测预警) for partner clients: the watch list, the webhook endpoint, the delivery log and replays. */
@RestController
@Validated
class MonitoringController {

    private final WatchList watchList;
    private final Webhooks webhooks;
    private final Deliveries deliveries;

    MonitoringController(WatchList watchList, Webhooks webhooks, Deliveries deliveries) {
        this.watchList = watchList;
        this.webhooks = webhooks;
        this.deliveries = deliveries;
    }

    /** @param subjects USCC codes or id numbers (bodies only), at most 10,000 */
    record Subjects(List<Object> subjects) {
    }

    /** @param url the https endpoint events are POSTed to */
    record WebhookRequest(String url) {
    }

    /** @param from replay the events that occurred since this instant (ISO-8601) */
    record ReplayRequest(String from) {
    }

    @PutMapping("/api/v1/monitoring/watchlist")
    @Operation(operationId = "addToWatchList", summary = "Adds subjects to the partner's watch list in bulk (up to 10,000 codes; "
            + "a list holds at most 100,000): invalid or unregistered codes are reported per item, the others added (partner)")
    @ApiResponse(responseCode = "200", description = "added, already watched, total, errors per item")
    @ApiResponse(responseCode = "422", description = "WATCHLIST_FULL: the list would exceed its limit; nothing was added")
    WatchList.Outcome add(@RequestBody Subjects request, Caller caller) {
        return watchList.add(caller, request.subjects());
    }

    @PostMapping("/api/v1/monitoring/watchlist:remove")
    @Operation(operationId = "removeFromWatchList", summary = "Removes subjects from the partner's watch list in bulk (partner)")
    @ApiResponse(responseCode = "200", description = "removed, not watched, total, errors per item")
    WatchList.Outcome remove(@RequestBody Subjects request, Caller caller) {
        return watchList.remove(caller, request.subjects());
    }

    @GetMapping("/api/v1/monitoring/watchlist")
    @Operation(operationId = "getWatchList", summary = "The partner's watch list, by code, a page at a time (partner)")
    WatchList.Page list(@RequestParam(defaultValue = "0") @Min(0) @Max(100_000) int page,
            @RequestParam(defaultValue = "100") @Min(1) @Max(1000) int size, Caller caller) {
        return watchList.list(caller, page, size);
    }

    @PutMapping("/api/v1/monitoring/webhook")
    @Operation(operationId = "setWebhook", summary = "Sets the partner's webhook endpoint and answers a new signing secret, "
            + "shown this once (partner)")
    @ApiResponse(responseCode = "200", description = "the url and the secret")
    @ApiResponse(responseCode = "422", description = "WEBHOOK_TARGET_REFUSED: not https, or a private, loopback, link-local, "
            + "multicast or unspecified address")
    Webhooks.Secret setWebhook(@RequestBody WebhookRequest request, Caller caller) {
        return webhooks.set(caller, request.url());
    }

    @PostMapping("/api/v1/monitoring/webhook:rotate-secret")
    @Operation(operationId = "rotateWebhookSecret", summary = "A new signing secret; the previous one keeps signing for 24 h (partner)")
    @ApiResponse(responseCode = "200", description = "the new secret and until when the previous one signs")
    @ApiResponse(responseCode = "409", description = "WEBHOOK_NOT_SET")
    Webhooks.Secret rotate(Caller caller) {
        return webhooks.rotate(caller);
    }

    @GetMapping("/api/v1/monitoring/webhook")
    @Operation(operationId = "getWebhook", summary = "The partner's webhook endpoint and its state, never the secret (partner)")
    Webhooks.Endpoint getWebhook(Caller caller) {
        return webhooks.get(caller);
    }

    @GetMapping("/api/v1/monitoring/deliveries")
    @Operation(operationId = "listWebhookDeliveries", summary = "The partner's events and their delivery, newest first "
            + "(partner: its own; admin: the client named)")
    Deliveries.Page deliveries(@RequestParam(required = false) String since, @RequestParam(required = false) String client,
            @RequestParam(defaultValue = "0") @Min(0) @Max(100_000) int page,
            @RequestParam(defaultValue = "100") @Min(1) @Max(1000) int size, Caller caller) {
        return deliveries.list(caller, since == null || since.isBlank() ? null : instant("since", since), client, page, size);
    }

    @PostMapping("/api/v1/monitoring/deliveries:replay")
    @Operation(operationId = "replayWebhookDeliveries", summary = "Queues the partner's events since an instant again, with the "
            + "same event ids (partner)")
    @ApiResponse(responseCode = "200", description = "how many were queued again")
    Deliveries.Replay replay(@RequestBody ReplayRequest request, Caller caller) {
        MonitoringClients.clientOf(caller);
        return deliveries.replay(caller, request.from() == null || request.from().isBlank() ? null : instant("from", request.from()));
    }

    private static Instant instant(String field, String value) {
        try {
            return OffsetDateTime.parse(value.strip()).toInstant();
        } catch (DateTimeParseException e) {
            throw ApiException.invalid("PARAMETER_INVALID", "Not an ISO-8601 instant",
                    List.of(new FieldProblem(field, "INSTANT_INVALID", "an ISO-8601 instant such as 2026-12-01T00:00:00Z")));
        }
    }
}
