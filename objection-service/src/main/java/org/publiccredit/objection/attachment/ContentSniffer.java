package org.publiccredit.objection.attachment;

import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.zip.CRC32;

/**
 * Recognises PDF, JPEG and PNG by content: the magic bytes plus a minimal structure check (PDF header version and
 * end-of-file marker; JPEG start and end of image; PNG signature, a well-formed IHDR chunk with its CRC, and the
 * IEND trailer). The file name and the declared content type are never consulted.
 */
public final class ContentSniffer {

    private static final byte[] PNG_SIGNATURE = {(byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A};
    private static final byte[] PNG_IEND = {0, 0, 0, 0, 'I', 'E', 'N', 'D', (byte) 0xAE, 0x42, 0x60, (byte) 0x82};
    private static final int PDF_TAIL = 1024;
    private static final int JPEG_TAIL = 64;

    private ContentSniffer() {
    }

    public static Optional<FileType> detect(byte[] content) {
        if (content == null) {
            return Optional.empty();
        }
        if (isPdf(content)) {
            return Optional.of(FileType.PDF);
        }
        if (isPng(content)) {
            return Optional.of(FileType.PNG);
        }
        if (isJpeg(content)) {
            return Optional.of(FileType.JPEG);
        }
        return Optional.empty();
    }

    static boolean isPdf(byte[] b) {
        // "%PDF-1.7" or "%PDF-2.0", and "%%EOF" near the end (incremental updates and trailing newlines allowed)
        if (b.length < 16 || !startsWith(b, "%PDF-".getBytes(StandardCharsets.US_ASCII))) {
            return false;
        }
        if (!Character.isDigit(b[5]) || b[6] != '.' || !Character.isDigit(b[7])) {
            return false;
        }
        int from = Math.max(0, b.length - PDF_TAIL);
        return indexOf(b, "%%EOF".getBytes(StandardCharsets.US_ASCII), from) >= 0;
    }

    static boolean isPng(byte[] b) {
        if (b.length < PNG_SIGNATURE.length + 25 + PNG_IEND.length || !startsWith(b, PNG_SIGNATURE)) {
            return false;
        }
        // the first chunk is IHDR: length 13, type, 13 bytes of data, CRC over type and data
        int i = PNG_SIGNATURE.length;
        if (readInt(b, i) != 13 || b[i + 4] != 'I' || b[i + 5] != 'H' || b[i + 6] != 'D' || b[i + 7] != 'R') {
            return false;
        }
        long width = readInt(b, i + 8) & 0xFFFFFFFFL;
        long height = readInt(b, i + 12) & 0xFFFFFFFFL;
        if (width == 0 || height == 0) {
            return false;
        }
        CRC32 crc = new CRC32();
        crc.update(b, i + 4, 17);
        if ((int) crc.getValue() != readInt(b, i + 21)) {
            return false;
        }
        for (int k = 0; k < PNG_IEND.length; k++) {
            if (b[b.length - PNG_IEND.length + k] != PNG_IEND[k]) {
                return false;
            }
        }
        return true;
    }

    static boolean isJpeg(byte[] b) {
        // SOI (FF D8), then a marker segment (FF xx with xx a real marker), and EOI (FF D9) at the end
        if (b.length < 8 || (b[0] & 0xFF) != 0xFF || (b[1] & 0xFF) != 0xD8 || (b[2] & 0xFF) != 0xFF) {
            return false;
        }
        int marker = b[3] & 0xFF;
        boolean known = (marker >= 0xE0 && marker <= 0xEF) || marker == 0xDB || marker == 0xC4 || marker == 0xFE
                || (marker >= 0xC0 && marker <= 0xC2);
        if (!known) {
            return false;
        }
        for (int k = b.length - 2; k >= Math.max(4, b.length - JPEG_TAIL); k--) {
            if ((b[k] & 0xFF) == 0xFF && (b[k + 1] & 0xFF) == 0xD9) {
                return true;
            }
        }
        return false;
    }

    private static boolean startsWith(byte[] b, byte[] prefix) {
        if (b.length < prefix.length) {
            return false;
        }
        for (int i = 0; i < prefix.length; i++) {
            if (b[i] != prefix[i]) {
                return false;
            }
        }
        return true;
    }

    private static int indexOf(byte[] b, byte[] needle, int from) {
        outer:
        for (int i = from; i <= b.length - needle.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (b[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }

    private static int readInt(byte[] b, int at) {
        return ((b[at] & 0xFF) << 24) | ((b[at + 1] & 0xFF) << 16) | ((b[at + 2] & 0xFF) << 8) | (b[at + 3] & 0xFF);
    }
}
