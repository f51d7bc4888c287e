package org.publiccredit.report.client;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.publiccredit.commons.problem.ApiException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;

/**
 * subject-service as reports use it. Policy: a look-up that finds nothing is empty (the caller decides on a 404); no
 * answer is a 503 problem for the report that needed it (a report is never built on guessed data).
 */
@Component
public class Subjects {

    private static final Logger log = LoggerFactory.getLogger(Subjects.class);

    private final SubjectClient client;

    Subjects(SubjectClient client) {
        this.client = client;
    }

    /** The subject of a USCC, an id number or a subject id; never creates one. The identifier is never logged. */
    public Optional<SubjectRef> find(String subject) {
        try {
            UUID id = UUID.fromString(subject);
            return Optional.ofNullable(client.byId(id.toString()));
        } catch (IllegalArgumentException notAnId) {
            // an identifier: looked up below
        } catch (RuntimeException e) {
            return notFoundOrFail(e);
        }
        try {
            ResolveBatch answer = client.resolveBatch(Map.of("items", List.of(Map.of("identifier", subject)), "create", false));
            return answer == null || answer.results() == null ? Optional.empty()
                    : answer.results().stream().findFirst().map(ResolveBatch.Item::ref);
        } catch (RuntimeException e) {
            return notFoundOrFail(e);
        }
    }

    /** An organisation's public registration data; empty for a natural person (not public) or when unknown. */
    public Optional<Registration> registration(String subjectId) {
        try {
            return Optional.ofNullable(client.registration(subjectId));
        } catch (RuntimeException e) {
            return notFoundOrFail(e);
        }
    }

    /** The subject feed's highest committed sequence: part of the report's data cut-off. */
    public long feedHead() {
        try {
            FeedHead head = client.changes(0, 1);
            return head.headSeq() != null ? head.headSeq() : head.lastSeq();
        } catch (RuntimeException e) {
            throw unavailable(CallFailure.of(e));
        }
    }

    private static <T> Optional<T> notFoundOrFail(RuntimeException e) {
        CallFailure f = CallFailure.of(e);
        if (f.status() == 404 || f.status() == 400) {
            return Optional.empty();
        }
        throw unavailable(f);
    }

    private static ApiException unavailable(CallFailure f) {
        log.warn("subject-service read failed: {}", f.summary());
        return new ApiException(HttpStatus.SERVICE_UNAVAILABLE, "SUBJECT_SERVICE_UNAVAILABLE",
                "The subject registry cannot be read right now; try again shortly").retryAfter(5);
    }
}
