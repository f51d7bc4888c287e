package org.publiccredit.subject.bulk;

import java.io.IOException;
import java.util.List;
import java.util.Locale;
import org.publiccredit.subject.registry.SubjectInput;
import org.publiccredit.commons.problem.FieldProblem;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.ObjectReader;
import tools.jackson.databind.exc.UnrecognizedPropertyException;
import tools.jackson.databind.json.JsonMapper;

/**
 * NDJSON rows: one JSON object per line (the fields of {@link SubjectInput}); blank lines are skipped. An unknown
 * field refuses the row: since a row carries the whole record, a misspelt field would otherwise clear the real one.
 */
final class NdjsonRows implements RowSource {

    private final CharInput in;
    private final ObjectReader reader;
    private final Locale locale;
    private final StringBuilder line = new StringBuilder(256);
    private int lineNumber;
    private int rowNumber;

    NdjsonRows(CharInput in, JsonMapper json, Locale locale) {
        this.in = in;
        this.reader = json.readerFor(SubjectInput.class).with(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
        this.locale = locale;
    }

    @Override
    public Row next() throws IOException {
        while (true) {
            line.setLength(0);
            boolean tooLong = false;
            int c = in.read();
            if (c < 0) {
                return null;
            }
            lineNumber++;
            while (c >= 0 && c != '\n') {
                if (line.length() < MAX_ROW_CHARS) {
                    line.append((char) c);
                } else {
                    tooLong = true;
                }
                c = in.read();
            }
            int end = line.length();
            if (end > 0 && line.charAt(end - 1) == '\r') {
                line.setLength(end - 1);
            }
            if (!tooLong && line.toString().isBlank()) {
                continue;
            }
            rowNumber++;
            if (tooLong) {
                return new Row(rowNumber, lineNumber, null, List.of(RowCodes.problem(RowCodes.ROW_TOO_LONG, locale)));
            }
            if (line.indexOf(String.valueOf(CharInput.REPLACEMENT)) >= 0) {
                return new Row(rowNumber, lineNumber, null, List.of(RowCodes.problem(RowCodes.ROW_ENCODING, locale)));
            }
            try {
                SubjectInput input = reader.readValue(line.toString());
                if (input == null) {
                    return new Row(rowNumber, lineNumber, null, List.of(RowCodes.problem(RowCodes.ROW_MALFORMED, locale)));
                }
                return new Row(rowNumber, lineNumber, input, List.of());
            } catch (UnrecognizedPropertyException e) {
                String field = e.getPropertyName() == null || e.getPropertyName().length() > 64 ? "row" : e.getPropertyName();
                return new Row(rowNumber, lineNumber, null, List.of(new FieldProblem(field, RowCodes.FIELD_UNKNOWN,
                        RowCodes.problem(RowCodes.FIELD_UNKNOWN, locale).message())));
            } catch (JacksonException e) {
                // the parser's message may quote the row (personal data): only the code goes out
                return new Row(rowNumber, lineNumber, null, List.of(RowCodes.problem(RowCodes.ROW_MALFORMED, locale)));
            }
        }
    }
}
