package org.publiccredit.report.sign;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.interactive.digitalsignature.PDSignature;
import org.bouncycastle.asn1.pkcs.PKCSObjectIdentifiers;
import org.bouncycastle.asn1.cms.CMSAttributes;
import org.bouncycastle.cms.CMSSignedData;
import org.bouncycastle.cms.SignerInformation;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.publiccredit.report.render.ReportFixtures;
import org.publiccredit.report.render.ReportFonts;
import org.publiccredit.report.render.ReportRenderer;

class PadesSignerTest {

    static SigningKeys keys;
    static byte[] signed;

    @BeforeAll
    static void sign() {
        keys = SigningKeys.generate("测试签章", Clock.systemUTC());
        byte[] pdf = new ReportRenderer(ReportFonts.load(1)).render(ReportFixtures.document("CR20261206-SIGNTEST0001", 2), Instant.now()).pdf();
        signed = new PadesSigner(keys).sign(pdf, new PadesSigner.Details("公共信用信息平台", "信用报告 CR20261206-SIGNTEST0001", "中国",
                Instant.now()));
    }

    @Test
    void theSignatureIsPadesBaselineAndVerifiesOverTheWholeFile() throws Exception {
        SignatureCheck.Result check = SignatureCheck.check(signed, ReportRenderer.NUMBER_KEY);
        assertThat(check.present()).isTrue();
        assertThat(check.coversWholeFile()).isTrue();
        assertThat(check.valid()).isTrue();
        assertThat(check.signerFingerprint()).isEqualTo(keys.fingerprint());
        assertThat(check.reportNumber()).isEqualTo("CR20261206-SIGNTEST0001");
        try (PDDocument doc = Loader.loadPDF(signed)) {
            PDSignature signature = doc.getLastSignatureDictionary();
            assertThat(signature.getSubFilter()).isEqualTo("ETSI.CAdES.detached");
            CMSSignedData cms = new CMSSignedData(SignatureCheck.contentInfo(signature.getContents(signed)));
            SignerInformation signer = cms.getSignerInfos().getSigners().iterator().next();
            assertThat(signer.getSignedAttributes().get(PKCSObjectIdentifiers.id_aa_signingCertificateV2)).isNotNull();
            assertThat(signer.getSignedAttributes().get(CMSAttributes.signingTime)).as("PAdES: no CMS signing-time").isNull();
        }
    }

    @Test
    void oneChangedByteAnywhereFailsTheSignature() {
        // in the page content (covered by the signature), and in the signature value itself
        for (int at : new int[] {signed.length / 3, signed.length - 40, firstSignatureHexDigit()}) {
            byte[] altered = signed.clone();
            altered[at] = (byte) (altered[at] == '0' ? '1' : altered[at] ^ 0x01);
            SignatureCheck.Result check = SignatureCheck.check(altered, ReportRenderer.NUMBER_KEY);
            assertThat(check.valid()).as("byte %d changed", at).isFalse();
        }
    }

    @Test
    void aByteAppendedAfterSigningMeansTheSignatureNoLongerCoversTheFile() {
        byte[] longer = java.util.Arrays.copyOf(signed, signed.length + 1);
        longer[signed.length] = '\n';
        assertThat(SignatureCheck.check(longer, ReportRenderer.NUMBER_KEY).valid()).isFalse();
    }

    @Test
    void garbageIsNotAPdfAndNotAnException() {
        assertThat(SignatureCheck.check("not a pdf".getBytes(), ReportRenderer.NUMBER_KEY).pdf()).isFalse();
    }

    @Test
    void theLocalKeyIsMadeOnceAndReused(@TempDir Path dir) throws IOException {
        SigningKeys first = SigningKeys.loadOrCreate(dir, "本地签章", Clock.systemUTC());
        SigningKeys again = SigningKeys.loadOrCreate(dir, "本地签章", Clock.systemUTC());
        assertThat(again.fingerprint()).isEqualTo(first.fingerprint());
        assertThat(Files.getPosixFilePermissions(dir.resolve(SigningKeys.KEY_FILE)).toString()).isEqualTo("[OWNER_READ, OWNER_WRITE]");
        // the files are what a Kubernetes Secret holds: PEM key and certificate
        SigningKeys fromSecret = SigningKeys.fromFiles(dir.resolve(SigningKeys.KEY_FILE), dir.resolve(SigningKeys.CERT_FILE));
        assertThat(fromSecret.fingerprint()).isEqualTo(first.fingerprint());
    }

    private static int firstSignatureHexDigit() {
        String text = new String(signed, java.nio.charset.StandardCharsets.ISO_8859_1);
        int contents = text.indexOf('<', text.lastIndexOf("/Contents"));
        return contents + 11;
    }
}
