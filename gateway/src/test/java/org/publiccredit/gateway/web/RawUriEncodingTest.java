package org.publiccredit.gateway.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class RawUriEncodingTest {

    /** What Netty makes of a request line: one char per byte (ISO-8859-1). */
    private static String asNettyReadsIt(String target) {
        return new String(target.getBytes(StandardCharsets.UTF_8), StandardCharsets.ISO_8859_1);
    }

    @Test
    void unencodedUtf8BytesArePercentEncoded() {
        assertThat(RawUriEncoding.encode(asNettyReadsIt("/api/v1/search?q=柳州&size=1")))
                .isEqualTo("/api/v1/search?q=%E6%9F%B3%E5%B7%9E&size=1");
    }

    @Test
    void controlCharactersAreEncodedToo() {
        assertThat(RawUriEncoding.encode("/api/v1/search?q=a\u007fb\u0001")).isEqualTo("/api/v1/search?q=a%7Fb%01");
    }

    @Test
    void printableCharactersAUriCannotHoldAreEncoded() {
        assertThat(RawUriEncoding.encode("/api\\v1/x?q=<a>\"{b}|^`")).isEqualTo("/api%5Cv1/x?q=%3Ca%3E%22%7Bb%7D%7C%5E%60");
    }

    @Test
    void aPercentSignThatStartsNoEscapeIsALiteralPercentSign() {
        assertThat(RawUriEncoding.encode("/api/v1/x?q=100%&r=%G1&s=%4")).isEqualTo("/api/v1/x?q=100%25&r=%25G1&s=%254");
        assertThat(RawUriEncoding.encode("/api/v1/x?q=%E6%9F%B3")).isEqualTo("/api/v1/x?q=%E6%9F%B3");
    }

    @Test
    void aValidTargetIsLeftAsItIs() {
        String target = "/api/v1/search?q=%E6%9F%B3&region=450202";
        assertThat(RawUriEncoding.encode(target)).isSameAs(target);
    }
}
