package org.publiccredit.record.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.publiccredit.commons.problem.ApiException;
import org.publiccredit.commons.problem.FieldProblem;
import tools.jackson.databind.json.JsonMapper;

class BatchReaderTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private static List<BatchReader.ParsedRow> read(byte[] bytes, BatchReader.Format format) throws IOException {
        BatchReader reader = new BatchReader(new ByteArrayInputStream(bytes), format, JSON);
        List<BatchReader.ParsedRow> rows = new ArrayList<>();
        for (BatchReader.ParsedRow r = reader.next(); r != null; r = reader.next()) {
            rows.add(r);
        }
        return rows;
    }

    @Test
    void csvWithBomQuotesEmbeddedNewlinesAndFieldColumns() throws IOException {
        String csv = "\uFEFFcategory,subjectIdentifier,subjectName,documentNumber,decisionDate,fields.violationFacts,authority\r\n"
                + "ADM_PENALTY,91450200MA5K00012P,\"柳州示范, 有限公司\",\"文号\"\"1\"\"\",2026-01-02,\"第一行\n第二行\",市场局\r\n"
                + "\r\n"
                + "ADM_PENALTY,91450200MA5K00012P,柳州示范,2,2026-01-03,,市场局\n";
        List<BatchReader.ParsedRow> rows = read(csv.getBytes(StandardCharsets.UTF_8), BatchReader.Format.CSV);
        assertThat(rows).hasSize(2);
        RecordInput first = rows.getFirst().input();
        assertThat(first.category()).isEqualTo("ADM_PENALTY");
        assertThat(first.subject().name()).isEqualTo("柳州示范, 有限公司");
        assertThat(first.documentNumber()).isEqualTo("文号\"1\"");
        assertThat(first.fields()).containsEntry("violationFacts", "第一行\n第二行").containsEntry("authority", "市场局");
        assertThat(rows.get(1).row()).isEqualTo(2);
        assertThat(rows.get(1).input().fields()).doesNotContainKey("violationFacts");
    }

    @Test
    void csvRowsWithTheWrongNumberOfColumnsAreRejectedAlone() throws IOException {
        String csv = "category,subjectIdentifier,subjectName,documentNumber,decisionDate\nA,B,C,D\nA,B,C,D,E\n";
        List<BatchReader.ParsedRow> rows = read(csv.getBytes(StandardCharsets.UTF_8), BatchReader.Format.CSV);
        assertThat(rows.getFirst().input()).isNull();
        assertThat(rows.getFirst().problems()).extracting(FieldProblem::code).containsExactly("MALFORMED_ROW");
        assertThat(rows.get(1).input()).isNotNull();
    }

    @Test
    void aCsvHeaderWithoutTheRequiredColumnsIsRefused() {
        byte[] csv = "category,subjectName,Bad Column\n".getBytes(StandardCharsets.UTF_8);
        assertThatThrownBy(() -> read(csv, BatchReader.Format.CSV)).isInstanceOfSatisfying(ApiException.class, e -> {
            assertThat(e.code()).isEqualTo("CSV_HEADER_INVALID");
            assertThat(e.errors()).extracting(FieldProblem::code).contains("CSV_COLUMN_MISSING", "CSV_COLUMN_UNKNOWN");
        });
    }

    @Test
    void anUnclosedQuoteIsMalformedCsv() {
        byte[] csv = "category,subjectIdentifier,subjectName,documentNumber,decisionDate\nA,\"B,C,D,E\n".getBytes(StandardCharsets.UTF_8);
        assertThatThrownBy(() -> read(csv, BatchReader.Format.CSV)).isInstanceOf(CsvReader.MalformedCsv.class);
    }

    @Test
    void ndjsonLinesAreReadOneByOneAndBadLinesRejectedWithoutEchoingThem() throws IOException {
        String nd = "{\"category\":\"ADM_PENALTY\",\"subject\":{\"identifier\":\"91450200MA5K00012P\",\"name\":\"柳州\"},"
                + "\"documentNumber\":\"1\",\"decisionDate\":\"2026-01-02\",\"fields\":{\"fineAmount\":1.50}}\n"
                + "\n"
                + "{\"category\": 450202199001011237, \"unknown\": true}\n"
                + "not json 450202199001011237\n";
        List<BatchReader.ParsedRow> rows = read(nd.getBytes(StandardCharsets.UTF_8), BatchReader.Format.NDJSON);
        assertThat(rows).hasSize(3);
        assertThat(rows.getFirst().input().fields().get("fineAmount").toString()).isEqualTo("1.50");
        assertThat(rows.get(1).row()).isEqualTo(2);
        assertThat(rows.get(1).input()).isNull();
        assertThat(rows.get(2).problems().getFirst().message()).doesNotContain("450202199001011237");
    }

    @Test
    void gb18030IsDetectedAsInvalidUtf8() {
        byte[] gb = ("category,subjectIdentifier,subjectName,documentNumber,decisionDate\n"
                + "ADM_PENALTY,91450200MA5K00012P,柳州市示范有限公司,1,2026-01-02\n").getBytes(Charset.forName("GB18030"));
        assertThatThrownBy(() -> read(gb, BatchReader.Format.CSV)).isInstanceOf(CharacterCodingException.class);
    }
}
