package org.publiccredit.objection;

import static org.hamcrest.Matchers.hasItem;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.List;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.ResultMatcher;

/** What a refusal of the API looks like: an RFC 9457 problem with its status and stable code, and the offending fields. */
public final class ProblemAnswers {

    private ProblemAnswers() {
    }

    /** A problem answer with this status and {@code code}. */
    public static ResultMatcher problem(int status, String code) {
        List<ResultMatcher> all = List.of(status().is(status), content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON),
                jsonPath("$.status").value(status), jsonPath("$.code").value(code));
        return result -> {
            for (ResultMatcher m : all) {
                m.match(result);
            }
        };
    }

    /** Among the problem's {@code errors}, one for {@code field} with {@code code}. */
    public static ResultMatcher offending(String field, String code) {
        return jsonPath("$.errors[?(@.field == '" + field + "')].code").value(hasItem(code));
    }
}
