package org.publiccredit.subject.bulk;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * Characters of an upload, read through a fixed buffer straight from the request stream (the body is never held
 * whole). UTF-8; a leading byte-order mark is skipped; malformed bytes become U+FFFD, which the row then refuses.
 */
final class CharInput {

    static final char REPLACEMENT = '\uFFFD';

    private final Reader reader;
    private final char[] buffer = new char[64 * 1024];
    private int position;
    private int length;
    private boolean first = true;

    CharInput(InputStream in) {
        this.reader = new InputStreamReader(in, StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPLACE).onUnmappableCharacter(CodingErrorAction.REPLACE));
    }

    CharInput(Reader reader) {
        this.reader = reader;
    }

    /** The next character, or -1 at the end. */
    int read() throws IOException {
        if (position == length && !fill()) {
            return -1;
        }
        return buffer[position++];
    }

    /** The next character without consuming it, or -1 at the end. */
    int peek() throws IOException {
        if (position == length && !fill()) {
            return -1;
        }
        return buffer[position];
    }

    private boolean fill() throws IOException {
        int n;
        do {
            n = reader.read(buffer, 0, buffer.length);
        } while (n == 0);
        if (n < 0) {
            return false;
        }
        position = 0;
        length = n;
        if (first) {
            first = false;
            if (buffer[0] == '\uFEFF') {
                position = 1;
                return position < length || fill();
            }
        }
        return true;
    }
}
