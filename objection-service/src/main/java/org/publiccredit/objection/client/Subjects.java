package org.publiccredit.objection.client;

import java.util.Map;
import java.util.Optional;
import org.publiccredit.commons.problem.ApiException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;

/** subject-service as this service uses it: turning a citizen's verified id number into a subject id. */
@Component
public class Subjects {

    private static final Logger log = LoggerFactory.getLogger(Subjects.class);

    private final SubjectClient client;

    Subjects(SubjectClient client) {
        this.client = client;
    }

    /**
     * The subject id for an identifier (never logged); empty when subject-service refuses the identifier as invalid.
     * 503 problem when subject-service cannot be asked.
     */
    public Optional<String> resolveId(String identifier) {
        try {
            SubjectRef ref = client.resolve(Map.of("identifier", identifier));
            return Optional.ofNullable(ref).map(SubjectRef::id);
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
}
