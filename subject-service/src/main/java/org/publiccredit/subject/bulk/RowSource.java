package org.publiccredit.subject.bulk;

import java.io.IOException;

/** Rows of an upload, one at a time. */
interface RowSource {

    /** Longest row accepted, in characters; a longer one is refused (ROW_TOO_LONG) and skipped. */
    int MAX_ROW_CHARS = 16 * 1024;

    /** The next row, or null at the end. */
    Row next() throws IOException;
}
