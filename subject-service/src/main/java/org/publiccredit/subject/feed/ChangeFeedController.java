package org.publiccredit.subject.feed;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import org.publiccredit.commons.feed.ChangeLogPages;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The change feed of docs/contracts.md (role internal). */
@RestController
@Tag(name = "internal")
class ChangeFeedController {

    private final ChangeFeed feed;

    ChangeFeedController(ChangeFeed feed) {
        this.feed = feed;
    }

    @GetMapping("/internal/v1/changes")
    @Operation(operationId = "subjectChanges", summary = "Changes after a sequence number (limit ≤ 5000)")
    ChangeLogPages.Page changes(@RequestParam(defaultValue = "0") @Min(0) long after,
            @RequestParam(defaultValue = "500") @Min(1) @Max(5000) int limit) {
        return feed.page(after, limit);
    }
}
