package org.publiccredit.objection.client;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.publiccredit.commons.problem.ApiException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;

/**
 * subject-service as this service uses it: finding the subject id of a citizen's verified id number (never creating one),
 * and a subject's registered name (the name the signed texts carry).
 */
@Component
public class Subjects {

    private static final Logger log = LoggerFactory.getLogger(Subjects.class);

    private final SubjectClient client;

    Subjects(SubjectClient client) {
        this.client = client;
    }

    /**
     * The id of the registered subject of an identifier (never logged), looked up without creating or writing anything:
     * empty when no subject has it or subject-service refuses it as invalid. A citizen who files or reads about a record
     * must already be its subject, so an unknown identifier is simply not the record's. 503 problem when subject-service
     * cannot be asked.
     */
    public Optional<String> lookupId(String identifier) {
        try {
            SubjectClient.LookupResponse answer = client.lookup(Map.of("items", List.of(Map.of("identifier", identifier)), "create", false));
            if (answer == null || answer.results() == null) {
                return Optional.empty();
            }
            return answer.results().stream().filter(i -> i != null && i.index() == 0 && i.ref() != null)
                    .map(i -> i.ref().id()).filter(java.util.Objects::nonNull).findFirst();
        } catch (RuntimeException e) {
            CallFailure f = CallFailure.of(e);
            if (f.status() == 400 || f.status() == 422) {
                return Optional.empty();
            }
            log.warn("subject-service resolve failed: {}", f.summary());
            throw new ApiException(HttpStatus.SERVICE_UNAVAILABLE, "SUBJECT_SERVICE_UNAVAILABLE",
                    "Your identity cannot be matched to the record right now; try again shortly");
        }
    }

    /**
     * The subject's registered name (登记名称) in subject-service; empty when unknown, nameless, or subject-service cannot
     * be asked right now (the caller then falls back to the record's name; logged without the id).
     */
    public Optional<String> registeredName(String subjectId) {
        if (subjectId == null || subjectId.isBlank()) {
            return Optional.empty();
        }
        try {
            SubjectRef ref = client.get(subjectId);
            return ref == null || ref.name() == null || ref.name().isBlank() ? Optional.empty() : Optional.of(ref.name().strip());
        } catch (RuntimeException e) {
            CallFailure f = CallFailure.of(e);
            if (f.status() != 404) {
                log.warn("subject-service read of a subject failed: {}", f.summary());
            }
            return Optional.empty();
        }
    }
}
