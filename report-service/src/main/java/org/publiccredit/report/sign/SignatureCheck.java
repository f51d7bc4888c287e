package org.publiccredit.report.sign;

import java.io.IOException;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.Collection;
import java.util.HexFormat;
import java.util.Iterator;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.interactive.digitalsignature.PDSignature;
import org.bouncycastle.asn1.ASN1InputStream;
import org.bouncycastle.asn1.cms.ContentInfo;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cms.CMSProcessableByteArray;
import org.bouncycastle.cms.CMSSignedData;
import org.bouncycastle.cms.SignerInformation;
import org.bouncycastle.cms.jcajce.JcaSimpleSignerInfoVerifierBuilder;

/**
 * Reads a PDF's last signature and checks it: that it covers the whole file (nothing appended after signing), that
 * its CMS SignedData verifies over the signed bytes, and who signed (the signer certificate's SHA-256, for the caller to
 * compare with the platform's certificates). Any damage is an answer ("not valid"), never an exception.
 */
public final class SignatureCheck {

    private SignatureCheck() {
    }

    /**
     * What the file's signature says.
     *
     * @param pdf whether the bytes parse as a PDF at all
     * @param present whether it has a signature
     * @param coversWholeFile whether the signed byte ranges span the whole file but the signature value
     * @param valid whether the CMS signature verifies over those bytes with the certificate it names
     * @param signerFingerprint SHA-256 of the signer's certificate (DER), hex; null when none
     * @param signedAt the time in the signature dictionary
     * @param reportNumber the report number in the document information, if any
     */
    public record Result(boolean pdf, boolean present, boolean coversWholeFile, boolean valid, String signerFingerprint,
            Instant signedAt, String reportNumber) {

        static Result notAPdf() {
            return new Result(false, false, false, false, null, null, null);
        }
    }

    /** The CMS object in a signature's /Contents, without the zero padding that fills the reserved room. */
    static ContentInfo contentInfo(byte[] contents) throws IOException {
        try (ASN1InputStream in = new ASN1InputStream(contents)) {
            return ContentInfo.getInstance(in.readObject());
        }
    }

    public static Result check(byte[] file, String numberKey) {
        try (PDDocument doc = Loader.loadPDF(file)) {
            String number = doc.getDocumentInformation().getCustomMetadataValue(numberKey);
            PDSignature signature = doc.getLastSignatureDictionary();
            if (signature == null) {
                return new Result(true, false, false, false, null, null, number);
            }
            int[] range = signature.getByteRange();
            boolean whole = range != null && range.length == 4 && range[0] == 0 && range[1] > 0 && range[2] > range[1]
                    && (long) range[2] + range[3] == file.length;
            Instant at = signature.getSignDate() == null ? null : signature.getSignDate().toInstant();
            String signer = null;
            boolean valid = false;
            try {
                CMSSignedData cms = new CMSSignedData(new CMSProcessableByteArray(signature.getSignedContent(file)),
                        contentInfo(signature.getContents(file)));
                Iterator<SignerInformation> signers = cms.getSignerInfos().getSigners().iterator();
                if (signers.hasNext()) {
                    SignerInformation info = signers.next();
                    @SuppressWarnings("unchecked")
                    Collection<X509CertificateHolder> certs = cms.getCertificates().getMatches(info.getSID());
                    if (!certs.isEmpty()) {
                        X509CertificateHolder cert = certs.iterator().next();
                        signer = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(cert.getEncoded()));
                        valid = info.verify(new JcaSimpleSignerInfoVerifierBuilder().build(cert));
                    }
                }
            } catch (Exception broken) {
                valid = false;
            }
            return new Result(true, true, whole, valid && whole, signer, at, number);
        } catch (IOException | RuntimeException e) {
            return Result.notAPdf();
        }
    }
}
