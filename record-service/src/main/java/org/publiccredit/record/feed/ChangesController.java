package org.publiccredit.record.feed;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import org.publiccredit.commons.feed.ChangeLogPages;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The record change feed for the platform's own services (docs/contracts.md); the reading is {@link RecordChanges}. */
@RestController
@Validated
class ChangesController {

    private final RecordChanges changes;

    ChangesController(RecordChanges changes) {
        this.changes = changes;
    }

    @GetMapping("/internal/v1/changes")
    ChangeLogPages.Page changes(@RequestParam(defaultValue = "0") @Min(0) long after,
            @RequestParam(defaultValue = "500") @Min(1) @Max(5000) int limit) {
        return changes.after(after, limit);
    }
}
