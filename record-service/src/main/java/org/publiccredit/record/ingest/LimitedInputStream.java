package org.publiccredit.record.ingest;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;

/** Counts the bytes read and stops at a limit, chunked uploads included (the gateway only checks Content-Length). */
final class LimitedInputStream extends FilterInputStream {

    private final long limit;
    private long count;

    /** Thrown when the upload exceeds the limit. */
    static final class TooLarge extends IOException {
        TooLarge() {
            super("upload too large");
        }
    }

    LimitedInputStream(InputStream in, long limit) {
        super(in);
        this.limit = limit;
    }

    @Override
    public int read() throws IOException {
        int b = super.read();
        if (b >= 0 && ++count > limit) {
            throw new TooLarge();
        }
        return b;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
        int n = super.read(b, off, len);
        if (n > 0) {
            count += n;
            if (count > limit) {
                throw new TooLarge();
            }
        }
        return n;
    }
}
