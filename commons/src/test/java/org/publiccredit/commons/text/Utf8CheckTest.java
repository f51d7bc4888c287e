package org.publiccredit.commons.text;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.MalformedInputException;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class Utf8CheckTest {

    @Test
    void wellFormedUtf8Passes() {
        assertThatCode(() -> check("{\"name\":\"广西 😀 é\"}".getBytes(StandardCharsets.UTF_8))).doesNotThrowAnyException();
        assertThatCode(() -> check(new byte[] {(byte) 0xF4, (byte) 0x8F, (byte) 0xBF, (byte) 0xBF})).doesNotThrowAnyException();
    }

    @Test
    void overlongSurrogateOutOfRangeAndStrayBytesAreRefused() {
        refused(0xC0, 0xAF);             // overlong "/"
        refused(0xC1, 0x81);             // overlong "A"
        refused(0xE0, 0x80, 0xAF);       // overlong 3-byte
        refused(0xF0, 0x80, 0x80, 0xAF); // overlong 4-byte
        refused(0xED, 0xA0, 0x80);       // encoded surrogate U+D800
        refused(0xF4, 0x90, 0x80, 0x80); // above U+10FFFF
        refused(0xF5, 0x80, 0x80, 0x80);
        refused(0x80);                   // stray continuation
        refused(0xE4, 0xB8);             // cut off at the end
        refused(0xD5, 0xC2);             // GBK bytes
    }

    private static void refused(int... bytes) {
        byte[] b = new byte[bytes.length];
        for (int i = 0; i < bytes.length; i++) {
            b[i] = (byte) bytes[i];
        }
        assertThatThrownBy(() -> check(b)).isInstanceOf(MalformedInputException.class);
    }

    private static void check(byte[] bytes) throws MalformedInputException {
        Utf8Check check = new Utf8Check();
        // byte by byte and in one block: a sequence split across reads is still checked
        for (byte b : bytes) {
            check.update(b);
        }
        check.finish();
        Utf8Check block = new Utf8Check();
        block.update(bytes, 0, bytes.length);
        block.finish();
    }
}
