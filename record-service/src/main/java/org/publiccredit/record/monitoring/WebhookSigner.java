package org.publiccredit.record.monitoring;

import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The webhook signature (docs/contracts.md, "Monitoring"): {@code X-Credit-Signature: t=<unix seconds>,v1=<hex>[,v1=<hex>]},
 * each {@code v1} the HMAC-SHA256, keyed with a secret's UTF-8 bytes, of {@code <t>.<body>}; during a rotation's overlap
 * there is one {@code v1} per valid secret, the current one first. A receiver accepts a request when one {@code v1}
 * equals its own computation (compared in constant time) and {@code t} is within its tolerance of its clock.
 */
final class WebhookSigner {

    /** The header carrying the signature. */
    static final String HEADER = "X-Credit-Signature";
    /** The header carrying the event id (to deduplicate). */
    static final String EVENT_ID_HEADER = "X-Credit-Event-Id";

    private static final SecureRandom RANDOM = new SecureRandom();

    private WebhookSigner() {
    }

    /** A new secret: 32 random bytes, base64url without padding. */
    static String newSecret() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    /** The header value for a body sent at {@code t}, signed with each secret given (nulls skipped). */
    static String header(long t, byte[] body, String... secrets) {
        StringBuilder out = new StringBuilder("t=").append(t);
        for (String secret : secrets) {
            if (secret != null) {
                out.append(",v1=").append(HexFormat.of().formatHex(hmac(secret, t, body)));
            }
        }
        return out.toString();
    }

    /**
     * The documented check: a {@code v1} of the header matches the body signed with {@code secret} at the header's
     * {@code t}, and {@code t} is within {@code tolerance} of {@code now}.
     */
    static boolean verify(String header, byte[] body, String secret, Instant now, Duration tolerance) {
        if (header == null || secret == null) {
            return false;
        }
        Long t = null;
        List<String> signatures = new ArrayList<>();
        for (String part : header.split(",")) {
            int eq = part.indexOf('=');
            if (eq < 0) {
                continue;
            }
            String key = part.substring(0, eq).strip();
            String value = part.substring(eq + 1).strip();
            if (key.equals("t")) {
                try {
                    t = Long.parseLong(value);
                } catch (NumberFormatException e) {
                    return false;
                }
            } else if (key.equals("v1")) {
                signatures.add(value);
            }
        }
        if (t == null || Math.abs(now.getEpochSecond() - t) > tolerance.toSeconds()) {
            return false;
        }
        byte[] expected = HexFormat.of().formatHex(hmac(secret, t, body)).getBytes(StandardCharsets.US_ASCII);
        boolean match = false;
        for (String s : signatures) {
            match |= MessageDigest.isEqual(expected, s.getBytes(StandardCharsets.US_ASCII));
        }
        return match;
    }

    static byte[] hmac(String secret, long t, byte[] body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            mac.update((t + ".").getBytes(StandardCharsets.US_ASCII));
            return mac.doFinal(body);
        } catch (NoSuchAlgorithmException | InvalidKeyException e) {
            throw new IllegalStateException(e);
        }
    }
}
