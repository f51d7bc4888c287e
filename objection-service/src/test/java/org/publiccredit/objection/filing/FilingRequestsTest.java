package org.publiccredit.objection.filing;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.validation.Validation;
import jakarta.validation.Validator;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Reasons are stripped on arrival, so every length check counts what is stored. */
class FilingRequestsTest {

    static final Validator VALIDATOR = Validation.buildDefaultValidatorFactory().getValidator();

    @Test
    void anObjectionReasonIsStrippedBeforeItIsChecked() {
        var request = new FilingRequests.ObjectionRequest("R-1", " \u3000\t处罚决定书文号有误\n ");
        assertThat(request.reason()).isEqualTo("处罚决定书文号有误");
        String padded = " ".repeat(100) + "x".repeat(4000);
        assertThat(VALIDATOR.validate(new FilingRequests.ObjectionRequest("R-1", padded))).isEmpty();
        assertThat(VALIDATOR.validate(new FilingRequests.ObjectionRequest("R-1", " \u3000 "))).isNotEmpty();
    }

    @Test
    void aRepairReasonIsStripped() {
        assertThat(new FilingRequests.RepairRequest("R-1", "  已履行义务  ", true, null, List.of()).reason()).isEqualTo("已履行义务");
        assertThat(new FilingRequests.RepairRequest("R-1", null, true, null, List.of()).reason()).isNull();
    }
}
