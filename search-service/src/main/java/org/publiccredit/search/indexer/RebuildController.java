package org.publiccredit.search.indexer;

import java.net.URI;
import java.time.Instant;
import java.util.regex.Pattern;
import org.publiccredit.commons.problem.ApiException;
import org.publiccredit.commons.security.Caller;
import org.publiccredit.search.index.RebuildJob;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

/** Full rebuilds of the index (admin): ask for one, follow its progress. */
@RestController
@PreAuthorize("hasRole('ADMIN')")
class RebuildController {

    private static final Pattern ID = Pattern.compile("[0-9a-f-]{36}");
    private final RebuildService rebuilds;

    RebuildController(RebuildService rebuilds) {
        this.rebuilds = rebuilds;
    }

    @PostMapping("/api/v1/admin/search:rebuild")
    ResponseEntity<RebuildView> rebuild(Caller caller) {
        RebuildJob job = rebuilds.request(caller.username() != null ? caller.username() : caller.clientId());
        RebuildView view = RebuildView.of(job);
        return ResponseEntity.accepted().location(URI.create(view.self())).body(view);
    }

    @GetMapping("/api/v1/admin/search/rebuilds/{id}")
    RebuildView job(@PathVariable String id) {
        if (!ID.matcher(id).matches()) {
            throw ApiException.notFound("Rebuild");
        }
        return rebuilds.job(id).map(RebuildView::of).orElseThrow(() -> ApiException.notFound("Rebuild"));
    }

    /**
     * A rebuild as the API shows it.
     *
     * @param id job id
     * @param state PENDING, RUNNING, DONE or FAILED
     * @param reason why it runs
     * @param requestedBy who asked
     * @param requestedAt when
     * @param startedAt when the active indexer picked it up
     * @param finishedAt when its index took over (or it failed)
     * @param index the new index
     * @param previousIndex the index it replaces
     * @param subjectSeq subject feed sequence reached
     * @param subjectHead subject feed head last seen
     * @param recordSeq record feed sequence reached
     * @param recordHead record feed head last seen
     * @param documents documents in the new index when it took over
     * @param error why it failed
     * @param self this resource
     */
    record RebuildView(String id, String state, String reason, String requestedBy, Instant requestedAt, Instant startedAt,
            Instant finishedAt, String index, String previousIndex, Long subjectSeq, Long subjectHead, Long recordSeq, Long recordHead,
            Long documents, String error, String self) {

        static RebuildView of(RebuildJob j) {
            return new RebuildView(j.id(), j.state().name(), j.reason(), j.requestedBy(), j.requestedAt(), j.startedAt(), j.finishedAt(),
                    j.index(), j.previousIndex(), j.subjectSeq(), j.subjectHead(), j.recordSeq(), j.recordHead(), j.documents(), j.error(),
                    "/api/v1/admin/search/rebuilds/" + j.id());
        }
    }
}
