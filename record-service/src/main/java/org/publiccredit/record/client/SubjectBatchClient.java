package org.publiccredit.record.client;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;
import org.publiccredit.commons.problem.FieldProblem;
import org.springframework.cloud.openfeign.FeignClient;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;

/**
 * subject-service's bulk resolve (docs/contracts.md, {@code POST /internal/v1/subjects:resolveBatch}), a client of its
 * own so that its read timeout (a transaction of up to 1,000 resolves) does not lengthen the single resolve's.
 */
@FeignClient(name = "subject-batch", url = "${platform.services.subject:http://127.0.0.1:8081}", configuration = SubjectClientConfig.class)
interface SubjectBatchClient {

    /**
     * @param items up to 1,000 resolve requests
     * @param create false: look up only, create nothing (unknown identifiers come back refused with SUBJECT_NOT_FOUND);
     *               null (left out of the JSON): resolve, creating unknown subjects
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record BatchRequest(List<SubjectClient.ResolveRequest> items, Boolean create) {

        BatchRequest(List<SubjectClient.ResolveRequest> items) {
            this(items, null);
        }
    }

    /**
     * One item's answer: a ref, or the code and errors of a refused identifier.
     *
     * @param index the item's position in the request
     * @param ref the subject
     * @param code why it was refused
     * @param errors the field errors of a refused item
     */
    record BatchItem(int index, SubjectRef ref, String code, List<FieldProblem> errors) {
    }

    /**
     * @param results one per item, in order
     */
    record BatchResponse(List<BatchItem> results) {
    }

    /** Idempotent on each identifier; one refused item does not stop the others. */
    @PostMapping("/internal/v1/subjects:resolveBatch")
    BatchResponse resolveBatch(@RequestBody BatchRequest request);
}
