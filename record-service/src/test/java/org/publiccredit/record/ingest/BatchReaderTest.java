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
    void aCsvRowWithTooManyColumnsIsThatRowsErrorAndTheNextRowIsRead() throws IOException {
        String header = "category,subjectIdentifier,subjectName,documentNumber,decisionDate\n";
        String csv = header + ",".repeat(100_000) + "\"a\nb\"," + ",".repeat(10) + "\nA,B,C,D,E\n";
        List<BatchReader.ParsedRow> rows = read(csv.getBytes(StandardCharsets.UTF_8), BatchReader.Format.CSV);
        assertThat(rows).hasSize(2);
        assertThat(rows.getFirst().input()).isNull();
        assertThat(rows.getFirst().problems()).extracting(FieldProblem::code).containsExactly("ROW_TOO_MANY_COLUMNS");
        assertThat(rows.get(1).row()).isEqualTo(2);
        assertThat(rows.get(1).input()).isNotNull();
    }

    @Test
    void aCsvRowLongerThanTheLineLimitIsRowTooLong() throws IOException {
        String header = "category,subjectIdentifier,subjectName,documentNumber,decisionDate\n";
        String csv = header + "A,B,C,D," + "x".repeat(5_000) + "\nA,B,C,D,E\n";
        BatchReader reader = new BatchReader(new ByteArrayInputStream(csv.getBytes(StandardCharsets.UTF_8)), BatchReader.Format.CSV, JSON,
                1_000);
        BatchReader.ParsedRow first = reader.next();
        assertThat(first.input()).isNull();
        assertThat(first.problems()).extracting(FieldProblem::code).containsExactly("ROW_TOO_LONG");
        assertThat(reader.next().input()).isNotNull();
        assertThat(reader.next()).isNull();
    }

    @Test
    void aCsvHeaderWithTooManyColumnsIsRefused() {
        byte[] csv = ("category," + "a,".repeat(1_000) + "b\n").getBytes(StandardCharsets.UTF_8);
        assertThatThrownBy(() -> read(csv, BatchReader.Format.CSV)).isInstanceOfSatisfying(ApiException.class, e -> {
            assertThat(e.code()).isEqualTo("CSV_HEADER_INVALID");
            assertThat(e.errors()).extracting(FieldProblem::code).containsExactly("ROW_TOO_MANY_COLUMNS");
        });
    }

    @Test
    void aQuoteOpenedInTheHeaderIsAnUnusableHeaderNotAFailure() {
        byte[] csv = "\"category,subjectIdentifier,subjectName,documentNumber,decisionDate\nA,B,C,D,E\n".getBytes(StandardCharsets.UTF_8);
        assertThatThrownBy(() -> read(csv, BatchReader.Format.CSV)).isInstanceOfSatisfying(ApiException.class, e -> {
            assertThat(e.code()).isEqualTo("CSV_HEADER_INVALID");
            assertThat(e.errors()).extracting(FieldProblem::code).containsExactly("MALFORMED_CSV");
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
    /** {@code prefix}, then {@code n} times {@code filler}, then {@code suffix}: generated as read, never held. */
    private static java.io.InputStream generated(String prefix, long n, byte filler, String suffix) {
        byte[] head = prefix.getBytes(StandardCharsets.UTF_8);
        byte[] tail = suffix.getBytes(StandardCharsets.UTF_8);
        return new java.io.InputStream() {
            private long position;

            @Override
            public int read() {
                long p = position++;
                if (p < head.length) {
                    return head[(int) p] & 0xff;
                }
                p -= head.length;
                if (p < n) {
                    return filler & 0xff;
                }
                p -= n;
                return p < tail.length ? tail[(int) p] & 0xff : -1;
            }

            @Override
            public int read(byte[] b, int off, int len) {
                int i = 0;
                for (; i < len; i++) {
                    int c = read();
                    if (c < 0) {
                        break;
                    }
                    b[off + i] = (byte) c;
                }
                return i == 0 && len > 0 ? -1 : i;
            }
        };
    }

    private static final String ROW = "{\"category\":\"ADM_PENALTY\",\"documentNumber\":\"1\"}";

    @Test
    void aLineOverTheLimitIsThatRowsRowTooLongAndTheNextRowIsReadWithoutHoldingIt() throws IOException {
        // a single 300 MiB line (past the 256 MiB upload limit): skipped while read, never held
        long size = 300L * 1024 * 1024;
        BatchReader reader = new BatchReader(generated("{\"documentNumber\":\"", size, (byte) 'a', "\"}\n" + ROW + "\n"),
                BatchReader.Format.NDJSON, JSON, BatchReader.DEFAULT_MAX_LINE_BYTES);
        BatchReader.ParsedRow first = reader.next();
        assertThat(first.row()).isEqualTo(1);
        assertThat(first.input()).isNull();
        assertThat(first.problems()).extracting(FieldProblem::code).containsExactly("ROW_TOO_LONG");
        BatchReader.ParsedRow second = reader.next();
        assertThat(second.row()).isEqualTo(2);
        assertThat(second.input().documentNumber()).isEqualTo("1");
        assertThat(reader.next()).isNull();
    }

    @Test
    void linesAcrossTheReadersBlocksAreWholeWhateverTheirTerminators() throws IOException {
        // 3,000 rows of varying length (Chinese and ASCII): lines and CR LF pairs fall across every 16 Ki-character block
        StringBuilder nd = new StringBuilder("\uFEFF");
        String[] terminators = {"\n", "\r\n", "\r", "\n\n", "\r\n\r\n"};
        for (int i = 1; i <= 3000; i++) {
            nd.append("{\"documentNumber\":\"").append("号".repeat(i % 17)).append(i).append("\"}")
                    .append(terminators[i % terminators.length]);
        }
        nd.append("{\"documentNumber\":\"last\"}"); // no terminator at the end
        List<BatchReader.ParsedRow> rows = read(nd.toString().getBytes(StandardCharsets.UTF_8), BatchReader.Format.NDJSON);

        assertThat(rows).hasSize(3001);
        for (int i = 1; i <= 3000; i++) {
            assertThat(rows.get(i - 1).row()).isEqualTo(i);
            assertThat(rows.get(i - 1).input().documentNumber()).isEqualTo("号".repeat(i % 17) + i);
        }
        assertThat(rows.getLast().input().documentNumber()).isEqualTo("last");
    }

    @Test
    void theLineLimitCountsUtf8BytesAndALineAtTheLimitIsRead() throws IOException {
        String padded = ROW + " ".repeat(100 - ROW.length());
        // 34 × 中 = 102 bytes in 34 characters
        String chinese = "{\"documentNumber\":\"" + "中".repeat(34) + "\"}";
        byte[] ndjson = (padded + "\r\n" + chinese + "\n" + ROW).getBytes(StandardCharsets.UTF_8);
        BatchReader reader = new BatchReader(new ByteArrayInputStream(ndjson), BatchReader.Format.NDJSON, JSON, 100);
        assertThat(reader.next().input().documentNumber()).isEqualTo("1");
        assertThat(reader.next().problems()).extracting(FieldProblem::code).containsExactly("ROW_TOO_LONG");
        BatchReader.ParsedRow last = reader.next();
        assertThat(last.row()).isEqualTo(3);
        assertThat(last.input().documentNumber()).isEqualTo("1");
        assertThat(reader.next()).isNull();
    }

    @Test
    void csvRowsWithANulAreRejectedNamingTheField() throws IOException {
        // a lone surrogate cannot arrive in CSV: its UTF-8 form (ED A0 80) is refused by the strict decoder
        String csv = "category,subjectIdentifier,subjectName,documentNumber,decisionDate,fields.violationFacts\n"
                + "A,91450200MA5K00012P,Name,D\u00001,2026-01-02,ok\n"
                + "A,91450200MA5K00012P,Na\u0000me,D2,2026-01-02,x\u0000\n"
                + "A,91450200MA5K00012P,Name,D3,2026-01-02,ok\n";
        List<BatchReader.ParsedRow> rows = read(csv.getBytes(StandardCharsets.UTF_8), BatchReader.Format.CSV);
        assertThat(rows.get(0).input()).isNull();
        assertThat(rows.get(0).problems()).containsExactly(new FieldProblem("documentNumber", "TEXT_INVALID_CHARACTER",
                org.publiccredit.commons.text.TextRules.MESSAGE));
        assertThat(rows.get(1).problems()).extracting(FieldProblem::field).containsExactly("subject.name", "fields.violationFacts");
        assertThat(rows.get(2).input()).isNotNull();
    }

    @Test
    void ndjsonLinesWithANulOrALoneSurrogateAreRejectedNamingTheField() throws IOException {
        JsonMapper service = org.publiccredit.commons.json.JsonInputRules.configure(JsonMapper.builder()).build();
        String ndjson = "{\"category\":\"A\",\"documentNumber\":\"D\\ud800\"}\n"
                + "{\"category\":\"A\",\"fields\":{\"violationFacts\":\"a\\u0000\"}}\n"
                + "{\"category\":\"A\",\"subject\":{\"name\":\"\\udc00x\"}}\n";
        List<BatchReader.ParsedRow> lines = new ArrayList<>();
        BatchReader json = new BatchReader(new ByteArrayInputStream(ndjson.getBytes(StandardCharsets.UTF_8)),
                BatchReader.Format.NDJSON, service);
        for (BatchReader.ParsedRow r = json.next(); r != null; r = json.next()) {
            lines.add(r);
        }
        assertThat(lines).extracting(r -> r.problems().getFirst().field())
                .containsExactly("documentNumber", "fields.violationFacts", "subject.name");
        assertThat(lines).extracting(r -> r.problems().getFirst().code()).containsOnly("TEXT_INVALID_CHARACTER");
    }
}
