package org.publiccredit.subject.bulk;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.publiccredit.commons.problem.FieldProblem;
import tools.jackson.databind.json.JsonMapper;

class NdjsonRowsTest {

    private static List<Row> rows(String text) throws IOException {
        NdjsonRows source = new NdjsonRows(new CharInput(new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8))),
                JsonMapper.builder().build(), Locale.ENGLISH);
        List<Row> rows = new ArrayList<>();
        for (Row r = source.next(); r != null; r = source.next()) {
            rows.add(r);
        }
        return rows;
    }

    @Test
    void oneObjectPerLineBlankLinesSkippedCrLfAccepted() throws IOException {
        List<Row> rows = rows("\uFEFF{\"code\":\"91450200MA5K00012P\",\"name\":\"甲\"}\r\n\r\n"
                + "{\"idNumber\":\"450202199001011237\",\"name\":\"张伟\",\"type\":\"NATURAL_PERSON\"}");
        assertThat(rows).hasSize(2);
        assertThat(rows.get(0).input().code()).isEqualTo("91450200MA5K00012P");
        assertThat(rows.get(0).input().name()).isEqualTo("甲");
        assertThat(rows.get(1).row()).isEqualTo(2);
        assertThat(rows.get(1).line()).isEqualTo(3);
        assertThat(rows.get(1).input().idNumber()).isEqualTo("450202199001011237");
        assertThat(rows.get(1).input().toString()).doesNotContain("450202199001011237");
    }

    @Test
    void aBrokenLineIsRefusedAndTheNextOneRead() throws IOException {
        List<Row> rows = rows("{\"code\":\"91450200MA5K00012P\",\n[1,2]\nnull\n{\"code\":\"91450403MA5K000470\",\"name\":\"乙\"}\n");
        assertThat(rows).hasSize(4);
        assertThat(rows.subList(0, 3)).allSatisfy(r -> {
            assertThat(r.input()).isNull();
            assertThat(r.problems()).extracting(FieldProblem::code).containsExactly("ROW_MALFORMED");
        });
        assertThat(rows.get(3).input().name()).isEqualTo("乙");
    }

    @Test
    void anUnknownFieldRefusesTheRowNamingTheField() throws IOException {
        List<Row> rows = rows("{\"code\":\"91450200MA5K00012P\",\"name\":\"甲\",\"adress\":\"x\"}\n");
        assertThat(rows.getFirst().problems()).extracting(FieldProblem::field, FieldProblem::code)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("adress", "FIELD_UNKNOWN"));
    }

    @Test
    void anOverlongLineIsRefused() throws IOException {
        List<Row> rows = rows("{\"name\":\"" + "x".repeat(RowSource.MAX_ROW_CHARS) + "\"}\n{\"code\":\"91450403MA5K000470\",\"name\":\"乙\"}\n");
        assertThat(rows.get(0).problems()).extracting(FieldProblem::code).containsExactly("ROW_TOO_LONG");
        assertThat(rows.get(1).input().name()).isEqualTo("乙");
    }

    @Test
    void numbersAreTakenAsText() throws IOException {
        List<Row> rows = rows("{\"code\":\"91450200MA5K00012P\",\"name\":\"甲\",\"region\":450200}\n");
        assertThat(rows.getFirst().input().region()).isEqualTo("450200");
    }
}
