package org.publiccredit.search.indexer;

import java.time.Clock;
import java.util.Optional;
import java.util.UUID;
import org.publiccredit.commons.problem.ApiException;
import org.publiccredit.search.index.ElasticsearchGuard;
import org.publiccredit.search.index.MetaStore;
import org.publiccredit.search.index.RebuildJob;
import org.springframework.stereotype.Service;

/**
 * Asks for a full rebuild: the job is written to the meta index, and whichever instance holds the indexer lease
 * runs it (so any replica may take the request).
 */
@Service
class RebuildService {

    private final MetaStore meta;
    private final ElasticsearchGuard guard;
    private final Clock clock;

    RebuildService(MetaStore meta, ElasticsearchGuard guard, Clock clock) {
        this.meta = meta;
        this.guard = guard;
        this.clock = clock;
    }

    RebuildJob request(String requestedBy) {
        return guard.read(() -> {
            meta.ensureIndex();
            Optional<RebuildJob> active = meta.activeJob();
            if (active.isPresent()) {
                throw ApiException.conflict("REBUILD_IN_PROGRESS", "Rebuild " + active.get().id() + " is already "
                        + active.get().state().name().toLowerCase(java.util.Locale.ROOT));
            }
            RebuildJob job = RebuildJob.requested(UUID.randomUUID().toString(), "requested", requestedBy, clock.instant());
            meta.saveJob(job);
            return job;
        });
    }

    Optional<RebuildJob> job(String id) {
        return guard.read(() -> {
            meta.ensureIndex();
            return meta.job(id);
        });
    }
}
