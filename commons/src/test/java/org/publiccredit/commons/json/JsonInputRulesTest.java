package org.publiccredit.commons.json;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.publiccredit.commons.problem.FieldProblem;
import org.publiccredit.commons.web.CommonsServletAutoConfiguration;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.jackson.autoconfigure.JacksonAutoConfiguration;
import org.springframework.boot.test.context.runner.WebApplicationContextRunner;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The JSON input rules on the mapper as a service gets it: Boot's Jackson auto-configuration plus commons'. */
class JsonInputRulesTest {

    enum Outcome { UPHELD, DELETED }

    record Subject(String identifier, String name) {
    }

    record Push(Subject subject, String documentNumber, Map<String, Object> fields, List<String> tags) {
    }

    record Decision(Outcome outcome) {
    }

    record Tree(JsonNode data) {
    }

    record Dated(java.time.LocalDate decisionDate) {
    }

    record Versioned(Integer version) {
    }

    private static JsonMapper json;

    @BeforeAll
    static void serviceMapper() {
        new WebApplicationContextRunner()
                .withConfiguration(AutoConfigurations.of(JacksonAutoConfiguration.class, CommonsServletAutoConfiguration.class))
                .run(context -> json = context.getBean(JsonMapper.class));
    }

    @Test
    void aNulInATypedNestedStringNamesItsPath() {
        assertThat(refusal("{\"subject\":{\"name\":\"A\\u0000B\"}}", Push.class))
                .isEqualTo(new FieldProblem("subject.name", "TEXT_INVALID_CHARACTER", org.publiccredit.commons.text.TextRules.MESSAGE));
    }

    @Test
    void aLoneSurrogateInADocumentNumberIsRefused() {
        assertThat(refusal("{\"documentNumber\":\"X\\ud800-1\"}", Push.class).field()).isEqualTo("documentNumber");
        assertThat(refusal("{\"documentNumber\":\"\\udc00\"}", Push.class).field()).isEqualTo("documentNumber");
    }

    @Test
    void untypedValuesAreCheckedDownToTheirLeaves() {
        assertThat(refusal("{\"fields\":{\"violationFacts\":\"a\\u0000\"}}", Push.class).field()).isEqualTo("fields.violationFacts");
        assertThat(refusal("{\"fields\":{\"list\":[\"ok\",{\"x\":\"\\ud800\"}]}}", Push.class).field()).isEqualTo("fields.list[1].x");
        assertThat(refusal("{\"tags\":[\"ok\",\"b\\u0000\"]}", Push.class).field()).isEqualTo("tags[1]");
        assertThat(refusal("{\"data\":{\"deep\":[\"\\u0000\"]}}", Tree.class).field()).isEqualTo("data.deep[0]");
    }

    @Test
    void objectKeysAreCheckedWithoutBeingEchoed() {
        assertThat(refusal("{\"fields\":{\"a\\u0000\":\"v\"}}", Push.class).field()).isEqualTo("fields");
        assertThat(refusal("{\"fields\":{\"n\":{\"\\ud800\":1}}}", Push.class).field()).isEqualTo("fields.n");
        assertThat(refusal("{\"data\":{\"\\u0000\":1}}", Tree.class).field()).isEqualTo("data");
    }

    @Test
    void aBadKeyTheTargetDoesNotKnowIsRefusedToo() {
        assertThat(refusal("{\"re\\u0000ason\":\"x\",\"documentNumber\":\"1\"}", Push.class).field()).isEqualTo("body");
        assertThat(refusal("{\"subject\":{\"\\ud800\":{\"a\":1}}}", Push.class).field()).isEqualTo("subject");
        assertThat(json.readValue("{\"unknown\":\"x\",\"documentNumber\":\"1\"}", Push.class).documentNumber()).isEqualTo("1");
    }

    @Test
    void aDateIsAStringOfTheFormYearMonthDayAndARealDay() {
        assertThat(json.readValue("{\"decisionDate\":\"2026-02-28\"}", Dated.class).decisionDate()).isEqualTo("2026-02-28");
        assertThat(json.readValue("{\"decisionDate\":\"\"}", Dated.class).decisionDate()).isNull();
        // a year before 0 or after 9999 is a date ISO can write: each field's own range rule refuses it (DECISION_DATE_TOO_OLD)
        assertThat(json.readValue("{\"decisionDate\":\"-0001-01-01\"}", Dated.class).decisionDate().getYear()).isEqualTo(-1);
        for (String bad : List.of("\"2026-01-01T00:00:00Z\"", "\"2026-01-01T00:00:00\"", "\"2026-02-30\"", "\"2026-1-01\"",
                "\"20260101\"", "19000101", "[2026,1,1]", "{}", "\"2026-13-01\"")) {
            assertThat(refusal("{\"decisionDate\":" + bad + "}", Dated.class).field()).as(bad).isEqualTo("decisionDate");
        }
    }

    @Test
    void rootValuesOfEveryShapeAreChecked() {
        assertThatThrownBy(() -> json.readValue("{\"k\":\"\\u0000\"}", Map.class)).isInstanceOf(InvalidTextException.class);
        assertThatThrownBy(() -> json.readValue("[\"\\u0000\"]", List.class)).isInstanceOf(InvalidTextException.class);
        assertThatThrownBy(() -> json.readValue("\"\\ud800\"", String.class)).isInstanceOf(InvalidTextException.class);
        assertThatThrownBy(() -> json.readValue("\"\\ud800\"", Object.class)).isInstanceOf(InvalidTextException.class);
    }

    @Test
    void wellFormedTextPassesIncludingPairedSurrogates() {
        Push push = json.readValue("{\"subject\":{\"name\":\"广西 😀 Ltd\"},\"documentNumber\":\"桂市监罚〔2026〕1号\","
                + "\"fields\":{\"violationFacts\":\"ok\",\"n\":[1,{\"k\":\"😀\"}]},\"tags\":[\"a\"]}", Push.class);
        assertThat(push.subject().name()).isEqualTo("广西 😀 Ltd");
        assertThat(push.fields()).containsKey("n");
    }

    @Test
    void enumsAreReadByNameOnly() {
        assertThat(json.readValue("{\"outcome\":\"DELETED\"}", Decision.class).outcome()).isEqualTo(Outcome.DELETED);
        assertThat(refusal("{\"outcome\":1}", Decision.class).field()).isEqualTo("outcome");
        assertThat(refusal("{\"outcome\":\"1\"}", Decision.class).field()).isEqualTo("outcome");
        assertThat(refusal("{\"outcome\":0.0}", Decision.class).field()).isEqualTo("outcome");
    }

    @Test
    void anEnumNameWithANulIsNotTrimmedIntoAName() {
        assertThat(refusal("{\"outcome\":\"DELETED\\u0000\"}", Decision.class)).isEqualTo(
                new FieldProblem("outcome", "TEXT_INVALID_CHARACTER", org.publiccredit.commons.text.TextRules.MESSAGE));
    }

    @Test
    void anIntegerHasNoFraction() {
        assertThat(json.readValue("{\"version\":3}", Versioned.class).version()).isEqualTo(3);
        assertThat(refusal("{\"version\":1.5}", Versioned.class).field()).isEqualTo("version");
    }

    @Test
    void aPlainBuilderGetsTheSameRules() {
        JsonMapper plain = JsonInputRules.configure(JsonMapper.builder()).build();
        assertThatThrownBy(() -> plain.readValue("{\"outcome\":1}", Decision.class)).isInstanceOf(JacksonException.class);
        assertThatThrownBy(() -> plain.readValue("{\"fields\":{\"a\":\"\\u0000\"}}", Push.class))
                .isInstanceOf(InvalidTextException.class);
    }

    @Test
    void aSyntaxErrorHasNoFieldToName() {
        try {
            json.readValue("{\"subject\":{\"name\":", Push.class);
        } catch (JacksonException e) {
            assertThat(JsonInputRules.fieldProblem(e)).isEmpty();
            return;
        }
        throw new AssertionError("expected a syntax error");
    }

    private static FieldProblem refusal(String body, Class<?> type) {
        try {
            json.readValue(body, type);
        } catch (JacksonException e) {
            return JsonInputRules.fieldProblem(e).orElseThrow(() -> new AssertionError("no field problem for " + e));
        }
        throw new AssertionError("accepted " + body);
    }
}
