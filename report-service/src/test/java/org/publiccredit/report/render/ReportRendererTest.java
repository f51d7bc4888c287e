package org.publiccredit.report.render;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import javax.imageio.ImageIO;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.pdmodel.font.PDType0Font;
import org.apache.pdfbox.rendering.PDFRenderer;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class ReportRendererTest {

    static ReportRenderer renderer;

    @BeforeAll
    static void font() {
        renderer = new ReportRenderer(ReportFonts.load(1));
    }

    @Test
    void pageOneRendersToAPngAndItsTextHoldsTheChineseName() throws IOException {
        byte[] pdf = renderer.render(ReportFixtures.document("CR20261206-0123456789AB", 3), Instant.now()).pdf();
        try (PDDocument doc = Loader.loadPDF(pdf)) {
            BufferedImage page = new PDFRenderer(doc).renderImageWithDPI(0, 96);
            Path png = Path.of("target", "report-page1.png");
            Files.createDirectories(png.getParent());
            ImageIO.write(page, "png", png.toFile());
            assertThat(page.getWidth()).isBetween(790, 800);
            assertThat(darkPixels(page)).as("page 1 shows text and a QR code").isGreaterThan(5_000);
            PDFTextStripper stripper = new PDFTextStripper();
            stripper.setStartPage(1);
            stripper.setEndPage(1);
            String text = stripper.getText(doc);
            assertThat(text).contains(ReportFixtures.NAME).contains("公共信用信息报告").contains("CR20261206-0123456789AB")
                    .contains("异议中");
        }
    }

    @Test
    void theFaceIsSubsetEmbeddedFromTheJarNotReadFromTheHost() throws IOException {
        byte[] pdf = renderer.render(ReportFixtures.document("CR20261206-0123456789AC", 1), Instant.now()).pdf();
        try (PDDocument doc = Loader.loadPDF(pdf)) {
            for (var name : doc.getPage(0).getResources().getFontNames()) {
                PDFont font = doc.getPage(0).getResources().getFont(name);
                assertThat(font).isInstanceOf(PDType0Font.class);
                assertThat(font.isEmbedded()).isTrue();
                // a subset's name has a six-letter tag: ABCDEF+NotoSansSC-…
                assertThat(font.getName()).matches("[A-Z]{6}\\+.*");
            }
        }
        // the whole face is 10 MB; a subset of the few hundred glyphs used is a small part of it
        assertThat(pdf.length).isLessThan(400_000);
    }

    @Test
    void manyRecordsFlowOverPagesWithANumberedFooterAndTheNumberInTheInfo() throws IOException {
        ReportRenderer.Rendered rendered = renderer.render(ReportFixtures.document("CR20261206-0123456789AD", 120), Instant.now());
        assertThat(rendered.pages()).isGreaterThan(5);
        try (PDDocument doc = Loader.loadPDF(rendered.pdf())) {
            assertThat(doc.getDocumentInformation().getCustomMetadataValue(ReportRenderer.NUMBER_KEY)).isEqualTo("CR20261206-0123456789AD");
            PDFTextStripper stripper = new PDFTextStripper();
            stripper.setStartPage(rendered.pages());
            stripper.setEndPage(rendered.pages());
            assertThat(stripper.getText(doc)).contains("第 " + rendered.pages() + " 页 / 共 " + rendered.pages() + " 页");
        }
    }

    @Test
    void aCharacterTheFaceLacksIsReplacedNotACrash() {
        // the fixture's advice ends with an emoji, which Noto Sans SC does not draw
        assertThat(renderer.render(ReportFixtures.document("CR20261206-0123456789AE", 0), Instant.now()).pdf()).isNotEmpty();
    }

    private static long darkPixels(BufferedImage image) {
        long n = 0;
        for (int y = 0; y < image.getHeight(); y++) {
            for (int x = 0; x < image.getWidth(); x++) {
                int rgb = image.getRGB(x, y);
                if (((rgb >> 16) & 0xff) + ((rgb >> 8) & 0xff) + (rgb & 0xff) < 300) {
                    n++;
                }
            }
        }
        return n;
    }
}
