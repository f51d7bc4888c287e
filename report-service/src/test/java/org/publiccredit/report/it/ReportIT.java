package org.publiccredit.report.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import javax.imageio.ImageIO;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.rendering.PDFRenderer;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.publiccredit.testkit.Api;
import org.publiccredit.testkit.IntegrationTest;
import org.publiccredit.testkit.Reply;
import org.publiccredit.testkit.Tokens;
import tools.jackson.databind.JsonNode;

/**
 * Reports through the gateway on a fresh subject with public and non-public records: the editions differ exactly by
 * the non-public records; every report verifies, one changed byte does not, a revoked one says so.
 */
@IntegrationTest
class ReportIT {

    static final String SUBJECT = Fixtures.freshUscc();
    static final String NAME = Fixtures.name();
    static final String PUBLIC_PENALTY = Fixtures.doc("柳市监罚");
    static final String DISPUTED_PENALTY = Fixtures.doc("柳市监罚");
    static final String EXPIRED_PENALTY = Fixtures.doc("柳市监罚");
    static final String REVOKED_PENALTY = Fixtures.doc("柳市监罚");
    static final String LICENCE = Fixtures.doc("柳市监许");
    static final String TAX_GRADE = Fixtures.doc("柳税评");
    static final List<String> PUBLIC = List.of(PUBLIC_PENALTY, DISPUTED_PENALTY, LICENCE);
    static final List<String> NOT_PUBLIC = List.of(EXPIRED_PENALTY, REVOKED_PENALTY, TAX_GRADE);

    @BeforeAll
    static void records() {
        Fixtures.push("officer-market", Fixtures.penalty(SUBJECT, NAME, PUBLIC_PENALTY, 7));
        String disputed = Fixtures.push("officer-market", Fixtures.penalty(SUBJECT, NAME, DISPUTED_PENALTY, 20));
        Fixtures.push("officer-market", Fixtures.penalty(SUBJECT, NAME, EXPIRED_PENALTY, 4 * 365 + 1));
        String revoked = Fixtures.push("officer-market", Fixtures.penalty(SUBJECT, NAME, REVOKED_PENALTY, 30));
        Fixtures.push("officer-market", Fixtures.licence(SUBJECT, NAME, LICENCE));
        Fixtures.push("officer-tax", Fixtures.taxGrade(SUBJECT, NAME, TAX_GRADE));
        Api.gateway().as(Tokens.user("officer-market")).post("/api/v1/records/" + revoked + ":revoke",
                Map.of("reason", "决定已被撤销（报告测试）")).expect(200);
        // an accepted objection marks the record DISPUTED (objection-service's effect, here sent directly)
        Api.service("record").as(Tokens.client("svc-objection")).post("/internal/v1/records/" + disputed + ":dispute",
                Map.of("operationId", "report-it:" + UUID.randomUUID(), "caseId", UUID.randomUUID().toString())).expect(200);
    }

    @Test
    void thePublicAndTheFullEditionDifferExactlyByTheNonPublicRecords() {
        Reply publicReply = Fixtures.report(Api.gateway(), SUBJECT, "public").expect(200);
        Reply fullReply = Fixtures.report(Api.gateway().as(Tokens.user("reviewer1")), SUBJECT, "full").expect(200);
        String publicText = Fixtures.text(publicReply.bytes());
        String fullText = Fixtures.text(fullReply.bytes());

        assertThat(PUBLIC).allSatisfy(d -> assertThat(publicText).contains(d));
        assertThat(NOT_PUBLIC).allSatisfy(d -> assertThat(publicText).doesNotContain(d));
        assertThat(PUBLIC).allSatisfy(d -> assertThat(fullText).contains(d));
        assertThat(NOT_PUBLIC).allSatisfy(d -> assertThat(fullText).contains(d));
        // nothing else differs: the public edition holds exactly the public records, the full one these and the others
        assertThat(documentNumbers(publicText)).containsExactlyInAnyOrderElementsOf(PUBLIC);
        assertThat(documentNumbers(fullText)).containsExactlyInAnyOrderElementsOf(
                java.util.stream.Stream.concat(PUBLIC.stream(), NOT_PUBLIC.stream()).toList());

        // the full edition says why each non-public record is not public; both label the disputed one
        assertThat(fullText).contains("未公示：公示期已届满", "未公示：已被数据提供单位撤销", "未公示：该类信息按目录规定不予公示");
        assertThat(publicText).doesNotContain("未公示：").contains("异议中");
        assertThat(fullText).contains("异议中");
        // sections in the order of the national report, the cut-off and the time
        assertThat(publicText).containsSubsequence("一、登记注册基础信息", "二、行政管理信息", "（一）行政许可信息", "（二）行政处罚信息",
                "三、诚实守信相关荣誉信息", "四、严重失信主体名单信息", "五、经营（活动）异常名录信息", "六、信用承诺信息", "七、信用评价信息",
                "八、司法判决及执行信息", "九、其他信息", "十、信用状况提升建议");
        assertThat(publicText).contains("数据截至", "信用记录变更序号", "生成时间", "公示版");
        assertThat(fullText).contains("完整版", "信用办审核人员");
        assertThat(Fixtures.number(publicReply)).isNotEqualTo(Fixtures.number(fullReply));
    }

    @Test
    void pageOneRendersAndItsTextHoldsTheSubjectsChineseName() throws IOException {
        byte[] pdf = Fixtures.report(Api.gateway(), SUBJECT, "public").expect(200).bytes();
        try (PDDocument doc = Loader.loadPDF(pdf)) {
            BufferedImage page = new PDFRenderer(doc).renderImageWithDPI(0, 110);
            Path png = Path.of("target", "screenshots", "report-public-page1.png");
            Files.createDirectories(png.getParent());
            ImageIO.write(page, "png", png.toFile());
            assertThat(page.getHeight()).isGreaterThan(1200);
            PDFTextStripper stripper = new PDFTextStripper();
            stripper.setEndPage(1);
            assertThat(stripper.getText(doc)).contains(NAME).contains(SUBJECT);
        }
    }

    @Test
    void aDepartmentsFullReportHoldsItsOwnRecordsOnly() {
        String text = Fixtures.text(Fixtures.report(Api.gateway().as(Tokens.user("officer-market")), SUBJECT, "full").expect(200).bytes());
        assertThat(text).contains(PUBLIC_PENALTY, EXPIRED_PENALTY, REVOKED_PENALTY, LICENCE).doesNotContain(TAX_GRADE)
                .contains("数据提供单位（市场监督管理部门）");
        String tax = Fixtures.text(Fixtures.report(Api.gateway().as(Tokens.user("officer-tax")), SUBJECT, "full").expect(200).bytes());
        assertThat(tax).contains(TAX_GRADE).doesNotContain(PUBLIC_PENALTY);
    }

    @Test
    void aReportVerifiesOneChangedByteFailsAndARevokedOneSaysSo() throws Exception {
        Reply reply = Fixtures.report(Api.gateway(), SUBJECT, "public").expect(200);
        String number = Fixtures.number(reply);
        byte[] pdf = reply.bytes();
        String sha = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(pdf));
        assertThat(reply.header("X-Report-SHA256")).containsExactly(sha);

        // the public register: issued, for whom, when, the hash
        JsonNode issued = Api.gateway().get("/api/v1/public/reports/" + number).expect(200).json();
        assertThat(issued.path("issued").asBoolean()).isTrue();
        assertThat(issued.path("sha256").asString()).isEqualTo(sha);
        assertThat(issued.path("subject").path("code").asString()).isEqualTo(SUBJECT);
        assertThat(issued.path("subject").path("name").asString()).isEqualTo(NAME);
        assertThat(issued.path("edition").asString()).isEqualTo("PUBLIC");
        assertThat(issued.path("status").asString()).isEqualTo("VALID");
        assertThat(issued.has("requestedBy")).isFalse();

        // the file itself: multipart and as the body
        String boundary = "b" + UUID.randomUUID();
        JsonNode ok = Api.gateway().post("/api/v1/public/reports:verify", "multipart/form-data; boundary=" + boundary,
                Fixtures.multipart(boundary, pdf)).expect(200).json();
        assertThat(ok.path("valid").asBoolean()).isTrue();
        assertThat(ok.path("status").asString()).isEqualTo("VALID");
        assertThat(ok.path("report").path("number").asString()).isEqualTo(number);
        assertThat(ok.path("signature").path("valid").asBoolean()).isTrue();
        assertThat(ok.path("signature").path("platformCertificate").asBoolean()).isTrue();
        assertThat(Api.gateway().post("/api/v1/public/reports:verify", "application/pdf", pdf).expect(200).json()
                .path("status").asString()).isEqualTo("VALID");

        // one changed byte, in the middle of the file: not genuine
        byte[] altered = pdf.clone();
        altered[altered.length / 2] ^= 0x01;
        JsonNode bad = Api.gateway().post("/api/v1/public/reports:verify", "application/pdf", altered).expect(200).json();
        assertThat(bad.path("valid").asBoolean()).isFalse();
        assertThat(bad.path("status").asString()).isIn("ALTERED", "UNKNOWN");
        assertThat(bad.path("signature").path("valid").asBoolean()).isFalse();

        // revocation: an admin only, once; verification then says REVOKED
        Map<String, String> reason = Map.of("reason", "报告所依据的数据已更正（测试）");
        Api.gateway().post("/api/v1/reports/" + number + ":revoke", reason).expectProblem(401, "UNAUTHENTICATED");
        Api.gateway().as(Tokens.user("ent1")).post("/api/v1/reports/" + number + ":revoke", reason).expectProblem(403, "ACCESS_DENIED");
        JsonNode revoked = Api.gateway().as(Tokens.user("admin1")).post("/api/v1/reports/" + number + ":revoke", reason).expect(200).json();
        assertThat(revoked.path("status").asString()).isEqualTo("REVOKED");
        Api.gateway().as(Tokens.user("admin1")).post("/api/v1/reports/" + number + ":revoke", reason)
                .expectProblem(409, "ILLEGAL_TRANSITION");
        Api.gateway().as(Tokens.user("admin1")).post("/api/v1/reports/CR20200101-000000000000:revoke", reason)
                .expectProblem(404, "REPORT_NOT_FOUND");
        JsonNode after = Api.gateway().post("/api/v1/public/reports:verify", "application/pdf", pdf).expect(200).json();
        assertThat(after.path("valid").asBoolean()).isFalse();
        assertThat(after.path("status").asString()).isEqualTo("REVOKED");
        assertThat(after.path("report").path("revoked").asBoolean()).isTrue();
        assertThat(Api.gateway().get("/api/v1/public/reports/" + number).expect(200).json().path("revokeReason").asString())
                .isEqualTo("报告所依据的数据已更正（测试）");
    }

    @Test
    void theEvaluationSectionShowsTheGradeOfTheMomentAndTheNextReportFollowsARevocation() {
        String subject = Fixtures.freshUscc();
        String name = Fixtures.name();
        Map<String, Object> serious = Fixtures.penalty(subject, name, Fixtures.doc("柳市监罚"), 15);
        @SuppressWarnings("unchecked")
        Map<String, Object> fields = (Map<String, Object>) serious.get("fields");
        fields.put("severity", "严重");
        fields.put("procedure", "普通程序");
        String id = Fixtures.push("officer-market", serious);
        String graded = Fixtures.text(Fixtures.report(Api.gateway(), subject, "public").expect(200).bytes());
        assertThat(graded).contains("C 级（中）").contains("近12个月严重失信行政处罚：1 条，-20 分");

        Api.gateway().as(Tokens.user("officer-market")).post("/api/v1/records/" + id + ":revoke",
                Map.of("reason", "决定已被撤销（报告测试）")).expect(200);
        String after = Fixtures.text(Fixtures.report(Api.gateway(), subject, "public").expect(200).bytes());
        assertThat(after).contains("B 级（良）").doesNotContain("严重失信行政处罚");
    }

    @Test
    void aFileThePlatformDidNotIssueIsUnknownAndAnUnknownNumberIsA404() {
        JsonNode unknown = Api.gateway().post("/api/v1/public/reports:verify", "application/pdf", "%PDF-1.7 not really".getBytes())
                .expect(200).json();
        assertThat(unknown.path("valid").asBoolean()).isFalse();
        assertThat(unknown.path("status").asString()).isEqualTo("UNKNOWN");
        Api.gateway().get("/api/v1/public/reports/CR20200101-000000000000").expectProblem(404, "REPORT_NOT_FOUND");
        Api.gateway().get("/api/v1/public/reports/nonsense").expectProblem(404, "REPORT_NOT_FOUND");
    }

    /** The distinct decision document numbers a report's text names (柳市监罚〔2026〕1234567890号 …). */
    private static java.util.Set<String> documentNumbers(String text) {
        java.util.Set<String> found = new java.util.TreeSet<>();
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("\\p{IsHan}+〔\\d{4}〕\\d{10}号").matcher(text);
        while (m.find()) {
            found.add(m.group());
        }
        return found;
    }
}
