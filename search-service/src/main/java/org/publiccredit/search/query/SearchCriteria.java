package org.publiccredit.search.query;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
import org.publiccredit.commons.problem.ApiException;
import org.publiccredit.commons.problem.FieldProblem;
import org.publiccredit.search.index.Filters;
import org.springframework.http.HttpStatus;

/**
 * A checked public search: the text (NFKC-normalised, whitespace collapsed), whether it looks like a code or a code
 * prefix, the filters and the page. The text and the filters a caller typed are validated here (their problems all at
 * once); the page and its size by Bean Validation on the controller's parameters, before. The query built from it is
 * only term, prefix and match queries, never query-string syntax.
 *
 * @param text the search text, or null for filters only
 * @param code the text as an upper-case code (prefix) when it can be one (separators such as hyphens and spaces dropped), else null
 * @param region a 2-, 4- or 6-digit division code prefix
 * @param type a subject type
 * @param list {@code red}, {@code black} or {@code abnormal} (经营异常名录)
 * @param category a catalog code
 * @param grades credit grades (A-D), any of which matches; empty for all
 * @param industry a GB/T 4754 section letter A-T
 * @param page the page, from 0
 * @param size the page size, 1-50
 */
public record SearchCriteria(String text, String code, String region, String type, String list, String category, List<String> grades,
        String industry, int page, int size) {

    public SearchCriteria {
        grades = grades != null ? List.copyOf(grades) : List.of();
        if (page < 0 || size < 1 || size > MAX_SIZE) {
            // checked before (SearchController's constraints): a caller that did not is a bug, not a bad request
            throw new IllegalArgumentException("page " + page + " or size " + size + " out of range");
        }
    }

    public static final int MAX_TEXT = 100;
    public static final int MAX_SIZE = 50;
    public static final int DEFAULT_SIZE = 20;
    /** Elasticsearch's max_result_window: deeper pages are refused with SEARCH_TOO_DEEP. */
    public static final int MAX_WINDOW = 10_000;

    private static final Pattern CONTROL = Pattern.compile("[\\p{Cc}\\p{Cf}\\p{Co}\\p{Cn}&&[^\\u200d]]");
    private static final Pattern CODE = Pattern.compile("[0-9A-Z]{2,18}");
    /** What people put between a code's parts (91450205-MA5QJWYL96, MA5QJWYL-9, 9145 0205 …): not part of it. */
    private static final Pattern SEPARATORS = Pattern.compile("[\\s\\-‐‑‒–—―_.·/]");
    private static final Pattern CATEGORY = Pattern.compile("[A-Z][A-Z0-9_]{0,39}");

    public static SearchCriteria of(String q, String region, String type, String list, String category, Integer page, Integer size) {
        return of(q, region, type, list, category, null, null, page, size);
    }

    /**
     * A checked search with every filter: {@code grade} is {@code A} or a list such as {@code C,D}; {@code page} (from 0)
     * and {@code size} (1-{@value #MAX_SIZE}) are checked already, null for their defaults.
     */
    public static SearchCriteria of(String q, String region, String type, String list, String category, String grade, String industry,
            Integer page, Integer size) {
        List<FieldProblem> problems = new ArrayList<>();
        String text = null;
        if (q != null) {
            if (q.length() > MAX_TEXT * 4) {
                throw tooLong();
            }
            if (CONTROL.matcher(q).find()) {
                throw new ApiException(HttpStatus.BAD_REQUEST, "SEARCH_QUERY_INVALID", "The search text contains control characters",
                        List.of(new FieldProblem("q", "SEARCH_QUERY_INVALID", "must not contain control characters")));
            }
            text = Normalizer.normalize(q, Normalizer.Form.NFKC).strip().replaceAll("\\s+", " ");
            if (text.length() > MAX_TEXT) {
                throw tooLong();
            }
            if (text.isEmpty()) {
                text = null;
            }
        }
        String code = null;
        if (text != null) {
            String compact = SEPARATORS.matcher(text).replaceAll("").toUpperCase(Locale.ROOT);
            if (CODE.matcher(compact).matches() && compact.chars().anyMatch(Character::isDigit)) {
                code = compact;
            }
        }
        String r = Filters.region("region", region, problems);
        String t = Filters.type("type", type, problems);
        String l = blankToNull(list);
        if (l != null) {
            l = l.toLowerCase(Locale.ROOT);
            if (!l.equals("red") && !l.equals("black") && !l.equals("abnormal")) {
                problems.add(new FieldProblem("list", "FIELD_INVALID", "must be red, black or abnormal"));
            }
        }
        String c = blankToNull(category);
        if (c != null) {
            c = c.toUpperCase(Locale.ROOT);
            if (!CATEGORY.matcher(c).matches()) {
                problems.add(new FieldProblem("category", "FIELD_PATTERN", "must be a catalog code, e.g. ADM_PENALTY"));
            }
        }
        List<String> g = Filters.grades("grade", grade, problems);
        String i = Filters.industry("industry", industry, problems);
        int p = page != null ? page : 0;
        int s = size != null ? size : DEFAULT_SIZE;
        if (!problems.isEmpty()) {
            throw ApiException.invalid("VALIDATION_FAILED", "The request has invalid parameters", problems);
        }
        if ((long) p * s + s > MAX_WINDOW) {
            throw new ApiException(HttpStatus.BAD_REQUEST, "SEARCH_TOO_DEEP",
                    "Results beyond the first " + MAX_WINDOW + " are not paged: use filters to narrow the search").args(MAX_WINDOW);
        }
        if (text == null && r == null && t == null && l == null && c == null && g.isEmpty() && i == null) {
            throw new ApiException(HttpStatus.BAD_REQUEST, "SEARCH_QUERY_EMPTY",
                    "Give a name, a code or a filter (region, type, list, category, grade, industry)",
                    List.of(new FieldProblem("q", "SEARCH_QUERY_EMPTY", "must not be empty without a filter")));
        }
        return new SearchCriteria(text, code, r, t, l, c, g, i, p, s);
    }

    /** Suggestions in a page at most. */
    public static final int MAX_SUGGESTIONS = 20;

    /** Suggestions in a page unless asked otherwise. */
    static final int DEFAULT_SUGGESTIONS = 8;

    /**
     * The checked text of a suggestion request (what the search box holds so far), with the same rules as a search's
     * {@code q}, and the number of suggestions wanted (checked already: 1-{@value #MAX_SUGGESTIONS}; null: 8).
     */
    static Suggest suggest(String q, Integer size) {
        SearchCriteria c = of(q, null, null, null, null, 0, 1);
        return new Suggest(c.text(), size != null ? size : DEFAULT_SUGGESTIONS);
    }

    /**
     * A checked suggestion request.
     *
     * @param text the text typed so far (NFKC, white space collapsed)
     * @param size how many suggestions
     */
    record Suggest(String text, int size) {
    }

    private static ApiException tooLong() {
        return new ApiException(HttpStatus.BAD_REQUEST, "SEARCH_QUERY_TOO_LONG", "The search text is longer than " + MAX_TEXT + " characters",
                List.of(FieldProblem.of("q", "SEARCH_QUERY_TOO_LONG", null, MAX_TEXT))).args(MAX_TEXT);
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
