package org.publiccredit.record.ingest;

import java.io.IOException;
import java.io.Reader;
import java.util.ArrayList;
import java.util.List;

/**
 * A streaming RFC 4180 reader: comma separated, fields optionally in double quotes (a quote doubled inside), quoted
 * fields may span lines, CRLF or LF line ends. Reads one record at a time from the reader, never the whole input, and
 * never holds more of one record than its bounds: at most {@link #MAX_FIELDS} fields and {@link #maxRecordChars}
 * characters (a record of 100 million commas was otherwise a list of 100 million strings).
 */
final class CsvReader {

    /** Longest field accepted, so a missing closing quote cannot swallow the whole upload into memory. */
    static final int MAX_FIELD = 64 * 1024;
    /** Most fields in one record: far more than any catalog entry's columns. */
    static final int MAX_FIELDS = 256;

    private final Reader in;
    private final long maxRecordChars;
    private int pushedBack = -2;

    CsvReader(Reader in) {
        this(in, Long.MAX_VALUE);
    }

    /**
     * @param maxRecordChars the most characters of one record (its fields and separators) that are kept
     */
    CsvReader(Reader in, long maxRecordChars) {
        this.in = in;
        this.maxRecordChars = maxRecordChars;
    }

    /**
     * A record over a bound: it was read to its end and dropped, and the next call reads the record after it.
     * {@code tooManyFields} tells which bound it broke (else the length).
     */
    static final class RecordTooLarge extends IOException {
        private final boolean tooManyFields;

        RecordTooLarge(boolean tooManyFields, String message) {
            super(message);
            this.tooManyFields = tooManyFields;
        }

        boolean tooManyFields() {
            return tooManyFields;
        }
    }

    /** Thrown for a field that is too long or a quote that is never closed. */
    static final class MalformedCsv extends IOException {
        MalformedCsv(String message) {
            super(message);
        }
    }

    /** The next record's fields, or null at the end of input. A blank line gives an empty list. */
    List<String> next() throws IOException {
        int c = read();
        if (c == -1) {
            return null;
        }
        List<String> fields = new ArrayList<>();
        StringBuilder field = new StringBuilder();
        boolean quoted = false;
        boolean wasQuoted = false;
        long chars = 0;
        // set once a bound is passed: the rest of the record is read (quotes still count) but nothing more is kept
        RecordTooLarge dropped = null;
        while (true) {
            if (dropped == null && ++chars > maxRecordChars) {
                dropped = new RecordTooLarge(false, "the row is longer than " + maxRecordChars + " characters");
            }
            if (dropped != null) {
                fields.clear();
                field.setLength(0);
            }
            if (quoted) {
                if (c == -1) {
                    throw new MalformedCsv("a quoted field is not closed");
                }
                if (c == '"') {
                    int n = read();
                    if (n == '"') {
                        field.append('"');
                    } else {
                        quoted = false;
                        c = n;
                        continue;
                    }
                } else {
                    field.append((char) c);
                }
            } else if (c == ',') {
                fields.add(field.toString());
                field.setLength(0);
                wasQuoted = false;
                if (dropped == null && fields.size() >= MAX_FIELDS) {
                    dropped = new RecordTooLarge(true, "the row has more than " + MAX_FIELDS + " columns");
                }
            } else if (c == '\r' || c == '\n' || c == -1) {
                if (c == '\r') {
                    int n = read();
                    if (n != '\n') {
                        unread(n);
                    }
                }
                if (dropped != null) {
                    throw dropped;
                }
                if (!fields.isEmpty() || field.length() > 0 || wasQuoted) {
                    fields.add(field.toString());
                }
                return fields;
            } else if (c == '"' && field.length() == 0 && !wasQuoted) {
                quoted = true;
                wasQuoted = true;
            } else {
                field.append((char) c);
            }
            if (field.length() > MAX_FIELD) {
                throw new MalformedCsv("a field is longer than " + MAX_FIELD + " characters");
            }
            c = read();
        }
    }

    private int read() throws IOException {
        if (pushedBack != -2) {
            int c = pushedBack;
            pushedBack = -2;
            return c;
        }
        return in.read();
    }

    private void unread(int c) {
        pushedBack = c;
    }
}
