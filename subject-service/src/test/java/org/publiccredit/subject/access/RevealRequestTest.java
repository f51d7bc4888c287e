package org.publiccredit.subject.access;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.validation.Validation;
import jakarta.validation.Validator;
import org.junit.jupiter.api.Test;

/** The reveal reason's 10-character minimum counts the reason without the white space around it. */
class RevealRequestTest {

    static final Validator VALIDATOR = Validation.buildDefaultValidatorFactory().getValidator();

    @Test
    void whiteSpaceAroundTheReasonDoesNotCount() {
        assertThat(VALIDATOR.validate(new PersonAccessController.RevealRequest("        123456789"))).hasSize(1);
        assertThat(VALIDATOR.validate(new PersonAccessController.RevealRequest("\u3000\t核查行政处罚当事人 \n"))).hasSize(1);
        assertThat(VALIDATOR.validate(new PersonAccessController.RevealRequest("  核查行政处罚当事人身份  "))).isEmpty();
    }

    @Test
    void theAuditedReasonIsTheStrippedOne() {
        assertThat(new PersonAccessController.RevealRequest("  核查行政处罚当事人身份\n").reason()).isEqualTo("核查行政处罚当事人身份");
    }
}
