package org.publiccredit.record.publicity;

import java.util.UUID;
import org.publiccredit.commons.problem.ApiException;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/** docs/contracts.md: {@code GET /internal/v1/subjects/{subjectId}/summary} (role internal). */
@RestController
class InternalSummaryController {

    private final SummaryService summaries;

    InternalSummaryController(SummaryService summaries) {
        this.summaries = summaries;
    }

    @GetMapping("/internal/v1/subjects/{subjectId}/summary")
    SummaryService.Summary summary(@PathVariable String subjectId) {
        UUID id;
        try {
            id = UUID.fromString(subjectId);
        } catch (IllegalArgumentException e) {
            throw ApiException.notFound("Subject");
        }
        return summaries.summary(id);
    }
}
