package org.publiccredit.objection.seed;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import java.util.UUID;
import org.publiccredit.commons.problem.ApiException;
import org.publiccredit.commons.security.Caller;
import org.publiccredit.commons.security.Role;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * Seed-only: moves every time of a case back by whole days so that demo data can show overdue cases. It exists
 * only when {@code platform.seed.backdating-enabled} is true (the local profile; never in k8s), answers only admins,
 * and leaves a SEED_BACKDATE line in the case's history, so a backdated case never passes for a real one.
 */
@RestController
@ConditionalOnProperty(name = "platform.seed.backdating-enabled", havingValue = "true")
class BackdateController {

    private final Backdating backdating;

    BackdateController(Backdating backdating) {
        this.backdating = backdating;
    }

    record BackdateRequest(@Min(1) @Max(365) int days) {
    }

    @PostMapping("/api/v1/cases/{id}:backdate")
    ResponseEntity<Void> backdate(@PathVariable UUID id, @Valid @RequestBody BackdateRequest body, Caller caller) {
        if (!caller.has(Role.ADMIN)) {
            throw ApiException.forbidden("ACCESS_DENIED", "Only an admin may backdate seed data");
        }
        backdating.backdate(id, body.days());
        return ResponseEntity.noContent().build();
    }
}
