package org.publiccredit.record.monitoring;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.Test;

class WebhookSignerTest {

    private static final byte[] BODY = "{\"eventId\":\"e1\",\"type\":\"NEW_LIST_ENTRY\",\"subject\":{\"code\":\"91450200MA5K00012P\"}}"
            .getBytes(StandardCharsets.UTF_8);
    private static final Duration TOLERANCE = Duration.ofMinutes(5);

    @Test
    void theSignatureIsTheHmacSha256OfTimestampDotBodyKeyedWithTheSecretsUtf8Bytes() throws Exception {
        String secret = "c2VjcmV0LXNlY3JldC1zZWNyZXQtc2VjcmV0LXNlYw";
        String header = WebhookSigner.header(1_790_000_000L, BODY, secret);
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        mac.update("1790000000.".getBytes(StandardCharsets.UTF_8));
        assertThat(header).isEqualTo("t=1790000000,v1=" + HexFormat.of().formatHex(mac.doFinal(BODY)));
    }

    @Test
    void theDocumentedCheckAcceptsTheRightSecretAndRefusesAForgery() {
        String secret = WebhookSigner.newSecret();
        Instant now = Instant.ofEpochSecond(1_790_000_000L);
        String header = WebhookSigner.header(now.getEpochSecond(), BODY, secret);
        assertThat(WebhookSigner.verify(header, BODY, secret, now.plusSeconds(30), TOLERANCE)).isTrue();
        // another secret, a changed body, a changed timestamp, a stale timestamp, a made-up signature
        assertThat(WebhookSigner.verify(header, BODY, WebhookSigner.newSecret(), now, TOLERANCE)).isFalse();
        byte[] changed = new String(BODY, StandardCharsets.UTF_8).replace("NEW_LIST_ENTRY", "REPAIRED").getBytes(StandardCharsets.UTF_8);
        assertThat(WebhookSigner.verify(header, changed, secret, now, TOLERANCE)).isFalse();
        assertThat(WebhookSigner.verify(header.replace("t=1790000000", "t=1790000001"), BODY, secret, now, TOLERANCE)).isFalse();
        assertThat(WebhookSigner.verify(header, BODY, secret, now.plus(Duration.ofMinutes(6)), TOLERANCE)).isFalse();
        assertThat(WebhookSigner.verify("t=1790000000,v1=" + "ab".repeat(32), BODY, secret, now, TOLERANCE)).isFalse();
        assertThat(WebhookSigner.verify(null, BODY, secret, now, TOLERANCE)).isFalse();
    }

    @Test
    void duringARotationBothSecretsSignAndEitherVerifies() {
        String current = WebhookSigner.newSecret();
        String previous = WebhookSigner.newSecret();
        Instant now = Instant.ofEpochSecond(1_790_000_000L);
        String header = WebhookSigner.header(now.getEpochSecond(), BODY, current, previous);
        assertThat(header.split(",")).hasSize(3);
        assertThat(WebhookSigner.verify(header, BODY, current, now, TOLERANCE)).isTrue();
        assertThat(WebhookSigner.verify(header, BODY, previous, now, TOLERANCE)).isTrue();
        assertThat(WebhookSigner.header(now.getEpochSecond(), BODY, current, null).split(",")).hasSize(2);
    }

    @Test
    void aSecretIs32RandomBytesBase64Url() {
        String a = WebhookSigner.newSecret();
        assertThat(Base64.getUrlDecoder().decode(a)).hasSize(32);
        assertThat(a).matches("[A-Za-z0-9_-]{43}").isNotEqualTo(WebhookSigner.newSecret());
    }
}
