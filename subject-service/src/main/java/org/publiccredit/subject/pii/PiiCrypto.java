package org.publiccredit.subject.pii;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;
import javax.crypto.AEADBadTagException;
import javax.crypto.Cipher;
import javax.crypto.Mac;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import org.publiccredit.commons.id.IdNumber;
import org.springframework.stereotype.Component;

/**
 * Protection of id numbers at rest: a keyed hash (HMAC-SHA256) for look-up and AES-256-GCM encryption of the
 * number itself. The ciphertext is bound to its hash as associated data, so a ciphertext copied onto another
 * person's row does not decrypt. Layout: version byte (1), 12-byte nonce, ciphertext with 16-byte tag.
 */
@Component
public final class PiiCrypto {

    private static final byte FORMAT = 1;
    private static final int NONCE = 12;
    private static final int TAG_BITS = 128;

    private final SecretKeySpec hashKey;
    private final SecretKeySpec encryptionKey;
    private final SecureRandom random = new SecureRandom();

    public PiiCrypto(PiiProperties properties) {
        this.hashKey = new SecretKeySpec(key(properties.hashKey(), "platform.pii.hash-key", "PII_HASH_KEY"), "HmacSHA256");
        this.encryptionKey = new SecretKeySpec(key(properties.encryptionKey(), "platform.pii.encryption-key", "PII_ENCRYPTION_KEY"), "AES");
    }

    /** The keyed look-up hash of a valid number (32 bytes); the same number always gives the same hash. */
    public byte[] hash(IdNumber number) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(hashKey);
            return mac.doFinal(number.value().getBytes(StandardCharsets.US_ASCII));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HMAC-SHA256 unavailable", e);
        }
    }

    /** Encrypts the number, bound to its hash; a fresh nonce each time. */
    public byte[] encrypt(IdNumber number, byte[] hash) {
        byte[] nonce = new byte[NONCE];
        random.nextBytes(nonce);
        try {
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.ENCRYPT_MODE, encryptionKey, new GCMParameterSpec(TAG_BITS, nonce));
            cipher.updateAAD(hash);
            byte[] sealed = cipher.doFinal(number.value().getBytes(StandardCharsets.US_ASCII));
            return ByteBuffer.allocate(1 + NONCE + sealed.length).put(FORMAT).put(nonce).put(sealed).array();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM unavailable", e);
        }
    }

    /**
     * Decrypts a stored number and checks it against its hash.
     *
     * @throws PiiIntegrityException when the data was altered, belongs to another row, or the key is wrong
     */
    public String decrypt(byte[] stored, byte[] hash) {
        if (stored == null || stored.length < 1 + NONCE + TAG_BITS / 8 || stored[0] != FORMAT) {
            throw new PiiIntegrityException("unknown ciphertext format");
        }
        try {
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.DECRYPT_MODE, encryptionKey, new GCMParameterSpec(TAG_BITS, stored, 1, NONCE));
            cipher.updateAAD(hash);
            String number = new String(cipher.doFinal(stored, 1 + NONCE, stored.length - 1 - NONCE), StandardCharsets.US_ASCII);
            if (!Arrays.equals(hash(IdNumber.parse(number)), hash)) {
                throw new PiiIntegrityException("decrypted number does not match its hash");
            }
            return number;
        } catch (AEADBadTagException e) {
            throw new PiiIntegrityException("authentication tag mismatch");
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM unavailable", e);
        }
    }

    private static byte[] key(String base64, String property, String env) {
        if (base64 == null || base64.isBlank()) {
            throw new IllegalStateException(property + " is not set: set " + env + " to base64 of 32 random bytes");
        }
        byte[] key;
        try {
            key = Base64.getDecoder().decode(base64.strip());
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException(property + " (" + env + ") is not valid base64");
        }
        if (key.length != 32) {
            throw new IllegalStateException(property + " (" + env + ") must decode to 32 bytes, not " + key.length);
        }
        return key;
    }

    /** A stored id number failed its integrity check; the message never contains the number. */
    public static final class PiiIntegrityException extends RuntimeException {
        private static final long serialVersionUID = 1L;

        PiiIntegrityException(String message) {
            super(message, null, false, false);
        }
    }
}
