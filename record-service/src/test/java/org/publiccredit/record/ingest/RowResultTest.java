package org.publiccredit.record.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.publiccredit.commons.problem.FieldProblem;
import tools.jackson.databind.json.JsonMapper;

class RowResultTest {

    @Test
    void aRejectedRowNamesItsDocumentNumberAsSentTrimmedAndCut() {
        List<FieldProblem> errors = List.of(new FieldProblem("decisionDate", "FIELD_REQUIRED", "required"));
        assertThat(RowResult.rejected(3, "  柳市监罚〔2026〕1号 ", "VALIDATION_FAILED", errors).documentNumber()).isEqualTo("柳市监罚〔2026〕1号");
        assertThat(RowResult.rejected(3, "   ", "VALIDATION_FAILED", errors).documentNumber()).isNull();
        assertThat(RowResult.rejected(3, null, "MALFORMED_ROW", errors).documentNumber()).isNull();
        assertThat(RowResult.rejected(3, "x".repeat(150), "VALIDATION_FAILED", errors).documentNumber()).hasSize(100);
    }

    @Test
    void theReportLeavesOutWhatARowDoesNotHave() {
        String json = JsonMapper.builder().build().writeValueAsString(RowResult.rejected(6, null, "MALFORMED_ROW", List.of()));
        assertThat(json).contains("\"row\":6", "\"result\":\"rejected\"").doesNotContain("documentNumber", "\"id\"");
    }
}
