package org.publiccredit.commons.problem;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.MalformedInputException;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.publiccredit.commons.json.JsonInputRules;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.mock.http.MockHttpInputMessage;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

/** A body Jackson refuses is answered with the field it names, or as malformed when there is no field. */
class ProblemAdviceBodyTest {

    record Push(String documentNumber, Map<String, Object> fields) {
    }

    private static final JsonMapper JSON = JsonInputRules.configure(JsonMapper.builder()).build();

    @Test
    void badTextIsAValidationFailureNamingTheField() {
        ProblemDetail problem = answer("{\"fields\":{\"violationFacts\":\"a\\u0000\"}}");
        assertThat(problem.getProperties()).containsEntry("code", "VALIDATION_FAILED");
        assertThat(problem.getProperties().get("errors")).asInstanceOf(org.assertj.core.api.InstanceOfAssertFactories.LIST)
                .containsExactly(new FieldProblem("fields.violationFacts", "TEXT_INVALID_CHARACTER",
                        "含有空字符（NUL）或不成对的 UTF-16 代理字符"));
    }

    @Test
    void aWrongTypeNamesTheField() {
        ProblemDetail problem = answer("{\"documentNumber\":{\"x\":1}}");
        assertThat(problem.getProperties()).containsEntry("code", "VALIDATION_FAILED");
        assertThat((List<?>) problem.getProperties().get("errors")).singleElement()
                .satisfies(e -> assertThat(((FieldProblem) e).field()).isEqualTo("documentNumber"));
    }

    @Test
    void aSyntaxErrorStaysMalformed() {
        assertThat(answer("{not json").getProperties()).containsEntry("code", "MALFORMED_BODY");
    }

    @Test
    void invalidUtf8IsItsOwnCode() {
        var ex = new HttpMessageNotReadableException("x", new MalformedInputException(1), new MockHttpInputMessage(new byte[0]));
        var answer = new ProblemAdvice().handleHttpMessageNotReadable(ex, new HttpHeaders(), HttpStatus.BAD_REQUEST, null);
        assertThat(((ProblemDetail) answer.getBody()).getProperties()).containsEntry("code", "ENCODING_NOT_UTF8");
    }

    private static ProblemDetail answer(String body) {
        try {
            JSON.readValue(body, Push.class);
        } catch (JacksonException e) {
            var ex = new HttpMessageNotReadableException("JSON parse error", e, new MockHttpInputMessage(new byte[0]));
            var answer = new ProblemAdvice().handleHttpMessageNotReadable(ex, new HttpHeaders(), HttpStatus.BAD_REQUEST, null);
            assertThat(answer.getStatusCode().value()).isEqualTo(400);
            return (ProblemDetail) answer.getBody();
        }
        throw new AssertionError("accepted " + body);
    }
}
