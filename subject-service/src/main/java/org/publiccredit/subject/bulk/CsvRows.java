package org.publiccredit.subject.bulk;

import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.publiccredit.commons.problem.ApiException;
import org.publiccredit.commons.problem.FieldProblem;
import org.publiccredit.subject.registry.SubjectInput;

/**
 * CSV rows (RFC 4180: comma separated, fields in double quotes may hold commas, doubled quotes and line breaks),
 * UTF-8 with or without a byte-order mark, a header row naming the columns. Column names are those of
 * {@link SubjectInput} in any case, with or without underscores ({@code idNumber}, {@code id_number}). An unknown or
 * repeated column, or a header without {@code code} and {@code idNumber}, refuses the whole upload before any row.
 */
final class CsvRows implements RowSource {

    static final List<String> FIELDS = List.of("code", "idNumber", "name", "type", "region", "legalRepresentative",
            "registrationDate", "registrationStatus", "industry", "address", "shortNames");
    /** How several short names share their column. */
    private static final java.util.regex.Pattern SHORT_NAME_SEPARATOR = java.util.regex.Pattern.compile("[;；、]");

    private final CharInput in;
    private final Locale locale;
    private final int[] fieldOf;
    private final StringBuilder field = new StringBuilder(64);
    private int lineNumber = 1;
    private int rowNumber;
    private boolean tooLong;
    private boolean badEncoding;
    private int recordChars;

    CsvRows(CharInput in, Locale locale) throws IOException {
        this.in = in;
        this.locale = locale;
        List<String> header = record();
        while (header != null && blank(header)) {
            header = record();
        }
        if (header == null) {
            throw ApiException.invalid("IMPORT_EMPTY", "The CSV upload has no header row", List.of());
        }
        this.fieldOf = columns(header);
    }

    @Override
    public Row next() throws IOException {
        while (true) {
            int startLine = lineNumber;
            List<String> values = record();
            if (values == null) {
                return null;
            }
            if (!tooLong && blank(values)) {
                continue;
            }
            rowNumber++;
            if (tooLong) {
                return new Row(rowNumber, startLine, null, List.of(RowCodes.problem(RowCodes.ROW_TOO_LONG, locale)));
            }
            if (badEncoding) {
                return new Row(rowNumber, startLine, null, List.of(RowCodes.problem(RowCodes.ROW_ENCODING, locale)));
            }
            if (values.size() != fieldOf.length) {
                return new Row(rowNumber, startLine, null, List.of(RowCodes.problem(RowCodes.ROW_SHAPE, locale)));
            }
            String[] byField = new String[FIELDS.size()];
            for (int i = 0; i < fieldOf.length; i++) {
                String v = values.get(i);
                byField[fieldOf[i]] = v.isEmpty() ? null : v;
            }
            return new Row(rowNumber, startLine, new SubjectInput(byField[0], byField[1], byField[2], byField[3], byField[4],
                    byField[5], byField[6], byField[7], byField[8], byField[9],
                    byField[10] == null ? null : List.of(SHORT_NAME_SEPARATOR.split(byField[10].strip(), -1))), List.of());
        }
    }

    /** One record's fields, or null at the end of the input. */
    private List<String> record() throws IOException {
        int c = in.read();
        if (c < 0) {
            return null;
        }
        List<String> values = new ArrayList<>(FIELDS.size());
        field.setLength(0);
        tooLong = false;
        badEncoding = false;
        recordChars = 0;
        boolean quoted = false;
        while (true) {
            if (c < 0) {
                values.add(field.toString());
                return values;
            }
            if (quoted) {
                if (c == '"') {
                    if (in.peek() == '"') {
                        in.read();
                        append('"');
                    } else {
                        quoted = false;
                    }
                } else {
                    if (c == '\n') {
                        lineNumber++;
                    }
                    append((char) c);
                }
            } else if (c == ',') {
                values.add(field.toString());
                field.setLength(0);
            } else if (c == '\n' || c == '\r') {
                if (c == '\r' && in.peek() == '\n') {
                    in.read();
                }
                lineNumber++;
                values.add(field.toString());
                return values;
            } else if (c == '"' && field.isEmpty()) {
                quoted = true;
            } else {
                append((char) c);
            }
            c = in.read();
        }
    }

    private void append(char c) {
        if (++recordChars > MAX_ROW_CHARS) {
            tooLong = true;
            return;
        }
        if (c == CharInput.REPLACEMENT) {
            badEncoding = true;
        }
        field.append(c);
    }

    private int[] columns(List<String> header) {
        Map<String, Integer> known = new HashMap<>();
        for (int i = 0; i < FIELDS.size(); i++) {
            known.put(simple(FIELDS.get(i)), i);
        }
        int[] map = new int[header.size()];
        boolean[] seen = new boolean[FIELDS.size()];
        List<FieldProblem> problems = new ArrayList<>();
        for (int i = 0; i < header.size(); i++) {
            Integer f = known.get(simple(header.get(i)));
            String shown = header.get(i).length() > 64 ? header.get(i).substring(0, 64) : header.get(i);
            if (f == null) {
                problems.add(new FieldProblem(shown, "IMPORT_UNKNOWN_COLUMN", "Unknown column; known: " + String.join(", ", FIELDS)));
            } else if (seen[f]) {
                problems.add(new FieldProblem(shown, "IMPORT_REPEATED_COLUMN", "The column appears twice"));
            } else {
                seen[f] = true;
                map[i] = f;
            }
        }
        if (!seen[0] && !seen[1]) {
            problems.add(new FieldProblem("code", "IMPORT_IDENTIFIER_COLUMN_MISSING", "The header needs a code or idNumber column"));
        }
        if (!problems.isEmpty()) {
            throw ApiException.invalid("IMPORT_HEADER_INVALID", "The CSV header row is not usable; nothing was imported", problems);
        }
        return map;
    }

    private static String simple(String name) {
        return name.strip().replace("_", "").replace("-", "").replace(" ", "").toLowerCase(Locale.ROOT);
    }

    private static boolean blank(List<String> values) {
        return values.size() == 1 && values.getFirst().isBlank();
    }
}
