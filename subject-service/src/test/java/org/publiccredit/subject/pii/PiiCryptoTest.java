package org.publiccredit.subject.pii;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import java.util.Base64;
import org.junit.jupiter.api.Test;
import org.publiccredit.commons.id.IdNumber;

class PiiCryptoTest {

    private static final String KEY_A = Base64.getEncoder().encodeToString("0123456789abcdef0123456789abcdef".getBytes());
    private static final String KEY_B = Base64.getEncoder().encodeToString("fedcba9876543210fedcba9876543210".getBytes());
    private static final IdNumber ZHANG = IdNumber.parse("450202199001011237");
    private static final IdNumber OTHER = IdNumber.parse("11010519491231002X");

    private final PiiCrypto crypto = new PiiCrypto(new PiiProperties(KEY_A, KEY_B));

    @Test
    void theHashIsStableAndDependsOnNumberAndKey() {
        byte[] first = crypto.hash(ZHANG);
        assertThat(first).hasSize(32);
        assertThat(crypto.hash(IdNumber.parse("450202199001011237"))).isEqualTo(first);
        assertThat(new PiiCrypto(new PiiProperties(KEY_A, KEY_B)).hash(ZHANG)).as("another instance, same key").isEqualTo(first);
        assertThat(crypto.hash(OTHER)).isNotEqualTo(first);
        assertThat(new PiiCrypto(new PiiProperties(KEY_B, KEY_B)).hash(ZHANG)).as("another key").isNotEqualTo(first);
        assertThat(new String(first, java.nio.charset.StandardCharsets.ISO_8859_1)).doesNotContain("450202");
    }

    @Test
    void encryptionRoundTripsWithAFreshNonceEachTime() {
        byte[] hash = crypto.hash(ZHANG);
        byte[] once = crypto.encrypt(ZHANG, hash);
        byte[] twice = crypto.encrypt(ZHANG, hash);
        assertThat(once).isNotEqualTo(twice);
        assertThat(crypto.decrypt(once, hash)).isEqualTo("450202199001011237");
        assertThat(crypto.decrypt(twice, hash)).isEqualTo("450202199001011237");
        assertThat(new String(once, java.nio.charset.StandardCharsets.ISO_8859_1)).doesNotContain("450202199001011237");
    }

    @Test
    void anAlteredCiphertextIsRefused() {
        byte[] hash = crypto.hash(ZHANG);
        byte[] sealed = crypto.encrypt(ZHANG, hash);
        for (int i = 1; i < sealed.length; i += 7) {
            byte[] tampered = sealed.clone();
            tampered[i] ^= 0x01;
            assertThatThrownBy(() -> crypto.decrypt(tampered, hash)).isInstanceOf(PiiCrypto.PiiIntegrityException.class);
        }
        assertThatThrownBy(() -> crypto.decrypt(Arrays.copyOf(sealed, sealed.length - 1), hash))
                .isInstanceOf(PiiCrypto.PiiIntegrityException.class);
        byte[] wrongFormat = sealed.clone();
        wrongFormat[0] = 9;
        assertThatThrownBy(() -> crypto.decrypt(wrongFormat, hash)).isInstanceOf(PiiCrypto.PiiIntegrityException.class);
    }

    @Test
    void aCiphertextMovedToAnotherPersonsRowIsRefused() {
        byte[] sealed = crypto.encrypt(ZHANG, crypto.hash(ZHANG));
        assertThatThrownBy(() -> crypto.decrypt(sealed, crypto.hash(OTHER))).isInstanceOf(PiiCrypto.PiiIntegrityException.class);
    }

    @Test
    void anotherEncryptionKeyCannotRead() {
        byte[] hash = crypto.hash(ZHANG);
        byte[] sealed = crypto.encrypt(ZHANG, hash);
        PiiCrypto otherKey = new PiiCrypto(new PiiProperties(KEY_A, KEY_A));
        assertThatThrownBy(() -> otherKey.decrypt(sealed, hash)).isInstanceOf(PiiCrypto.PiiIntegrityException.class);
    }

    @Test
    void missingOrShortKeysStopTheServiceWithTheFix() {
        assertThatThrownBy(() -> new PiiCrypto(new PiiProperties(null, KEY_B)))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("PII_HASH_KEY");
        assertThatThrownBy(() -> new PiiCrypto(new PiiProperties(KEY_A, "")))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("PII_ENCRYPTION_KEY");
        assertThatThrownBy(() -> new PiiCrypto(new PiiProperties(Base64.getEncoder().encodeToString(new byte[16]), KEY_B)))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("32 bytes");
        assertThatThrownBy(() -> new PiiCrypto(new PiiProperties("not base64!", KEY_B)))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("base64");
    }
}
