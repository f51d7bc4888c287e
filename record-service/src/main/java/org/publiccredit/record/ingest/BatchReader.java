package org.publiccredit.record.ingest;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.publiccredit.commons.problem.ApiException;
import org.publiccredit.commons.json.InvalidTextException;
import org.publiccredit.commons.problem.FieldProblem;
import org.publiccredit.commons.text.TextRules;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads a batch upload row by row from the request stream: NDJSON (one JSON object per line) or CSV with a header
 * (columns category, subjectIdentifier, subjectName, subjectType, documentNumber, decisionDate, and the category's
 * field keys, optionally prefixed {@code fields.}). Strict UTF-8 with or without a BOM: any invalid byte sequence
 * (e.g. a GB18030 file) raises {@link java.nio.charset.MalformedInputException}. Blank lines are skipped.
 */
final class BatchReader {

    /** The two accepted formats. */
    enum Format { NDJSON, CSV }

    private static final Map<String, String> ENVELOPE = Map.of(
            "category", "category", "subjectidentifier", "subjectIdentifier", "subject.identifier", "subjectIdentifier",
            "subjectname", "subjectName", "subject.name", "subjectName", "subjecttype", "subjectType",
            "subject.type", "subjectType", "documentnumber", "documentNumber", "decisiondate", "decisionDate");
    private static final Set<String> REQUIRED = Set.of("category", "subjectIdentifier", "subjectName", "documentNumber", "decisionDate");

    /** The default longest NDJSON line, in UTF-8 bytes ({@code platform.batch.max-line-bytes}). */
    static final int DEFAULT_MAX_LINE_BYTES = 1024 * 1024;

    /** CSV columns named as the JSON paths of a single push, so one field has one name in every refusal. */
    private static final Map<String, String> CSV_FIELDS = Map.of("subjectIdentifier", "subject.identifier",
            "subjectName", "subject.name", "subjectType", "subject.type");

    private final Format format;
    private final int maxLineBytes;
    private final BufferedReader reader;
    /** Reused for every line: growing a new builder per line was a tenth of a batch's reading time. */
    private final StringBuilder lineBuffer = new StringBuilder(2048);
    private final JsonMapper json;
    private CsvReader csv;
    private List<String> header;
    private int row;

    /**
     * One data row.
     *
     * @param row 1-based position among the data rows (blank lines and the CSV header not counted)
     * @param input the record, or null when the row could not be read
     * @param problems why it could not be read
     */
    record ParsedRow(int row, RecordInput input, List<FieldProblem> problems) {
    }

    BatchReader(InputStream in, Format format, JsonMapper json) throws IOException {
        this(in, format, json, DEFAULT_MAX_LINE_BYTES);
    }

    /**
     * @param maxLineBytes the longest NDJSON line read (UTF-8 bytes); a longer one is that row's ROW_TOO_LONG
     */
    BatchReader(InputStream in, Format format, JsonMapper json, int maxLineBytes) throws IOException {
        this.format = format;
        this.maxLineBytes = maxLineBytes;
        var decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT);
        this.reader = new BufferedReader(new InputStreamReader(in, decoder), 64 * 1024);
        this.json = json.rebuild().enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS).build();
        reader.mark(1);
        if (reader.read() != '\uFEFF') {
            reader.reset();
        }
        if (format == Format.CSV) {
            // a CSV row's bound is the NDJSON line's, counted in characters
            csv = new CsvReader(reader, maxLineBytes);
            readHeader();
        }
    }

    private void readHeader() throws IOException {
        List<String> names;
        try {
            do {
                names = csv.next();
            } while (names != null && names.isEmpty());
        } catch (CsvReader.RecordTooLarge e) {
            throw ApiException.invalid("CSV_HEADER_INVALID", "The CSV header is not usable",
                    List.of(new FieldProblem("header", e.tooManyFields() ? "ROW_TOO_MANY_COLUMNS" : "ROW_TOO_LONG", e.getMessage())));
        } catch (CsvReader.MalformedCsv e) {
            // a quote opened in the header and never closed swallowed the upload: a refusal, not a 500
            throw ApiException.invalid("CSV_HEADER_INVALID", "The CSV header is not usable",
                    List.of(new FieldProblem("header", "MALFORMED_CSV", e.getMessage())));
        }
        if (names == null) {
            throw ApiException.invalid("CSV_HEADER_MISSING", "A CSV batch starts with a header row", List.of());
        }
        header = new ArrayList<>();
        List<FieldProblem> problems = new ArrayList<>();
        for (String raw : names) {
            String name = raw.strip();
            if (!TextRules.isValid(name)) {
                problems.add(TextRules.problem("header"));
                header.add(null);
                continue;
            }
            String envelope = ENVELOPE.get(name.toLowerCase(java.util.Locale.ROOT));
            if (envelope != null) {
                header.add(envelope);
            } else if (name.startsWith("fields.") && name.length() > 7) {
                header.add(name);
            } else if (name.matches("[a-z][A-Za-z0-9]{0,39}")) {
                header.add("fields." + name);
            } else {
                problems.add(new FieldProblem("header", "CSV_COLUMN_UNKNOWN", "column " + (header.size() + 1) + " has no usable name"));
                header.add(null);
            }
        }
        REQUIRED.stream().filter(r -> !header.contains(r)).sorted()
                .forEach(r -> problems.add(new FieldProblem("header", "CSV_COLUMN_MISSING", r + " is required")));
        if (!problems.isEmpty()) {
            throw ApiException.invalid("CSV_HEADER_INVALID", "The CSV header is not usable", problems);
        }
    }

    /** The next data row, or null at the end. */
    ParsedRow next() throws IOException {
        return format == Format.NDJSON ? nextJson() : nextCsv();
    }

    private ParsedRow nextJson() throws IOException {
        String line;
        do {
            line = boundedLine();
            if (line == null) {
                return null;
            }
        } while (line != TOO_LONG && line.isBlank());
        row++;
        if (line == TOO_LONG) {
            return new ParsedRow(row, null, List.of(new FieldProblem("row", "ROW_TOO_LONG",
                    "the line is longer than " + maxLineBytes + " bytes")));
        }
        try {
            RecordInput input = json.readValue(line, RecordInput.class);
            if (input == null) {
                return malformed("the line is not a JSON object");
            }
            return new ParsedRow(row, input, List.of());
        } catch (InvalidTextException e) {
            return new ParsedRow(row, null, List.of(TextRules.problem(e.field())));
        } catch (JacksonException e) {
            // the parser's message may quote the input (personal data): keep it out
            return malformed("the line is not a JSON object of the record shape");
        }
    }

    /** Marks a line over {@link #maxLineBytes} (compared by identity). */
    @SuppressWarnings("StringOperationCanBeSimplified")
    private static final String TOO_LONG = new String("<too long>");

    /** NDJSON is scanned a block at a time: a read and an append per character were a tenth of a batch's CPU. */
    private final char[] block = new char[16 * 1024];
    private int blockPos;
    private int blockEnd;

    /**
     * The next line without its terminator ({@code \n}, {@code \r\n} or {@code \r}), or null at the end. A line over
     * {@link #maxLineBytes} UTF-8 bytes is skipped to its end without being held ({@link #TOO_LONG}): a single line can
     * never make the reader buffer more than the limit.
     */
    private String boundedLine() throws IOException {
        StringBuilder line = lineBuffer;
        line.setLength(0);
        long bytes = 0;
        while (blockPos < blockEnd || fillBlock()) {
            int start = blockPos;
            int i = start;
            char c = 0;
            while (i < blockEnd && (c = block[i]) != '\n' && c != '\r') {
                // UTF-8 length: each half of a surrogate pair counts 2 (4 for the pair)
                bytes += c < 0x80 ? 1 : c < 0x800 || Character.isSurrogate(c) ? 2 : 3;
                i++;
            }
            if (bytes <= maxLineBytes) {
                line.append(block, start, i - start);
            }
            blockPos = i;
            if (i < blockEnd) {
                blockPos++;
                if (c == '\r' && (blockPos < blockEnd || fillBlock()) && block[blockPos] == '\n') {
                    blockPos++;
                }
                return bytes > maxLineBytes ? TOO_LONG : line.toString();
            }
        }
        if (bytes > maxLineBytes) {
            return TOO_LONG;
        }
        return line.isEmpty() ? null : line.toString();
    }

    private boolean fillBlock() throws IOException {
        int n = reader.read(block, 0, block.length);
        if (n <= 0) {
            return false;
        }
        blockPos = 0;
        blockEnd = n;
        return true;
    }

    private ParsedRow nextCsv() throws IOException {
        List<String> cells;
        do {
            try {
                cells = csv.next();
            } catch (CsvReader.RecordTooLarge e) {
                row++;
                return new ParsedRow(row, null, List.of(new FieldProblem("row",
                        e.tooManyFields() ? "ROW_TOO_MANY_COLUMNS" : "ROW_TOO_LONG", e.getMessage())));
            }
            if (cells == null) {
                return null;
            }
        } while (cells.isEmpty() || cells.size() == 1 && cells.getFirst().isBlank());
        row++;
        if (cells.size() != header.size()) {
            return malformed("the row has " + cells.size() + " columns, the header " + header.size());
        }
        Map<String, String> envelope = new LinkedHashMap<>();
        Map<String, Object> fields = new LinkedHashMap<>();
        List<FieldProblem> badText = new ArrayList<>();
        for (int i = 0; i < cells.size(); i++) {
            String name = header.get(i);
            String value = cells.get(i);
            if (name == null || value.isBlank()) {
                continue;
            }
            if (!TextRules.isValid(value)) {
                badText.add(TextRules.problem(CSV_FIELDS.getOrDefault(name, name)));
                continue;
            }
            if (name.startsWith("fields.")) {
                fields.put(name.substring(7), value);
            } else {
                envelope.put(name, value);
            }
        }
        if (!badText.isEmpty()) {
            return new ParsedRow(row, null, badText);
        }
        RecordInput.SubjectInput subject = new RecordInput.SubjectInput(envelope.get("subjectIdentifier"),
                envelope.get("subjectName"), envelope.get("subjectType"));
        return new ParsedRow(row, new RecordInput(envelope.get("category"), subject, envelope.get("documentNumber"),
                envelope.get("decisionDate"), fields), List.of());
    }

    private ParsedRow malformed(String message) {
        return new ParsedRow(row, null, List.of(new FieldProblem("row", "MALFORMED_ROW", message)));
    }
}
