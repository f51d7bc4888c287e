package org.publiccredit.commons.problem;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

class ProblemsTest {

    private final JsonMapper json = JsonMapper.builder().build();

    @Test
    void problemCarriesTypeTitleStatusDetailCodeAndFieldErrors() {
        ProblemDetail p = Problems.of(HttpStatus.BAD_REQUEST, "USCC_CHECK_DIGIT", "bad code",
                List.of(new FieldProblem("subject.identifier", "USCC_CHECK_DIGIT", "check character is wrong")));
        assertThat(p.getStatus()).isEqualTo(400);
        assertThat(p.getTitle()).isEqualTo("Bad Request");
        assertThat(p.getType().toString()).endsWith("/uscc-check-digit");
        assertThat(p.getProperties()).containsEntry("code", "USCC_CHECK_DIGIT").containsKey("errors");
    }

    @Test
    void handWrittenJsonIsValidAndEscapesEverything() {
        String text = Problems.json(503, "NOT_WORDED_IN_BUNDLES", "say \"hi\"\n\\ now", "req-1");
        JsonNode node = json.readTree(text);
        assertThat(node.path("detail").asString()).isEqualTo("say \"hi\"\n\\ now");
        assertThat(node.path("status").asInt()).isEqualTo(503);
        assertThat(node.path("code").asString()).isEqualTo("NOT_WORDED_IN_BUNDLES");
        assertThat(node.path("requestId").asString()).isEqualTo("req-1");
    }
}
