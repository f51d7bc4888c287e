package org.publiccredit.subject.bulk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.publiccredit.commons.problem.ApiException;
import org.publiccredit.commons.problem.FieldProblem;

class CsvRowsTest {

    private static List<Row> rows(byte[] bytes) throws IOException {
        CsvRows source = new CsvRows(new CharInput(new ByteArrayInputStream(bytes)), Locale.ENGLISH);
        List<Row> rows = new ArrayList<>();
        for (Row r = source.next(); r != null; r = source.next()) {
            rows.add(r);
        }
        return rows;
    }

    private static List<Row> rows(String text) throws IOException {
        return rows(text.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void aHeaderNamesTheColumnsInAnyOrderAndCase() throws IOException {
        List<Row> rows = rows("Name,CODE,registration_status,industry\n柳州示范机械有限公司,91450200MA5K00012P,存续,C\n");
        assertThat(rows).hasSize(1);
        Row row = rows.getFirst();
        assertThat(row.row()).isEqualTo(1);
        assertThat(row.line()).isEqualTo(2);
        assertThat(row.input().code()).isEqualTo("91450200MA5K00012P");
        assertThat(row.input().name()).isEqualTo("柳州示范机械有限公司");
        assertThat(row.input().registrationStatus()).isEqualTo("存续");
        assertThat(row.input().industry()).isEqualTo("C");
        assertThat(row.input().address()).isNull();
    }

    @Test
    void aByteOrderMarkIsSkipped() throws IOException {
        byte[] bom = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};
        byte[] text = "code,name\r\n91450200MA5K00012P,甲\r\n".getBytes(StandardCharsets.UTF_8);
        byte[] all = new byte[bom.length + text.length];
        System.arraycopy(bom, 0, all, 0, 3);
        System.arraycopy(text, 0, all, 3, text.length);
        List<Row> rows = rows(all);
        assertThat(rows).singleElement().satisfies(r -> {
            assertThat(r.input().code()).isEqualTo("91450200MA5K00012P");
            assertThat(r.input().name()).isEqualTo("甲");
        });
    }

    @Test
    void quotedFieldsHoldCommasQuotesAndLineBreaks() throws IOException {
        List<Row> rows = rows("code,name,address\n"
                + "91450200MA5K00012P,\"柳州\"\"示范\"\"机械, 有限公司\",\"柳南区\n示范路1号\"\n"
                + "91450403MA5K000470,乙,\n");
        assertThat(rows).hasSize(2);
        assertThat(rows.get(0).input().name()).isEqualTo("柳州\"示范\"机械, 有限公司");
        assertThat(rows.get(0).input().address()).isEqualTo("柳南区\n示范路1号");
        assertThat(rows.get(1).line()).as("the quoted line break counts").isEqualTo(4);
        assertThat(rows.get(1).input().address()).isNull();
    }

    @Test
    void blankLinesAreSkippedAndALastLineWithoutBreakCounts() throws IOException {
        List<Row> rows = rows("code,name\n\n91450200MA5K00012P,甲\n\n91450403MA5K000470,乙");
        assertThat(rows).extracting(Row::row).containsExactly(1, 2);
        assertThat(rows).extracting(Row::line).containsExactly(3, 5);
    }

    @Test
    void aRowWithTheWrongNumberOfColumnsIsRefusedAndTheNextOneRead() throws IOException {
        List<Row> rows = rows("code,name\n91450200MA5K00012P,甲,多余\n91450403MA5K000470,乙\n");
        assertThat(rows.get(0).input()).isNull();
        assertThat(rows.get(0).problems()).extracting(FieldProblem::code).containsExactly("ROW_SHAPE");
        assertThat(rows.get(1).input().name()).isEqualTo("乙");
    }

    @Test
    void anOverlongRowIsRefusedWithoutHoldingIt() throws IOException {
        String longName = "长".repeat(RowSource.MAX_ROW_CHARS + 10);
        List<Row> rows = rows("code,name\n91450200MA5K00012P," + longName + "\n91450403MA5K000470,乙\n");
        assertThat(rows.get(0).problems()).extracting(FieldProblem::code).containsExactly("ROW_TOO_LONG");
        assertThat(rows.get(1).input().name()).isEqualTo("乙");
    }

    @Test
    void invalidUtf8RefusesTheRow() throws IOException {
        byte[] head = "code,name\n91450200MA5K00012P,".getBytes(StandardCharsets.UTF_8);
        byte[] tail = "\n91450403MA5K000470,乙\n".getBytes(StandardCharsets.UTF_8);
        byte[] all = new byte[head.length + 2 + tail.length];
        System.arraycopy(head, 0, all, 0, head.length);
        all[head.length] = (byte) 0xC3;
        all[head.length + 1] = (byte) 0x28;
        System.arraycopy(tail, 0, all, head.length + 2, tail.length);
        List<Row> rows = rows(all);
        assertThat(rows.get(0).problems()).extracting(FieldProblem::code).containsExactly("ROW_ENCODING");
        assertThat(rows.get(1).input().name()).isEqualTo("乙");
    }

    @Test
    void anUnusableHeaderRefusesTheWholeUpload() {
        assertThatThrownBy(() -> rows("code,name,colour\n"))
                .isInstanceOfSatisfying(ApiException.class, e -> {
                    assertThat(e.code()).isEqualTo("IMPORT_HEADER_INVALID");
                    assertThat(e.errors()).extracting(FieldProblem::field, FieldProblem::code)
                            .containsExactly(org.assertj.core.groups.Tuple.tuple("colour", "IMPORT_UNKNOWN_COLUMN"));
                });
        assertThatThrownBy(() -> rows("name,address\n")).isInstanceOfSatisfying(ApiException.class,
                e -> assertThat(e.errors()).extracting(FieldProblem::code).containsExactly("IMPORT_IDENTIFIER_COLUMN_MISSING"));
        assertThatThrownBy(() -> rows("code,name,Code\n")).isInstanceOfSatisfying(ApiException.class,
                e -> assertThat(e.errors()).extracting(FieldProblem::code).containsExactly("IMPORT_REPEATED_COLUMN"));
        assertThatThrownBy(() -> rows("")).isInstanceOfSatisfying(ApiException.class,
                e -> assertThat(e.code()).isEqualTo("IMPORT_EMPTY"));
    }
}
