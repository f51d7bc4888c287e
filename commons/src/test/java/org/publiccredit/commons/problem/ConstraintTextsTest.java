package org.publiccredit.commons.problem;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validation;
import jakarta.validation.Validator;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Size;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import org.hibernate.validator.constraints.Range;
import org.hibernate.validator.messageinterpolation.ParameterMessageInterpolator;
import org.junit.jupiter.api.Test;
import org.publiccredit.commons.i18n.Messages;

/** A constraint's refusal names its limits in the reader's language, as the hand-written refusals do. */
class ConstraintTextsTest {

    record Request(@Range(min = 1, max = 50) int size, @Min(0) int page, @Max(9999) int depth, @Size(min = 1, max = 3) List<String> codes,
            @Size(min = 1) List<String> open) {
    }

    private static final Validator VALIDATOR = Validation.byDefaultProvider().configure()
            .messageInterpolator(new ParameterMessageInterpolator()).buildValidatorFactory().getValidator();

    private static List<FieldProblem> problems(Request request) {
        return VALIDATOR.validate(request).stream()
                .sorted(Comparator.comparing((ConstraintViolation<Request> v) -> v.getPropertyPath().toString()))
                .map(v -> ProblemAdvice.violation(v.getPropertyPath().toString(), v, v.getMessage()))
                .toList();
    }

    @Test
    void rangesSizesAndBoundsAreNamedInBothLanguages() {
        List<FieldProblem> problems = problems(new Request(51, -1, 10_000, List.of("a", "b", "c", "d"), List.of()));
        assertThat(problems).extracting(FieldProblem::field).containsExactly("codes", "depth", "open", "page", "size");
        assertThat(problems).extracting(FieldProblem::code)
                .containsExactly("FIELD_SIZE", "FIELD_MAX", "FIELD_SIZE", "FIELD_MIN", "FIELD_RANGE");
        Messages messages = Messages.shared();
        assertThat(problems).extracting(p -> messages.field(p, Locale.ENGLISH)).containsExactly(
                "Length or count must be from 1 to 3", "Must be at most 9999", "Length or count out of the allowed range",
                "Must be at least 0", "Must be from 1 to 50");
        assertThat(problems).extracting(p -> messages.field(p, Locale.SIMPLIFIED_CHINESE)).containsExactly(
                "长度或数量应在 1 到 3 之间", "不能大于 9999", "长度或数量超出允许范围", "不能小于 0", "应在 1 到 50 之间");
    }
}
