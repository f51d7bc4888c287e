package org.publiccredit.commons.web;

import java.io.IOException;

/** A body sent without a length (chunked) grew past the limit while it was read: a 413 problem, never a 500. */
public class BodyTooLargeException extends IOException {

    private static final long serialVersionUID = 1L;

    private final long limit;

    public BodyTooLargeException(long limit) {
        super("The body is larger than " + limit + " bytes");
        this.limit = limit;
    }

    public long limit() {
        return limit;
    }
}
