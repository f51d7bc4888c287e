package org.publiccredit.search.query;

import jakarta.validation.constraints.Min;
import org.hibernate.validator.constraints.Range;
import org.publiccredit.commons.id.Uscc;
import org.publiccredit.commons.problem.ApiException;
import org.publiccredit.commons.security.Caller;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The public lookup: search, public profiles, and an enterprise's own public document. The page and its size are
 * checked by their constraints (Spring MVC's method validation: 400 VALIDATION_FAILED naming the parameter, with
 * {@code FIELD_MIN} or {@code FIELD_RANGE}); the text and the filters by {@link SearchCriteria}, whose codes no
 * constraint gives (SEARCH_QUERY_*, FIELD_INVALID) and whose filter rules the grade statistics share (Filters).
 */
@RestController
class SearchController {

    private final SubjectSearch search;

    SearchController(SubjectSearch search) {
        this.search = search;
    }

    /**
     * The search; with {@code counts=true} each hit also carries its public records per category as record-service counts
     * them now (one call for the page, a few milliseconds more), otherwise the categories the index holds.
     */
    @GetMapping("/api/v1/search")
    Views.SearchPage search(@RequestParam(required = false) String q, @RequestParam(required = false) String region,
            @RequestParam(required = false) String type, @RequestParam(required = false) String list,
            @RequestParam(required = false) String category, @RequestParam(required = false) String grade,
            @RequestParam(required = false) String industry, @RequestParam(required = false) @Min(0) Integer page,
            @RequestParam(required = false) @Range(min = 1, max = SearchCriteria.MAX_SIZE) Integer size,
            @RequestParam(defaultValue = "false") boolean counts) {
        return search.search(SearchCriteria.of(q, region, type, list, category, grade, industry, page, size), counts);
    }

    /** What the search box may complete the text to: names, former and short names, pinyin and initials. */
    @GetMapping("/api/v1/search/suggest")
    Views.Suggestions suggest(@RequestParam(required = false) String q,
            @RequestParam(required = false) @Range(min = 1, max = SearchCriteria.MAX_SUGGESTIONS) Integer size) {
        return search.suggest(SearchCriteria.suggest(q, size));
    }

    /** Unknown and not public answer the same 404, so nobody can probe who exists. */
    @GetMapping("/api/v1/public/subjects/{code}")
    Views.Profile profile(@PathVariable String code) {
        String key = code.strip();
        if (Uscc.check(key).valid()) {
            return found(Uscc.parse(key).value(), null);
        }
        if (Views.looksLikeSubjectId(key)) {
            return found(null, key.toLowerCase(java.util.Locale.ROOT));
        }
        throw ApiException.notFound("Subject");
    }

    /** The enterprise's own subject as the public sees it, with the time it was last indexed. */
    @GetMapping("/api/v1/search/mine")
    @PreAuthorize("isAuthenticated()")
    Views.Profile mine(Caller caller) {
        String uscc = caller.usccClaim().filter(c -> Uscc.check(c).valid()).orElseThrow(() -> ApiException.notFound("Subject"));
        return found(Uscc.parse(uscc).value(), null);
    }

    private Views.Profile found(String code, String subjectId) {
        return search.profile(code, subjectId).orElseThrow(() -> ApiException.notFound("Subject"));
    }
}
