package org.publiccredit.report.render;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import org.apache.fontbox.ttf.CmapLookup;
import org.apache.fontbox.ttf.TTFParser;
import org.apache.fontbox.ttf.TrueTypeFont;
import org.apache.pdfbox.io.RandomAccessReadBuffer;

/**
 * The report's CJK face (Noto Sans SC Regular, SIL OFL 1.1, TrueType outlines), read from the service's own jar
 * ({@code fonts/report-cjk.ttf}, put there by the build; never a font of the host). Parsing the 10 MB face takes longer
 * than rendering a report, so it is parsed once per rendering slot and lent out: a parsed {@link TrueTypeFont} reads its
 * tables lazily and is not safe for two documents at once, but many instances share the one byte array.
 */
public final class ReportFonts {

    static final String RESOURCE = "fonts/report-cjk.ttf";

    private final BlockingQueue<TrueTypeFont> pool;
    private final CmapLookup cmap;

    private ReportFonts(byte[] bytes, int instances) {
        pool = new ArrayBlockingQueue<>(instances);
        for (int i = 0; i < instances; i++) {
            pool.add(parse(bytes));
        }
        try {
            // a separate instance answers "has a glyph?" for every thread: the cmap is read once, then only looked up
            cmap = parse(bytes).getUnicodeCmapLookup();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Loads the face from the class path, parsed {@code instances} times (one per concurrent rendering). */
    public static ReportFonts load(int instances) {
        try (InputStream in = ReportFonts.class.getClassLoader().getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException(RESOURCE + " is not on the class path (the build puts it there: scripts/fetch-font.sh)");
            }
            return new ReportFonts(withoutSubstitutions(in.readAllBytes()), Math.max(1, instances));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * The face with its GSUB table hidden (its directory entry renamed): PDFBox applies GSUB rules (Latin ligatures) to
     * every string shown with a Type 0 font, compiling regular expressions on each call, which took most of the time of
     * a long report; Chinese text in a report needs no substitution, and the glyphs stay the same.
     */
    static byte[] withoutSubstitutions(byte[] font) {
        byte[] copy = font.clone();
        int tables = ((copy[4] & 0xff) << 8) | (copy[5] & 0xff);
        for (int i = 0; i < tables; i++) {
            int at = 12 + 16 * i;
            if (copy[at] == 'G' && copy[at + 1] == 'S' && copy[at + 2] == 'U' && copy[at + 3] == 'B') {
                copy[at] = 'X';
            }
        }
        return copy;
    }

    private static TrueTypeFont parse(byte[] bytes) {
        try {
            TrueTypeFont font = new TTFParser().parse(new RandomAccessReadBuffer(bytes));
            font.getUnicodeCmapLookup();
            return font;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Whether the face draws this code point (others are replaced, never dropped silently). */
    public boolean hasGlyph(int codePoint) {
        return cmap.getGlyphId(codePoint) > 0;
    }

    TrueTypeFont borrow() {
        try {
            return pool.take();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for the report font", e);
        }
    }

    void giveBack(TrueTypeFont font) {
        pool.add(font);
    }
}
