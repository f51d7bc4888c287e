package org.publiccredit.report.render;

import com.google.zxing.common.BitMatrix;
import java.awt.Color;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Calendar;
import java.util.GregorianCalendar;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TimeZone;
import org.apache.fontbox.ttf.TrueTypeFont;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentInformation;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDType0Font;
import org.apache.pdfbox.pdmodel.graphics.state.RenderingMode;

/**
 * Lays a {@link ReportDocument} out as an A4 PDF with PDFBox: the CJK face subset-embedded (only the glyphs used travel
 * in the file, so any reader shows the same Chinese text and text extraction returns it), a vector QR code of the
 * verification URL on page 1, the number and "page n of N" on every page. Unsigned: {@code sign} signs the bytes.
 */
public final class ReportRenderer {

    /** The custom document-information key holding the report number (read back when a file is verified). */
    public static final String NUMBER_KEY = "ReportNumber";

    private static final float MARGIN_X = 56;
    private static final float MARGIN_TOP = 56;
    private static final float MARGIN_BOTTOM = 64;
    private static final float QR_SIZE = 86;
    private static final float BODY = 9f;
    private static final float LABEL_WIDTH = 112;
    private static final float HALF_LABEL_WIDTH = 92;
    private static final Color INK = new Color(0x1f, 0x23, 0x28);
    private static final Color MUTED = new Color(0x5f, 0x66, 0x6d);
    private static final Color ACCENT = new Color(0x1d, 0x4e, 0x89);
    private static final Color MARK = new Color(0xb4, 0x23, 0x18);
    private static final Color RULE = new Color(0xd0, 0xd7, 0xde);
    private static final String NO_BREAK_BEFORE = "，。、；：？！）》」』”’％,.;:?!)]}";

    private final ReportFonts fonts;

    public ReportRenderer(ReportFonts fonts) {
        this.fonts = fonts;
    }

    /**
     * The PDF and how many pages it has.
     *
     * @param pdf the bytes (unsigned)
     * @param pages the page count
     */
    public record Rendered(byte[] pdf, int pages) {
    }

    public Rendered render(ReportDocument report, Instant created) {
        TrueTypeFont face = fonts.borrow();
        try (PDDocument doc = new PDDocument()) {
            PDType0Font font = PDType0Font.load(doc, face, true);
            Layout layout = new Layout(doc, font);
            layout.firstPage(report);
            for (ReportDocument.Section section : report.sections()) {
                layout.section(section);
            }
            layout.notes(report.notes());
            layout.finish(report);
            info(doc, report, created);
            ByteArrayOutputStream out = new ByteArrayOutputStream(256 * 1024);
            doc.save(out);
            return new Rendered(out.toByteArray(), doc.getNumberOfPages());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            fonts.giveBack(face);
        }
    }

    private static void info(PDDocument doc, ReportDocument report, Instant created) {
        PDDocumentInformation info = doc.getDocumentInformation();
        info.setTitle(report.title() + "（" + report.editionLabel() + "）");
        info.setAuthor(report.platformName());
        info.setSubject("信用报告 " + report.number());
        info.setCreator("report-service");
        Calendar at = new GregorianCalendar(TimeZone.getTimeZone("UTC"));
        at.setTimeInMillis(created.toEpochMilli());
        info.setCreationDate(at);
        info.setCustomMetadataValue(NUMBER_KEY, report.number());
    }

    /** The flow of one document: a cursor down the page, new pages as needed. */
    private final class Layout {
        private final PDDocument doc;
        private final PDType0Font font;
        private final Map<Integer, Float> widths = new HashMap<>();
        private final List<PDPage> pages = new ArrayList<>();
        private final float width = PDRectangle.A4.getWidth();
        private final float height = PDRectangle.A4.getHeight();
        private final float contentWidth = width - 2 * MARGIN_X;
        private PDPageContentStream cs;
        private float y;

        Layout(PDDocument doc, PDType0Font font) {
            this.doc = doc;
            this.font = font;
        }

        void firstPage(ReportDocument r) throws IOException {
            newPage(false);
            float top = height - MARGIN_TOP;
            text(MARGIN_X, top, 9, r.platformName(), MUTED, false);
            BitMatrix qr = QrCode.encode(r.verifyUrl());
            cs.setNonStrokingColor(INK);
            QrCode.draw(cs, qr, width - MARGIN_X - QR_SIZE, top - QR_SIZE + 6, QR_SIZE);
            String caption = "扫码验证真伪";
            text(width - MARGIN_X - QR_SIZE / 2 - textWidth(caption, 7.5f) / 2, top - QR_SIZE - 5, 7.5f, caption, MUTED, false);
            y = top - 30;
            centered(r.title(), 20, INK, true);
            y -= 26;
            centered("（" + r.editionLabel() + "）", 12, ACCENT, false);
            y -= 24;
            float factsWidth = contentWidth - QR_SIZE - 16;
            for (ReportDocument.Row row : r.facts()) {
                row(row, factsWidth, 0);
            }
            y -= 4;
            y = Math.min(y, top - QR_SIZE - 18);
            rule(1.2f, ACCENT);
            y -= 10;
        }

        void section(ReportDocument.Section s) throws IOException {
            boolean main = s.level() <= 1;
            float size = main ? 13 : 11;
            ensure(size * 1.6f + BODY * 3);
            y -= main ? 10 : 4;
            if (main) {
                cs.setNonStrokingColor(ACCENT);
                cs.addRect(MARGIN_X, y - size + 1, 3.2f, size + 1);
                cs.fill();
            }
            text(MARGIN_X + (main ? 9 : 0), y - size, size, s.title(), main ? ACCENT : INK, true);
            y -= size * 1.75f;
            for (ReportDocument.Row row : s.rows()) {
                row(row, contentWidth, 0);
            }
            for (ReportDocument.Entry e : s.entries()) {
                entry(e);
            }
            for (String p : s.paragraphs()) {
                paragraph(p, BODY, INK, 0);
                y -= 3;
            }
            if (s.empty() && s.emptyText() != null) {
                paragraph(s.emptyText(), BODY, MUTED, 0);
            }
            y -= 2;
        }

        void entry(ReportDocument.Entry e) throws IOException {
            float size = 10;
            List<String> heading = wrap(e.heading(), size, contentWidth);
            ensure(heading.size() * size * 1.5f + BODY * 1.55f * Math.min(3, e.rows().size() + 1));
            for (String line : heading) {
                text(MARGIN_X, y - size, size, line, INK, true);
                y -= size * 1.5f;
            }
            if (!e.marks().isEmpty()) {
                String marks = "【" + String.join("】【", e.marks()) + "】";
                paragraph(marks, 9, MARK, 0);
            }
            rows(e.rows(), contentWidth - 12, 12);
            y -= 3;
            ensure(6);
            rule(0.4f, RULE);
            y -= 6;
        }

        void notes(List<String> notes) throws IOException {
            if (notes.isEmpty()) {
                return;
            }
            ensure(40);
            y -= 8;
            rule(0.6f, RULE);
            y -= 8;
            for (String n : notes) {
                paragraph(n, 8.5f, MUTED, 0);
                y -= 2;
            }
        }

        /** Short rows two to a line (a half column each), long ones across the whole width: a record stays compact. */
        void rows(List<ReportDocument.Row> rows, float available, float indent) throws IOException {
            float half = available / 2;
            float halfValue = half - HALF_LABEL_WIDTH - 6;
            float lh = BODY * 1.55f;
            for (int i = 0; i < rows.size(); i++) {
                ReportDocument.Row a = rows.get(i);
                ReportDocument.Row b = i + 1 < rows.size() ? rows.get(i + 1) : null;
                if (b != null && fitsHalf(a, halfValue) && fitsHalf(b, halfValue)) {
                    ensure(lh);
                    text(MARGIN_X + indent, y - BODY, BODY, fit(a.label(), BODY, HALF_LABEL_WIDTH - 6), MUTED, false);
                    text(MARGIN_X + indent + HALF_LABEL_WIDTH, y - BODY, BODY, value(a), INK, false);
                    text(MARGIN_X + indent + half, y - BODY, BODY, fit(b.label(), BODY, HALF_LABEL_WIDTH - 6), MUTED, false);
                    text(MARGIN_X + indent + half + HALF_LABEL_WIDTH, y - BODY, BODY, value(b), INK, false);
                    y -= lh;
                    i++;
                } else {
                    row(a, available, indent);
                }
            }
        }

        private boolean fitsHalf(ReportDocument.Row row, float width) throws IOException {
            String v = value(row);
            return v.indexOf('\n') < 0 && textWidth(clean(v), BODY) <= width && textWidth(clean(row.label()), BODY) <= HALF_LABEL_WIDTH - 6;
        }

        private static String value(ReportDocument.Row row) {
            return row.value() == null || row.value().isBlank() ? "—" : row.value();
        }

        void row(ReportDocument.Row row, float available, float indent) throws IOException {
            float valueWidth = available - LABEL_WIDTH;
            List<String> lines = wrap(row.value() == null || row.value().isBlank() ? "—" : row.value(), BODY, valueWidth);
            float lh = BODY * 1.55f;
            boolean first = true;
            for (String line : lines) {
                ensure(lh);
                if (first) {
                    text(MARGIN_X + indent, y - BODY, BODY, fit(row.label(), BODY, LABEL_WIDTH - 8), MUTED, false);
                    first = false;
                }
                text(MARGIN_X + indent + LABEL_WIDTH, y - BODY, BODY, line, INK, false);
                y -= lh;
            }
        }

        void paragraph(String text, float size, Color color, float indent) throws IOException {
            float lh = size * 1.6f;
            for (String line : wrap(text, size, contentWidth - indent)) {
                ensure(lh);
                text(MARGIN_X + indent, y - size, size, line, color, false);
                y -= lh;
            }
        }

        void centered(String s, float size, Color color, boolean bold) throws IOException {
            String clean = clean(s);
            text(width / 2 - textWidth(clean, size) / 2, y - size, size, clean, color, bold);
        }

        void rule(float thickness, Color color) throws IOException {
            cs.setStrokingColor(color);
            cs.setLineWidth(thickness);
            cs.moveTo(MARGIN_X, y);
            cs.lineTo(width - MARGIN_X, y);
            cs.stroke();
        }

        /** Starts a new page when less than {@code needed} points are left. */
        void ensure(float needed) throws IOException {
            if (y - needed < MARGIN_BOTTOM) {
                newPage(true);
            }
        }

        void newPage(boolean running) throws IOException {
            if (cs != null) {
                cs.close();
            }
            PDPage page = new PDPage(PDRectangle.A4);
            doc.addPage(page);
            pages.add(page);
            cs = new PDPageContentStream(doc, page);
            y = height - MARGIN_TOP;
            if (running) {
                y -= 14;
            }
        }

        /** Footers (and running heads) once the page count is known. */
        void finish(ReportDocument r) throws IOException {
            cs.close();
            int total = pages.size();
            for (int i = 0; i < total; i++) {
                try (PDPageContentStream footer = new PDPageContentStream(doc, pages.get(i), PDPageContentStream.AppendMode.APPEND,
                        true, true)) {
                    cs = footer;
                    float base = 34;
                    cs.setStrokingColor(RULE);
                    cs.setLineWidth(0.5f);
                    cs.moveTo(MARGIN_X, base + 12);
                    cs.lineTo(width - MARGIN_X, base + 12);
                    cs.stroke();
                    text(MARGIN_X, base, 7.5f, "报告编号 " + r.number(), MUTED, false);
                    String page = "第 " + (i + 1) + " 页 / 共 " + total + " 页";
                    text(width / 2 - textWidth(page, 7.5f) / 2, base, 7.5f, page, MUTED, false);
                    String verify = "在线验证：" + r.verifyUrl();
                    text(MARGIN_X, base - 11, 6.5f, fit(verify, 6.5f, contentWidth), MUTED, false);
                    String issuer = r.platformName();
                    text(width - MARGIN_X - textWidth(issuer, 7.5f), base, 7.5f, issuer, MUTED, false);
                    if (i > 0) {
                        String head = r.title() + "（" + r.editionLabel() + "）  " + r.number();
                        text(MARGIN_X, height - MARGIN_TOP + 4, 7.5f, head, MUTED, false);
                    }
                }
            }
            cs = null;
        }

        void text(float x, float baseline, float size, String s, Color color, boolean bold) throws IOException {
            String clean = clean(s).replace('\n', ' ');
            if (clean.isEmpty()) {
                return;
            }
            cs.beginText();
            cs.setFont(font, size);
            cs.setNonStrokingColor(color);
            if (bold) {
                // one face only: bold is the outline stroked over the fill
                cs.setRenderingMode(RenderingMode.FILL_STROKE);
                cs.setStrokingColor(color);
                cs.setLineWidth(size * 0.035f);
            } else {
                cs.setRenderingMode(RenderingMode.FILL);
            }
            cs.newLineAtOffset(x, baseline);
            cs.showText(clean);
            cs.endText();
        }

        String fit(String s, float size, float max) throws IOException {
            String clean = clean(s);
            if (textWidth(clean, size) <= max) {
                return clean;
            }
            StringBuilder b = new StringBuilder();
            float w = textWidth("…", size);
            for (int i = 0; i < clean.length(); ) {
                int cp = clean.codePointAt(i);
                float cw = charWidth(cp, size);
                if (w + cw > max) {
                    break;
                }
                b.appendCodePoint(cp);
                w += cw;
                i += Character.charCount(cp);
            }
            return b.append('…').toString();
        }

        /** Greedy line breaking: CJK breaks anywhere, Latin words at spaces, no line starts with closing punctuation. */
        List<String> wrap(String s, float size, float max) throws IOException {
            List<String> lines = new ArrayList<>();
            for (String para : clean(s.replace("\r\n", "\n")).split("\n", -1)) {
                StringBuilder line = new StringBuilder();
                float w = 0;
                for (int i = 0; i < para.length(); ) {
                    int cp = para.codePointAt(i);
                    i += Character.charCount(cp);
                    float cw = charWidth(cp, size);
                    if (w + cw > max && line.length() > 0 && NO_BREAK_BEFORE.indexOf(cp) < 0) {
                        int space = line.lastIndexOf(" ");
                        boolean inWord = cp != ' ' && isLatin(cp) && space > 0 && space > line.length() - 30
                                && line.substring(space + 1).chars().allMatch(ReportRenderer::isLatin);
                        if (inWord) {
                            String carry = line.substring(space + 1);
                            lines.add(line.substring(0, space));
                            line.setLength(0);
                            line.append(carry);
                            w = textWidth(carry, size);
                        } else {
                            lines.add(line.toString());
                            line.setLength(0);
                            w = 0;
                            if (cp == ' ') {
                                continue;
                            }
                        }
                    }
                    line.appendCodePoint(cp);
                    w += cw;
                }
                lines.add(line.toString());
            }
            return lines;
        }

        float textWidth(String s, float size) throws IOException {
            float w = 0;
            for (int i = 0; i < s.length(); ) {
                int cp = s.codePointAt(i);
                w += charWidth(cp, size);
                i += Character.charCount(cp);
            }
            return w;
        }

        float charWidth(int cp, float size) throws IOException {
            Float units = widths.get(cp);
            if (units == null) {
                units = font.getStringWidth(new String(Character.toChars(cp)));
                widths.put(cp, units);
            }
            return units * size / 1000f;
        }

        /** Control characters become spaces; what the face cannot draw becomes a visible replacement, never a crash. */
        String clean(String s) {
            if (s == null) {
                return "";
            }
            StringBuilder b = new StringBuilder(s.length());
            for (int i = 0; i < s.length(); ) {
                int cp = s.codePointAt(i);
                i += Character.charCount(cp);
                if (cp == '\n') {
                    b.append('\n');
                } else if (Character.isISOControl(cp) || Character.getType(cp) == Character.FORMAT) {
                    b.append(' ');
                } else if (fonts.hasGlyph(cp)) {
                    b.appendCodePoint(cp);
                } else {
                    b.append(fonts.hasGlyph('□') ? '□' : '?');
                }
            }
            return b.toString();
        }
    }

    private static boolean isLatin(int cp) {
        return cp < 0x2E80 && cp != ' ' && !Character.isWhitespace(cp);
    }
}
