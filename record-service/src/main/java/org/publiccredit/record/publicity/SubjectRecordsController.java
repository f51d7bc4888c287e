package org.publiccredit.record.publicity;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import org.publiccredit.commons.security.Caller;
import org.springframework.validation.annotation.Validated;
import java.util.ArrayList;
import java.util.List;
import org.publiccredit.commons.id.IdNumber;
import org.publiccredit.commons.id.IdentifierCheck;
import org.publiccredit.commons.problem.ApiException;
import org.publiccredit.commons.problem.FieldProblem;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** A subject's records: the public view for anyone, the whole file for those allowed. */
@RestController
@Validated
class SubjectRecordsController {

    private final SubjectRecords subjectRecords;

    SubjectRecordsController(SubjectRecords subjectRecords) {
        this.subjectRecords = subjectRecords;
    }

    @GetMapping("/api/v1/public/subjects/{code}/records")
    @Operation(operationId = "listPublicRecords", summary = "A subject's publicly visible records (public), a page at a time",
            description = "Not found and not public look the same: an empty page.")
    SubjectRecords.Page<PublicRecordView> publicRecords(@PathVariable String code, @RequestParam(required = false) String category,
            @RequestParam(defaultValue = "0") @Min(0) @Max(10_000) int page,
            @RequestParam(defaultValue = "20") @Min(1) @Max(100) int size) {
        return subjectRecords.publicRecords(code, category, page, size);
    }

    /** The caller's own file: the code comes from the token, so an id number never appears in a URL or a log. */
    @GetMapping("/api/v1/subjects/mine/records")
    @Operation(operationId = "listMyRecords", summary = "The caller's own file (enterprise by its uscc claim, citizen by id_number), "
            + "public or not, with the reasons")
    SubjectRecords.Page<RecordView> mine(@RequestParam(required = false) String category,
            @RequestParam(defaultValue = "0") @Min(0) @Max(10_000) int page,
            @RequestParam(defaultValue = "20") @Min(1) @Max(100) int size, Caller caller) {
        return subjectRecords.mine(caller, category, page, size);
    }

    /** One record of the caller's own file (same shape as an item of the list above); anyone else's, or unknown: 404. */
    @GetMapping("/api/v1/subjects/mine/records/{recordId}")
    @Operation(operationId = "getMyRecord", summary = "One record of the caller's own file")
    @ApiResponse(responseCode = "200", description = "the record")
    @ApiResponse(responseCode = "404", description = "NOT_FOUND: no such record in the caller's file")
    RecordView mineRecord(@PathVariable String recordId, Caller caller) {
        return subjectRecords.mineById(caller, recordId);
    }

    /**
     * @param idNumber the person's resident id number (never in a URL)
     * @param category only this category, or null
     * @param page page from 0
     * @param size page size
     */
    record LookupRequest(String idNumber, String category, Integer page, Integer size) {
    }

    /** A person's file for those allowed (officers, reviewers, admins; the person himself): the number in the body. */
    @PostMapping("/api/v1/subjects/records:lookup")
    @Operation(operationId = "lookupPersonRecords", summary = "A natural person's file by id number in the body (an id number is "
            + "never sent in a URL); the same answer and rights as listSubjectRecords")
    @ApiResponse(responseCode = "200", description = "a page of the file")
    @ApiResponse(responseCode = "400", description = "VALIDATION_FAILED: idNumber missing or not a valid id number, bad paging")
    @ApiResponse(responseCode = "404", description = "NOT_FOUND: no such subject, or not the caller's to read")
    SubjectRecords.Page<RecordView> lookup(@RequestBody LookupRequest request, Caller caller) {
        List<FieldProblem> problems = new ArrayList<>();
        String idNumber = request == null ? null : request.idNumber();
        if (idNumber == null || idNumber.isBlank()) {
            problems.add(new FieldProblem("idNumber", "FIELD_REQUIRED", "the person's resident id number"));
        } else {
            IdentifierCheck check = IdNumber.check(idNumber);
            if (!check.valid()) {
                problems.add(new FieldProblem("idNumber", check.errorCodes().getFirst(), "not a valid resident id number"));
            }
        }
        int page = request == null || request.page() == null ? 0 : request.page();
        int size = request == null || request.size() == null ? 20 : request.size();
        if (page < 0 || page > 10_000) {
            problems.add(new FieldProblem("page", "FIELD_OUT_OF_RANGE", "0 to 10000"));
        }
        if (size < 1 || size > 100) {
            problems.add(new FieldProblem("size", "FIELD_OUT_OF_RANGE", "1 to 100"));
        }
        if (!problems.isEmpty()) {
            throw ApiException.invalid("VALIDATION_FAILED", "The lookup is invalid", problems);
        }
        return subjectRecords.recordsFor(caller, idNumber, request.category(), page, size);
    }

    @GetMapping("/api/v1/subjects/{code}/records")
    @Operation(operationId = "listSubjectRecords", summary = "A subject's whole file (officers, reviewers, admins, partners; the "
            + "subject itself), with non-public records and their reasons",
            description = "An enterprise user asking for another subject's file gets 404, as if it did not exist.")
    @ApiResponse(responseCode = "200", description = "a page of the file")
    @ApiResponse(responseCode = "404", description = "NOT_FOUND: no such subject, or not the caller's")
    SubjectRecords.Page<RecordView> records(@PathVariable String code, @RequestParam(required = false) String category,
            @RequestParam(defaultValue = "0") @Min(0) @Max(10_000) int page,
            @RequestParam(defaultValue = "20") @Min(1) @Max(100) int size, Caller caller) {
        return subjectRecords.recordsFor(caller, code, category, page, size);
    }
}
