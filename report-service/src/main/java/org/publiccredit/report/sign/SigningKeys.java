package org.publiccredit.report.sign;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.StringReader;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.MessageDigest;
import java.security.PrivateKey;
import java.security.SecureRandom;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.HexFormat;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x500.X500NameBuilder;
import org.bouncycastle.asn1.x500.style.BCStyle;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.asn1.pkcs.PrivateKeyInfo;
import org.bouncycastle.cert.X509v3CertificateBuilder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509ExtensionUtils;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.openssl.PEMKeyPair;
import org.bouncycastle.openssl.PEMParser;
import org.bouncycastle.openssl.jcajce.JcaPEMKeyConverter;
import org.bouncycastle.openssl.jcajce.JcaPEMWriter;
import org.bouncycastle.openssl.jcajce.JcaPKCS8Generator;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The platform's report-signing key and its certificate. In Kubernetes both come from the Secret {@code report-signing}
 * (PEM files, {@link #fromPem}); on the local stack the service makes an RSA 3072 key and a self-signed certificate
 * once, in its state directory, and reuses them on every later start ({@link #loadOrCreate}). A verification checks a
 * report's signature against the certificates the platform has signed with, so a new key does not orphan old reports.
 */
public final class SigningKeys {

    private static final Logger log = LoggerFactory.getLogger(SigningKeys.class);
    static final String KEY_FILE = "signing-key.pem";
    static final String CERT_FILE = "signing-cert.pem";

    private final PrivateKey key;
    private final X509Certificate certificate;
    private final String fingerprint;

    SigningKeys(PrivateKey key, X509Certificate certificate) {
        this.key = key;
        this.certificate = certificate;
        this.fingerprint = fingerprint(certificate);
    }

    public PrivateKey key() {
        return key;
    }

    public X509Certificate certificate() {
        return certificate;
    }

    /** SHA-256 of the certificate's DER encoding, lower-case hex. */
    public String fingerprint() {
        return fingerprint;
    }

    /** The JCA signature algorithm for the key: SHA256withRSA or SHA256withECDSA. */
    String algorithm() {
        return "EC".equals(key.getAlgorithm()) ? "SHA256withECDSA" : "SHA256withRSA";
    }

    public static String fingerprint(X509Certificate certificate) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(certificate.getEncoded()));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A key (PKCS#8 or PKCS#1 PEM, RSA or EC) and its certificate (PEM), e.g. a Kubernetes TLS-type Secret's files. */
    public static SigningKeys fromPem(String keyPem, String certificatePem) {
        try (PEMParser parser = new PEMParser(new StringReader(keyPem))) {
            Object parsed = parser.readObject();
            JcaPEMKeyConverter converter = new JcaPEMKeyConverter();
            PrivateKey key;
            if (parsed instanceof PEMKeyPair pair) {
                key = converter.getKeyPair(pair).getPrivate();
            } else if (parsed instanceof PrivateKeyInfo info) {
                key = converter.getPrivateKey(info);
            } else {
                throw new IllegalArgumentException("the signing key file holds no unencrypted private key");
            }
            X509Certificate certificate = (X509Certificate) CertificateFactory.getInstance("X.509")
                    .generateCertificate(new ByteArrayInputStream(certificatePem.getBytes(StandardCharsets.US_ASCII)));
            return new SigningKeys(key, certificate);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (GeneralSecurityException e) {
            throw new IllegalArgumentException("the signing certificate cannot be read", e);
        }
    }

    public static SigningKeys fromFiles(Path keyFile, Path certificateFile) {
        try {
            return fromPem(Files.readString(keyFile, StandardCharsets.US_ASCII), Files.readString(certificateFile, StandardCharsets.US_ASCII));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the report-signing key or certificate", e);
        }
    }

    /** A new RSA 3072 key with a self-signed certificate valid for ten years (tests, and the local stack's first start). */
    public static SigningKeys generate(String commonName, Clock clock) {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(3072, new SecureRandom());
            KeyPair pair = generator.generateKeyPair();
            X500Name name = new X500NameBuilder(BCStyle.INSTANCE).addRDN(BCStyle.C, "CN")
                    .addRDN(BCStyle.O, "Public Credit Platform").addRDN(BCStyle.CN, commonName).build();
            Instant now = clock.instant();
            X509v3CertificateBuilder builder = new JcaX509v3CertificateBuilder(name, new BigInteger(96, new SecureRandom()),
                    Date.from(now.minus(Duration.ofHours(1))), Date.from(now.plus(Duration.ofDays(3653))), name, pair.getPublic());
            JcaX509ExtensionUtils ext = new JcaX509ExtensionUtils();
            builder.addExtension(Extension.basicConstraints, true, new BasicConstraints(false));
            builder.addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.digitalSignature | KeyUsage.nonRepudiation));
            builder.addExtension(Extension.subjectKeyIdentifier, false, ext.createSubjectKeyIdentifier(pair.getPublic()));
            X509Certificate certificate = new JcaX509CertificateConverter()
                    .getCertificate(builder.build(new JcaContentSignerBuilder("SHA256withRSA").build(pair.getPrivate())));
            return new SigningKeys(pair.getPrivate(), certificate);
        } catch (GeneralSecurityException | OperatorCreationException | IOException e) {
            throw new IllegalStateException("cannot make a signing key", e);
        }
    }

    /**
     * The key and certificate in {@code directory}, made there on the first call and reused on every later one (several
     * instances starting at once: the first to move its files in wins, the others read them).
     */
    public static SigningKeys loadOrCreate(Path directory, String commonName, Clock clock) {
        Path keyFile = directory.resolve(KEY_FILE);
        Path certFile = directory.resolve(CERT_FILE);
        try {
            if (!Files.exists(certFile)) {
                Files.createDirectories(directory);
                SigningKeys made = generate(commonName, clock);
                Path keyTmp = Files.createTempFile(directory, "key", ".tmp", PosixFilePermissions.asFileAttribute(
                        PosixFilePermissions.fromString("rw-------")));
                Files.writeString(keyTmp, pem(new JcaPKCS8Generator(made.key(), null)), StandardCharsets.US_ASCII);
                Path certTmp = Files.createTempFile(directory, "cert", ".tmp");
                Files.writeString(certTmp, pem(made.certificate()), StandardCharsets.US_ASCII);
                try {
                    // plain moves refuse an existing target (an atomic rename would silently replace another instance's key)
                    Files.move(keyTmp, keyFile);
                    Files.move(certTmp, certFile);
                    log.info("made the local report-signing key and self-signed certificate in {} (SHA-256 {})", directory,
                            made.fingerprint());
                    return made;
                } catch (FileAlreadyExistsException another) {
                    Files.deleteIfExists(keyTmp);
                    Files.deleteIfExists(certTmp);
                }
            }
            for (int i = 0; i < 40 && !Files.exists(certFile); i++) {
                Thread.sleep(50);
            }
            SigningKeys loaded = fromFiles(keyFile, certFile);
            log.info("report-signing certificate {} (SHA-256 {})", loaded.certificate().getSubjectX500Principal().getName(),
                    loaded.fingerprint());
            return loaded;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot keep the local report-signing key in " + directory, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    static String pem(Object object) throws IOException {
        StringWriter out = new StringWriter();
        try (JcaPEMWriter writer = new JcaPEMWriter(out)) {
            writer.writeObject(object);
        }
        return out.toString();
    }
}
