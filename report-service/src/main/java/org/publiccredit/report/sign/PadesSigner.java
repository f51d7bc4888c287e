package org.publiccredit.report.sign;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.cert.CertificateEncodingException;
import java.time.Instant;
import java.util.Calendar;
import java.util.GregorianCalendar;
import java.util.List;
import java.util.Map;
import java.util.TimeZone;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.interactive.digitalsignature.ExternalSigningSupport;
import org.apache.pdfbox.pdmodel.interactive.digitalsignature.PDSignature;
import org.apache.pdfbox.pdmodel.interactive.digitalsignature.SignatureOptions;
import org.bouncycastle.asn1.ASN1EncodableVector;
import org.bouncycastle.asn1.DERSet;
import org.bouncycastle.asn1.cms.Attribute;
import org.bouncycastle.asn1.cms.AttributeTable;
import org.bouncycastle.asn1.cms.CMSAttributes;
import org.bouncycastle.asn1.ess.ESSCertIDv2;
import org.bouncycastle.asn1.ess.SigningCertificateV2;
import org.bouncycastle.asn1.pkcs.PKCSObjectIdentifiers;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.asn1.x509.IssuerSerial;
import org.bouncycastle.cert.jcajce.JcaCertStore;
import org.bouncycastle.cms.CMSAttributeTableGenerator;
import org.bouncycastle.cms.CMSException;
import org.bouncycastle.cms.CMSProcessableByteArray;
import org.bouncycastle.cms.CMSSignedDataGenerator;
import org.bouncycastle.cms.DefaultSignedAttributeTableGenerator;
import org.bouncycastle.cms.jcajce.JcaSignerInfoGeneratorBuilder;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.bouncycastle.operator.jcajce.JcaDigestCalculatorProviderBuilder;

/**
 * Signs a PDF as PAdES baseline B-B: an incremental update with a signature dictionary of SubFilter
 * {@code ETSI.CAdES.detached}, whose CMS SignedData (Bouncy Castle) covers every byte of the file but the signature
 * itself and carries the signer's certificate and the ESS signing-certificate-v2 attribute (the certificate's
 * SHA-256), without a CMS signing-time (the dictionary's /M carries the time, as PAdES asks).
 */
public final class PadesSigner {

    /** Room reserved for the CMS blob (bytes): an RSA 3072 signature and a certificate need about 2.5 KB. */
    private static final int SIGNATURE_SIZE = 8192;

    private final SigningKeys keys;

    public PadesSigner(SigningKeys keys) {
        this.keys = keys;
    }

    public SigningKeys keys() {
        return keys;
    }

    /**
     * What the signature dictionary says.
     *
     * @param name the signer (the platform)
     * @param reason why (e.g. 信用报告 NUMBER)
     * @param location where
     * @param at when
     */
    public record Details(String name, String reason, String location, Instant at) {
    }

    public byte[] sign(byte[] pdf, Details details) {
        try (PDDocument doc = Loader.loadPDF(pdf); SignatureOptions options = new SignatureOptions()) {
            PDSignature signature = new PDSignature();
            signature.setFilter(PDSignature.FILTER_ADOBE_PPKLITE);
            signature.setSubFilter(PDSignature.SUBFILTER_ETSI_CADES_DETACHED);
            signature.setName(details.name());
            signature.setReason(details.reason());
            signature.setLocation(details.location());
            Calendar at = new GregorianCalendar(TimeZone.getTimeZone("UTC"));
            at.setTimeInMillis(details.at().toEpochMilli());
            signature.setSignDate(at);
            options.setPreferredSignatureSize(SIGNATURE_SIZE);
            doc.addSignature(signature, options);
            ByteArrayOutputStream out = new ByteArrayOutputStream(pdf.length + 2 * SIGNATURE_SIZE + 4096);
            ExternalSigningSupport external = doc.saveIncrementalForExternalSigning(out);
            external.setSignature(cms(external.getContent()));
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The detached CMS SignedData over the signed byte ranges. */
    byte[] cms(InputStream content) throws IOException {
        try {
            byte[] data = content.readAllBytes();
            CMSSignedDataGenerator generator = new CMSSignedDataGenerator();
            var signer = new JcaContentSignerBuilder(keys.algorithm()).build(keys.key());
            generator.addSignerInfoGenerator(new JcaSignerInfoGeneratorBuilder(new JcaDigestCalculatorProviderBuilder().build())
                    .setSignedAttributeGenerator(padesAttributes())
                    .build(signer, keys.certificate()));
            generator.addCertificates(new JcaCertStore(List.of(keys.certificate())));
            return generator.generate(new CMSProcessableByteArray(data), false).getEncoded();
        } catch (OperatorCreationException | CMSException | CertificateEncodingException e) {
            throw new IllegalStateException("cannot sign the report", e);
        }
    }

    /** content-type and message-digest (added by Bouncy Castle), signing-certificate-v2; no signing-time. */
    private CMSAttributeTableGenerator padesAttributes() throws CertificateEncodingException {
        byte[] certHash;
        try {
            certHash = MessageDigest.getInstance("SHA-256").digest(keys.certificate().getEncoded());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
        IssuerSerial issuerSerial = new IssuerSerial(
                new GeneralNames(new GeneralName(X500Name.getInstance(keys.certificate().getIssuerX500Principal().getEncoded()))),
                keys.certificate().getSerialNumber());
        Attribute signingCertificate = new Attribute(PKCSObjectIdentifiers.id_aa_signingCertificateV2,
                new DERSet(new SigningCertificateV2(new ESSCertIDv2[] {new ESSCertIDv2(certHash, issuerSerial)})));
        ASN1EncodableVector attributes = new ASN1EncodableVector();
        attributes.add(signingCertificate);
        DefaultSignedAttributeTableGenerator defaults = new DefaultSignedAttributeTableGenerator(new AttributeTable(attributes));
        return (Map params) -> defaults.getAttributes(params).remove(CMSAttributes.signingTime);
    }
}
