package org.publiccredit.record.config;

import static org.hamcrest.Matchers.hasItem;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.ResultMatcher;

/** What a web slice test expects of a refusal: an RFC 9457 problem with its status and stable code, and its fields. */
public final class ProblemMatchers {

    private ProblemMatchers() {
    }

    /** The answer is a problem with this status and {@code code}. */
    public static ResultMatcher problem(HttpStatus status, String code) {
        return all(
                status().is(status.value()),
                content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON),
                jsonPath("$.code").value(code));
    }

    /** One of the problem's {@code errors} names this field with this code. */
    public static ResultMatcher field(String field, String code) {
        return all(
                jsonPath("$.errors[*].field").value(hasItem(field)),
                jsonPath("$.errors[?(@.field == '" + field + "')].code").value(hasItem(code)));
    }

    /** Spring 7 has no ResultMatcher.matchAll. */
    private static ResultMatcher all(ResultMatcher... matchers) {
        return result -> {
            for (ResultMatcher matcher : matchers) {
                matcher.match(result);
            }
        };
    }
}
