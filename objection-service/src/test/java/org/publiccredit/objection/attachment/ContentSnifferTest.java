package org.publiccredit.objection.attachment;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

class ContentSnifferTest {

    @Test
    void recognisesRealFiles() {
        assertThat(ContentSniffer.detect(TestFiles.pdf())).contains(FileType.PDF);
        assertThat(ContentSniffer.detect(TestFiles.png())).contains(FileType.PNG);
        assertThat(ContentSniffer.detect(TestFiles.jpeg())).contains(FileType.JPEG);
    }

    @Test
    void refusesTextWhateverItsName() {
        assertThat(ContentSniffer.detect(TestFiles.text())).isEmpty();
        assertThat(ContentSniffer.detect(new byte[0])).isEmpty();
        assertThat(ContentSniffer.detect(null)).isEmpty();
        assertThat(ContentSniffer.detect("<html><body>%PDF-1.4</body></html>".getBytes(StandardCharsets.UTF_8))).isEmpty();
    }

    @Test
    void magicBytesAloneAreNotEnough() {
        byte[] pdfWithoutEnd = Arrays.copyOf(TestFiles.pdf(), TestFiles.pdf().length - 7);
        assertThat(ContentSniffer.detect(pdfWithoutEnd)).as("PDF cut before %%EOF").isEmpty();
        assertThat(ContentSniffer.detect("%PDF-x.y garbage %%EOF".getBytes(StandardCharsets.US_ASCII))).isEmpty();

        byte[] png = TestFiles.png();
        byte[] badCrc = png.clone();
        badCrc[29] ^= 0x01;
        assertThat(ContentSniffer.detect(badCrc)).as("PNG with a broken IHDR CRC").isEmpty();
        assertThat(ContentSniffer.detect(Arrays.copyOf(png, png.length - 12))).as("PNG without IEND").isEmpty();
        assertThat(ContentSniffer.detect(Arrays.copyOf(png, 16))).as("only the signature").isEmpty();

        byte[] jpeg = TestFiles.jpeg();
        assertThat(ContentSniffer.detect(Arrays.copyOf(jpeg, jpeg.length - 2))).as("JPEG without EOI").isEmpty();
        byte[] fakeJpeg = {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF, 0x00, 1, 2, 3, 4, (byte) 0xFF, (byte) 0xD9};
        assertThat(ContentSniffer.detect(fakeJpeg)).as("not a JPEG marker after SOI").isEmpty();
    }

    @Test
    void fileNamesAreSanitised() {
        assertThat(Attachments.safeName("../../etc/passwd")).isEqualTo("passwd");
        assertThat(Attachments.safeName("C:\\temp\\收据.pdf")).isEqualTo("收据.pdf");
        assertThat(Attachments.safeName("a\"b\r\n.png")).isEqualTo("a_b__.png");
        assertThat(Attachments.safeName(null)).isEqualTo("attachment");
        assertThat(Attachments.safeName("  ")).isEqualTo("attachment");
    }
}
