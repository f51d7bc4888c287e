package org.publiccredit.commons.text;

import java.nio.charset.MalformedInputException;

/**
 * Strict UTF-8 (RFC 3629) checked while bytes stream past, without decoding them: refuses overlong forms
 * ({@code C0 AF}), encoded surrogates ({@code ED A0 80}), code points above U+10FFFF, stray continuation bytes and a
 * sequence cut off at the end. Lenient decoders turn {@code C0 AF} into "/", which is how a filter is bypassed.
 */
public final class Utf8Check {

    private int pending;
    private int low = 0x80;
    private int high = 0xBF;
    private long offset;

    /** Checks the next bytes. @throws MalformedInputException at the first invalid byte */
    public void update(byte[] bytes, int from, int length) throws MalformedInputException {
        for (int i = from; i < from + length; i++) {
            int b = bytes[i] & 0xFF;
            if (pending == 0) {
                if (b >= 0x80) {
                    start(b);
                }
            } else if (b < low || b > high) {
                throw new MalformedInputException(1);
            } else {
                pending--;
                low = 0x80;
                high = 0xBF;
            }
            offset++;
        }
    }

    /** Checks one byte. */
    public void update(int b) throws MalformedInputException {
        update(new byte[] {(byte) b}, 0, 1);
    }

    /** The input ended: a sequence must not be left open. */
    public void finish() throws MalformedInputException {
        if (pending != 0) {
            throw new MalformedInputException(1);
        }
    }

    /** Bytes checked so far. */
    public long offset() {
        return offset;
    }

    private void start(int b) throws MalformedInputException {
        if (b >= 0xC2 && b <= 0xDF) {
            expect(1, 0x80, 0xBF);
        } else if (b == 0xE0) {
            expect(2, 0xA0, 0xBF);
        } else if (b == 0xED) {
            expect(2, 0x80, 0x9F);
        } else if (b >= 0xE1 && b <= 0xEF) {
            expect(2, 0x80, 0xBF);
        } else if (b == 0xF0) {
            expect(3, 0x90, 0xBF);
        } else if (b >= 0xF1 && b <= 0xF3) {
            expect(3, 0x80, 0xBF);
        } else if (b == 0xF4) {
            expect(3, 0x80, 0x8F);
        } else {
            throw new MalformedInputException(1);
        }
    }

    private void expect(int continuations, int firstLow, int firstHigh) {
        pending = continuations;
        low = firstLow;
        high = firstHigh;
    }
}
