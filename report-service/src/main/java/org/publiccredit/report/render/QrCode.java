package org.publiccredit.report.render;

import com.google.zxing.BarcodeFormat;
import com.google.zxing.EncodeHintType;
import com.google.zxing.WriterException;
import com.google.zxing.common.BitMatrix;
import com.google.zxing.qrcode.QRCodeWriter;
import com.google.zxing.qrcode.decoder.ErrorCorrectionLevel;
import java.io.IOException;
import java.util.Map;
import org.apache.pdfbox.pdmodel.PDPageContentStream;

/** A QR code (ZXing) drawn as vector squares: sharp at any zoom and in print, no image in the PDF. */
final class QrCode {

    private QrCode() {
    }

    static BitMatrix encode(String text) {
        try {
            return new QRCodeWriter().encode(text, BarcodeFormat.QR_CODE, 0, 0,
                    Map.of(EncodeHintType.ERROR_CORRECTION, ErrorCorrectionLevel.M, EncodeHintType.MARGIN, 0,
                            EncodeHintType.CHARACTER_SET, "UTF-8"));
        } catch (WriterException e) {
            throw new IllegalArgumentException("cannot encode the verification URL as a QR code", e);
        }
    }

    /** Draws the code with its lower left corner at (x, y), {@code size} points wide. */
    static void draw(PDPageContentStream cs, BitMatrix matrix, float x, float y, float size) throws IOException {
        int n = matrix.getWidth();
        float module = size / n;
        for (int row = 0; row < n; row++) {
            for (int col = 0; col < n; col++) {
                if (matrix.get(col, row)) {
                    cs.addRect(x + col * module, y + size - (row + 1) * module, module, module);
                }
            }
        }
        cs.fill();
    }
}
