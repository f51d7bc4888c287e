package org.publiccredit.subject.pii;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The keys that protect id numbers, base64 of 32 random bytes each. The base profile has no default, so a
 * deployment that forgets them does not start; the local profile has local-only defaults.
 *
 * @param hashKey       HMAC-SHA256 key of the look-up hash ({@code PII_HASH_KEY})
 * @param encryptionKey AES-256-GCM key of the stored number ({@code PII_ENCRYPTION_KEY})
 */
@ConfigurationProperties("platform.pii")
public record PiiProperties(String hashKey, String encryptionKey) {
}
