package org.publiccredit.record.publicity;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.publiccredit.commons.problem.ApiException;
import org.publiccredit.commons.problem.FieldProblem;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * docs/contracts.md: {@code GET /internal/v1/subjects/{subjectId}/summary} and the batch
 * {@code POST /internal/v1/subjects:summaries} (role internal).
 */
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

    /**
     * @param subjectIds up to 1,000 subject ids
     */
    record SummariesRequest(List<String> subjectIds) {
    }

    /**
     * @param summaries one per distinct subject id asked, in the order asked
     */
    record SummariesResponse(List<SummaryService.Summary> summaries) {
    }

    @PostMapping("/internal/v1/subjects:summaries")
    SummariesResponse summaries(@RequestBody SummariesRequest request) {
        List<String> raw = request == null || request.subjectIds() == null ? List.of() : request.subjectIds();
        List<FieldProblem> problems = new ArrayList<>();
        if (raw.size() > SummaryService.MAX_BATCH) {
            problems.add(new FieldProblem("subjectIds", "TOO_MANY_SUBJECTS", "at most " + SummaryService.MAX_BATCH + " subject ids"));
        }
        List<UUID> ids = new ArrayList<>(raw.size());
        for (int i = 0; i < raw.size() && problems.isEmpty(); i++) {
            try {
                ids.add(UUID.fromString(raw.get(i)));
            } catch (IllegalArgumentException | NullPointerException e) {
                problems.add(new FieldProblem("subjectIds[" + i + "]", "SUBJECT_ID_INVALID", "not a subject id (UUID)"));
            }
        }
        if (!problems.isEmpty()) {
            throw ApiException.invalid("VALIDATION_FAILED", "The summaries request is invalid", problems);
        }
        return new SummariesResponse(summaries.summaries(ids));
    }
}
