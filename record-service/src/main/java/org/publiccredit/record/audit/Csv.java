package org.publiccredit.record.audit;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * CSV as Excel opens it (RFC 4180): UTF-8 with a byte order mark (else Excel reads the Chinese as GBK), CRLF line ends,
 * every cell quoted with inner quotes doubled. A cell that a spreadsheet would take for a formula ({@code = + - @}, tab,
 * CR at its start: a purpose is free text a partner wrote) is prefixed with an apostrophe, so it is shown, never run.
 */
final class Csv {

    private static final byte[] BOM = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};

    private final OutputStream out;

    Csv(OutputStream out) {
        this.out = out;
    }

    void bom() {
        write(BOM);
    }

    void row(List<?> cells) {
        StringBuilder line = new StringBuilder();
        for (int i = 0; i < cells.size(); i++) {
            if (i > 0) {
                line.append(',');
            }
            line.append(cell(cells.get(i)));
        }
        write(line.append("\r\n").toString().getBytes(StandardCharsets.UTF_8));
    }

    static String cell(Object value) {
        String v = value == null ? "" : value.toString();
        if (!v.isEmpty() && "=+-@\t\r".indexOf(v.charAt(0)) >= 0) {
            v = "'" + v;
        }
        return '"' + v.replace("\"", "\"\"") + '"';
    }

    private void write(byte[] bytes) {
        try {
            out.write(bytes);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
